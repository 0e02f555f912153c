/**
 * The companion's voice gate on the audio thread: the turn worklet writes, per output sample, an
 * offset that is added to the companion bus's gain (intrinsic value 1). Offset 0 leaves the voice
 * as it is, so a worklet that stopped or never started (its output is then silence) cannot mute the
 * companion; `gain - 1` ducks or silences it within a few milliseconds of the deciding frame.
 */
export class GainOffsetRamp {
  private gain = 1;
  private readonly step: number;

  /** `timeConstantS`: one-pole smoothing, short enough to act at once, long enough not to click. */
  constructor(sampleRate: number, timeConstantS = 0.005) {
    this.step = 1 - Math.exp(-1 / (timeConstantS * sampleRate));
  }

  /** Current gain, 0..1. */
  get value(): number {
    return this.gain;
  }

  /** Fills `out` with the offset (gain - 1) while the gain moves toward `target` (0..1). */
  fill(out: Float32Array, target: number): void {
    let gain = this.gain;
    if (gain === target) {
      out.fill(gain - 1);
      return;
    }
    for (let i = 0; i < out.length; i++) {
      gain += (target - gain) * this.step;
      if (Math.abs(target - gain) < 1e-4) gain = target;
      out[i] = gain - 1;
    }
    this.gain = gain;
  }
}
