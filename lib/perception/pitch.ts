/** Fundamental-frequency estimation (YIN, de Cheveigné & Kawahara 2002) for 16 kHz speech. */

export interface PitchEstimate {
  /** F0 in Hz, 0 when unvoiced. */
  f0Hz: number;
  /** Periodicity 0..1 (1 - YIN's cumulative-mean-normalised difference at the chosen lag). */
  clarity: number;
}

/**
 * Reusable YIN pitch tracker. One instance allocates its buffers once; `estimate` does not allocate.
 * The analysis needs `windowSize + maxLag` samples, e.g. 512 + 229 at 16 kHz for 70 Hz.
 */
export class YinPitch {
  private readonly diff: Float32Array;
  readonly maxLag: number;
  readonly minLag: number;

  constructor(
    readonly sampleRate = 16000,
    minHz = 70,
    maxHz = 450,
    private readonly threshold = 0.15,
  ) {
    this.maxLag = Math.ceil(sampleRate / minHz);
    this.minLag = Math.max(2, Math.floor(sampleRate / maxHz));
    this.diff = new Float32Array(this.maxLag + 2);
  }

  /** F0 of `samples` (the newest `windowSize` samples are compared with lagged copies). */
  estimate(samples: Float32Array): PitchEstimate {
    const maxLag = Math.min(this.maxLag, Math.floor(samples.length / 2));
    const window = samples.length - maxLag;
    if (maxLag <= this.minLag + 2 || window < 64) return { f0Hz: 0, clarity: 0 };
    const d = this.diff;
    d[0] = 1;
    let running = 0;
    for (let lag = 1; lag <= maxLag; lag++) {
      let sum = 0;
      for (let i = 0; i < window; i++) {
        const delta = samples[i] - samples[i + lag];
        sum += delta * delta;
      }
      running += sum;
      d[lag] = running > 0 ? (sum * lag) / running : 1;
    }
    // First dip under the threshold, then down to its local minimum; else the global minimum.
    let best = -1;
    for (let lag = this.minLag; lag <= maxLag; lag++) {
      if (d[lag] < this.threshold) {
        while (lag + 1 <= maxLag && d[lag + 1] < d[lag]) lag++;
        best = lag;
        break;
      }
    }
    if (best < 0) {
      let min = Infinity;
      for (let lag = this.minLag; lag <= maxLag; lag++) {
        if (d[lag] < min) {
          min = d[lag];
          best = lag;
        }
      }
      if (min > 0.35) return { f0Hz: 0, clarity: Math.max(0, 1 - min) };
    }
    // Parabolic interpolation for sub-sample precision.
    let period = best;
    if (best > 1 && best < maxLag) {
      const a = d[best - 1], b = d[best], c = d[best + 1];
      const denom = a - 2 * b + c;
      if (denom > 0) period = best + (a - c) / (2 * denom);
    }
    return { f0Hz: this.sampleRate / period, clarity: Math.max(0, Math.min(1, 1 - d[best])) };
  }
}

/** Semitones of `hz` relative to 100 Hz (a perceptual pitch scale; 0 for unvoiced). */
export function semitones(hz: number): number {
  return hz > 0 ? 12 * Math.log2(hz / 100) : 0;
}
