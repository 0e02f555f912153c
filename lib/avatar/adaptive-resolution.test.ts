import { describe, expect, test } from 'vitest';
import { AdaptiveResolution } from './adaptive-resolution';

/** A renderer whose frame time is fixedMs + pixelMs·dpr² (the adaptive loop's model of a CPU rasteriser). */
function run(controller: AdaptiveResolution, frames: number, fixedMs: number, pixelMs: number): number[] {
  const trace: number[] = [];
  for (let i = 0; i < frames; i++) {
    controller.sample(fixedMs + pixelMs * controller.dpr ** 2);
    trace.push(controller.dpr);
  }
  return trace;
}

describe('AdaptiveResolution', () => {
  const options = { minDpr: 0.3, maxDpr: 1, initialDpr: 0.6, targetFps: 30 };

  test('pixel-bound and too slow: lowers the ratio until the frame fits the 33 ms budget, then holds', () => {
    const controller = new AdaptiveResolution(options);
    // 10 ms fixed + 100 ms at dpr 1: at 0.6 a frame takes 46 ms; the budget is met below ~0.48.
    const trace = run(controller, 600, 10, 100);
    const final = trace[trace.length - 1];
    expect(final).toBeLessThan(0.48);
    expect(final).toBeGreaterThanOrEqual(0.3);
    expect(10 + 100 * final ** 2).toBeLessThanOrEqual(1000 / 30 * 1.08);
    // Settled: no change over the last 200 frames.
    expect(new Set(trace.slice(-200)).size).toBe(1);
  });

  test('fast renderer: rises to the maximum ratio', () => {
    const controller = new AdaptiveResolution(options);
    const trace = run(controller, 1500, 4, 8);
    expect(trace[trace.length - 1]).toBe(1);
    // Rises in steps of at most 12 %.
    for (let i = 1; i < trace.length; i++) expect(trace[i] / trace[i - 1]).toBeLessThanOrEqual(1.121);
  });

  test('fixed cost dominates: a drop that buys nothing is undone (keeps the sharper image)', () => {
    const controller = new AdaptiveResolution(options);
    // 45 ms per frame whatever the ratio: lowering it cannot help.
    const trace = run(controller, 400, 45, 0);
    expect(Math.min(...trace)).toBeLessThan(0.6);
    expect(trace[trace.length - 1]).toBe(0.6);
    expect(controller.changes).toBeLessThanOrEqual(8);
  });

  test('ignores a hidden-tab gap and non-positive intervals; respects the range', () => {
    const controller = new AdaptiveResolution({ ...options, initialDpr: 5 });
    expect(controller.dpr).toBe(1);
    expect(controller.sample(5000)).toBeNull();
    expect(controller.sample(0)).toBeNull();
    expect(controller.sample(Number.NaN)).toBeNull();
    run(controller, 1000, 200, 0);
    expect(controller.dpr).toBeGreaterThanOrEqual(0.3);
  });
});
