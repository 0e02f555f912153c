/** Settings for `AdaptiveResolution`. */
export interface AdaptiveResolutionOptions {
  /** Lowest and highest device-pixel ratio the canvas may use. */
  minDpr: number;
  maxDpr: number;
  /** Where to start (clamped to the range). */
  initialDpr: number;
  /** Frame rate to hold, frames per second. */
  targetFps: number;
  /** Frames per decision window (the median interval of a window is what is judged). */
  windowFrames?: number;
  /** Windows to skip after a change (a resize and the first frames after it are not representative). */
  settleWindows?: number;
  /** Consecutive fast windows needed before stepping up (slow to rise, quick to fall). */
  upWindows?: number;
}

/**
 * Picks the canvas pixel ratio from measured frame intervals so a slow (software) rasteriser still
 * holds `targetFps`: it falls quickly when the median frame interval of a window is over budget
 * (by the square root of the overshoot, since pixel cost scales with dpr²) and rises slowly, only
 * when even the pessimistic prediction (all frame time scales with pixel count) stays within
 * budget. A step down that does not make frames faster is undone and not retried for a while:
 * when the fixed per-frame cost dominates, a blurrier image buys nothing. Pure: feed it intervals,
 * apply the dpr it returns.
 */
export class AdaptiveResolution {
  dpr: number;
  /** How many times the ratio changed. */
  changes = 0;
  private readonly opts: Required<AdaptiveResolutionOptions>;
  private readonly window: Float64Array;
  private readonly sorted: Float64Array;
  private filled = 0;
  private skip: number;
  private fastStreak = 0;
  /** Set after a step down: the ratio and median before it, to undo a step that bought nothing. */
  private dropFromDpr = 0;
  private dropFromMedian = 0;
  /** A ratio below which lowering was seen not to help (fixed per-frame cost dominates); expires. */
  private floor = 0;
  private floorWindows = 0;

  constructor(options: AdaptiveResolutionOptions) {
    this.opts = { windowFrames: 12, settleWindows: 1, upWindows: 4, ...options };
    this.dpr = clamp(options.initialDpr, options.minDpr, options.maxDpr);
    this.window = new Float64Array(this.opts.windowFrames);
    this.sorted = new Float64Array(this.opts.windowFrames);
    this.skip = this.opts.settleWindows;
  }

  /** Records one frame interval (ms). Returns the new dpr when it changes, otherwise null. Allocation-free. */
  sample(intervalMs: number): number | null {
    if (!(intervalMs > 0) || intervalMs > 2000) return null; // tab switch, debugger, first frame
    this.window[this.filled++] = intervalMs;
    if (this.filled < this.window.length) return null;
    this.filled = 0;
    if (this.skip > 0) {
      this.skip--;
      return null;
    }
    this.sorted.set(this.window);
    this.sorted.sort();
    const median = this.sorted[this.sorted.length >> 1];
    const budget = 1000 / this.opts.targetFps;
    if (this.floorWindows > 0 && --this.floorWindows === 0) this.floor = 0;
    let next = this.dpr;
    const dropFrom = this.dropFromDpr;
    this.dropFromDpr = 0;
    if (dropFrom > 0 && median > this.dropFromMedian * 0.94) {
      // Fewer pixels did not make frames faster: the cost is elsewhere, so keep the sharper image.
      next = dropFrom;
      this.floor = dropFrom;
      this.floorWindows = 40;
    } else if (median > budget * 1.08) {
      this.fastStreak = 0;
      next = Math.max(this.floor, this.dpr * Math.max(0.6, Math.min(0.92, Math.sqrt(budget / median))));
      if (next < this.dpr) {
        this.dropFromDpr = this.dpr;
        this.dropFromMedian = median;
      }
    } else {
      const up = Math.min(this.opts.maxDpr, this.dpr * 1.12);
      const predicted = median * (up / this.dpr) ** 2;
      this.fastStreak = predicted < budget * 0.9 ? this.fastStreak + 1 : 0;
      if (this.fastStreak >= this.opts.upWindows) {
        this.fastStreak = 0;
        next = up;
      }
    }
    next = clamp(Math.round(next * 100) / 100, this.opts.minDpr, this.opts.maxDpr);
    if (next === this.dpr) return null;
    this.dpr = next;
    this.changes++;
    this.skip = this.opts.settleWindows;
    return next;
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
