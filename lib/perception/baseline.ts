/** A user's own running baseline: slow exponential mean and variance per feature, read out as z-scores. */

export interface BaselineOptions {
  /** Time constant of the mean/variance EMA in updates (e.g. 300 updates ≈ 30 s of speech at 10 Hz). */
  tauUpdates: number;
  /** Prior standard deviation per feature, used until enough samples are seen (and as a floor). */
  priorStd: ArrayLike<number>;
  /** Updates before z-scores are reported at full strength (they fade in before). */
  warmupUpdates?: number;
}

export class RunningBaseline {
  private readonly mean: Float64Array;
  private readonly variance: Float64Array;
  private readonly floorVar: Float64Array;
  private count = 0;
  private readonly alpha: number;
  private readonly warmup: number;

  constructor(readonly size: number, options: BaselineOptions) {
    this.mean = new Float64Array(size);
    this.variance = new Float64Array(size);
    this.floorVar = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const s = options.priorStd[i] ?? 1;
      this.variance[i] = s * s;
      this.floorVar[i] = (s * 0.25) ** 2;
    }
    this.alpha = 1 / Math.max(1, options.tauUpdates);
    this.warmup = options.warmupUpdates ?? 20;
  }

  /** Samples folded in so far. */
  get updates(): number {
    return this.count;
  }

  /** Folds one observation in. NaN entries are skipped (feature not measurable now). */
  update(values: ArrayLike<number>): void {
    this.count++;
    // Faster averaging at the start (1/n) until the EMA's own constant takes over.
    const a = Math.max(this.alpha, 1 / this.count);
    for (let i = 0; i < this.size; i++) {
      const x = values[i];
      if (!Number.isFinite(x)) continue;
      if (this.count === 1) {
        this.mean[i] = x;
        continue;
      }
      const delta = x - this.mean[i];
      this.mean[i] += a * delta;
      // Variance blends toward the prior early on so a few similar samples don't make z explode.
      this.variance[i] = Math.max(this.floorVar[i], (1 - a) * (this.variance[i] + a * delta * delta));
    }
  }

  /**
   * z-scores of `values` against the baseline, clipped to ±3, written into `out`. Faded in over the
   * warm-up; NaN inputs give 0 (no evidence).
   */
  zScores(values: ArrayLike<number>, out: Float32Array): Float32Array {
    const fade = Math.min(1, this.count / this.warmup);
    for (let i = 0; i < this.size; i++) {
      const x = values[i];
      if (!Number.isFinite(x) || this.count === 0) {
        out[i] = 0;
        continue;
      }
      const z = (x - this.mean[i]) / Math.sqrt(this.variance[i]);
      out[i] = Math.max(-3, Math.min(3, z)) * fade;
    }
    return out;
  }

  /** Current mean of feature `i`. */
  meanOf(i: number): number {
    return this.mean[i];
  }
}
