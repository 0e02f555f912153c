import { gaussianish, type Random } from './rng';

/** Timing of one blink, ms: fast close, short hold, slower open (human lids open ~2x slower). */
export const BLINK_CLOSE_MS = 75;
export const BLINK_HOLD_MS = 35;
export const BLINK_OPEN_MS = 140;
const BLINK_TOTAL_MS = BLINK_CLOSE_MS + BLINK_HOLD_MS + BLINK_OPEN_MS;

/** Shortest and longest gap between blink onsets, ms (issue 7: every 2–6 s). */
export const BLINK_MIN_GAP_MS = 2000;
export const BLINK_MAX_GAP_MS = 6000;

/**
 * Blink scheduler: gaps between blinks are log-normal around ~3.4 s clamped to 2–6 s (people
 * blink irregularly, with a long right tail), and one blink in seven is a quick double blink.
 * `update()` returns lid closure 0..1 and allocates nothing.
 */
export class BlinkScheduler {
  /** Page-clock time of the next blink onset, ms. */
  nextBlinkMs: number;
  private blinkStartMs = -Infinity;
  private pendingDoubleMs = -1;
  /** Blink onsets counted since creation (a double blink counts once). */
  blinkCount = 0;

  constructor(private readonly random: Random, startMs = 0, private readonly doubleBlinkChance = 0.14) {
    this.nextBlinkMs = startMs + this.drawGapMs();
  }

  /** A gap between blink onsets, ms, in [BLINK_MIN_GAP_MS, BLINK_MAX_GAP_MS]. */
  drawGapMs(): number {
    const gap = 3400 * Math.exp(0.3 * gaussianish(this.random));
    return Math.min(BLINK_MAX_GAP_MS, Math.max(BLINK_MIN_GAP_MS, gap));
  }

  /** Forces a blink now (used on gaze shifts: people blink when they look away). */
  trigger(nowMs: number): void {
    if (nowMs - this.blinkStartMs > BLINK_TOTAL_MS) {
      this.blinkStartMs = nowMs;
      this.nextBlinkMs = nowMs + this.drawGapMs();
    }
  }

  /** Lid closure at `nowMs`, 0 (open) .. 1 (closed). Call once per frame with a rising clock. */
  update(nowMs: number): number {
    if (nowMs >= this.nextBlinkMs) {
      this.blinkStartMs = this.nextBlinkMs;
      this.blinkCount++;
      this.pendingDoubleMs = this.random() < this.doubleBlinkChance ? this.blinkStartMs + BLINK_TOTAL_MS + 90 : -1;
      this.nextBlinkMs = this.blinkStartMs + this.drawGapMs();
    } else if (this.pendingDoubleMs >= 0 && nowMs >= this.pendingDoubleMs) {
      this.blinkStartMs = this.pendingDoubleMs;
      this.pendingDoubleMs = -1;
    }
    return blinkClosure(nowMs - this.blinkStartMs);
  }
}

/** Lid closure 0..1 at `elapsedMs` after a blink onset (0 outside the blink). */
export function blinkClosure(elapsedMs: number): number {
  if (elapsedMs < 0 || elapsedMs >= BLINK_TOTAL_MS) return 0;
  if (elapsedMs < BLINK_CLOSE_MS) {
    const t = elapsedMs / BLINK_CLOSE_MS;
    return t * t * (3 - 2 * t);
  }
  if (elapsedMs < BLINK_CLOSE_MS + BLINK_HOLD_MS) return 1;
  const t = (elapsedMs - BLINK_CLOSE_MS - BLINK_HOLD_MS) / BLINK_OPEN_MS;
  return 1 - t * t * (3 - 2 * t);
}
