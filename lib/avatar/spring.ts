/**
 * Critically damped springs over typed arrays: the avatar's only smoothing, so weights never pop
 * and never overshoot. `omega` is the natural frequency in rad/s (settles in about 4.6/omega s).
 */

/** Advances every channel of `values`/`velocities` toward `targets` by `dtSeconds`, in place. */
export function springArray(values: Float32Array, velocities: Float32Array, targets: Float32Array, dtSeconds: number, omega: number): void {
  const exp = Math.exp(-omega * dtSeconds);
  for (let i = 0; i < values.length; i++) {
    const x = values[i] - targets[i];
    const temp = (velocities[i] + omega * x) * dtSeconds;
    values[i] = targets[i] + (x + temp) * exp;
    velocities[i] = (velocities[i] - omega * temp) * exp;
  }
}

/** A scalar critically damped spring with its own state. */
export class Spring {
  value: number;
  velocity = 0;

  constructor(initial = 0, public omega = 10) {
    this.value = initial;
  }

  /** Moves toward `target` by `dtSeconds`; returns the new value. */
  step(target: number, dtSeconds: number): number {
    const x = this.value - target;
    const exp = Math.exp(-this.omega * dtSeconds);
    const temp = (this.velocity + this.omega * x) * dtSeconds;
    this.value = target + (x + temp) * exp;
    this.velocity = (this.velocity - this.omega * temp) * exp;
    return this.value;
  }
}
