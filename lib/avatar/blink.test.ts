import { describe, expect, test } from 'vitest';
import { BLINK_MAX_GAP_MS, BLINK_MIN_GAP_MS, BlinkScheduler, blinkClosure } from './blink';
import { mulberry32 } from './rng';

describe('blink scheduling', () => {
  test('gaps stay in 2–6 s with a natural spread around ~3.5 s', () => {
    const scheduler = new BlinkScheduler(mulberry32(42));
    const gaps = Array.from({ length: 5000 }, () => scheduler.drawGapMs());
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((a, b) => a + (b - mean) ** 2, 0) / gaps.length);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(BLINK_MIN_GAP_MS);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(BLINK_MAX_GAP_MS);
    expect(mean).toBeGreaterThan(3000);
    expect(mean).toBeLessThan(4200);
    // Natural variation: not a metronome (coefficient of variation well above 10 %).
    expect(sd / mean).toBeGreaterThan(0.2);
    // Both ends of the range are used.
    expect(gaps.filter((g) => g < 2600).length).toBeGreaterThan(100);
    expect(gaps.filter((g) => g > 5000).length).toBeGreaterThan(50);
  });

  test('ten simulated minutes at 60 fps: 10–30 blinks a minute, some double blinks, lids fully close', () => {
    const scheduler = new BlinkScheduler(mulberry32(7));
    let closures = 0;
    let closed = false;
    let maxClosure = 0;
    const onsets: number[] = [];
    for (let frame = 0; frame < 60 * 600; frame++) {
      const now = (frame * 1000) / 60;
      const c = scheduler.update(now);
      maxClosure = Math.max(maxClosure, c);
      if (c > 0.5 && !closed) {
        closures++;
        onsets.push(now);
      }
      closed = c > 0.5;
    }
    const perMinute = scheduler.blinkCount / 10;
    expect(perMinute).toBeGreaterThanOrEqual(10);
    expect(perMinute).toBeLessThanOrEqual(30);
    const doubles = closures - scheduler.blinkCount;
    expect(doubles).toBeGreaterThan(0);
    expect(doubles / scheduler.blinkCount).toBeLessThan(0.3);
    expect(maxClosure).toBe(1);
    // Gaps between blink sequences (the second blink of a double follows within ~0.4 s).
    const starts = onsets.filter((t, i) => i === 0 || t - onsets[i - 1] > 1000);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    expect(gaps.length).toBeGreaterThan(100);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(BLINK_MIN_GAP_MS - 20);
      expect(gap).toBeLessThanOrEqual(BLINK_MAX_GAP_MS + 20);
    }
  });

  test('a blink closes fast, holds, and opens slower', () => {
    expect(blinkClosure(-1)).toBe(0);
    expect(blinkClosure(0)).toBe(0);
    expect(blinkClosure(90)).toBe(1);
    expect(blinkClosure(37.5)).toBeCloseTo(0.5, 1);
    expect(blinkClosure(110 + 70)).toBeCloseTo(0.5, 1);
    expect(blinkClosure(400)).toBe(0);
  });
});
