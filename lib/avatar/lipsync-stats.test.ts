import { describe, expect, it } from 'vitest';
import { bestLag, pearson } from './lipsync-stats';

describe('lip-sync statistics', () => {
  it('pearson: 1 for a scaled copy, -1 for a mirror, 0 for a constant', () => {
    const a = [0, 1, 3, 2, 5, 4];
    expect(pearson(a, a.map((x) => 2 * x + 1))).toBeCloseTo(1);
    expect(pearson(a, a.map((x) => -x))).toBeCloseTo(-1);
    expect(pearson(a, a.map(() => 3))).toBe(0);
  });

  it('bestLag finds a known delay of the follower', () => {
    const leader = Array.from({ length: 200 }, (_, i) => Math.sin(i / 5) + Math.sin(i / 13));
    const delayed = leader.map((_, i) => (i >= 3 ? leader[i - 3] : 0));
    expect(bestLag(leader, delayed, 10)).toMatchObject({ lag: 3 });
    const early = leader.map((_, i) => leader[i + 2] ?? 0);
    expect(bestLag(leader, early, 10).lag).toBe(-2);
    expect(bestLag(leader, delayed, 10).r).toBeGreaterThan(0.95);
    expect(bestLag(leader, delayed, 10).fine).toBeCloseTo(3, 0);
  });

  it('bestLag refines a delay between samples', () => {
    const wave = (t: number) => Math.sin(t / 5) + 0.5 * Math.sin(t / 13);
    const leader = Array.from({ length: 400 }, (_, i) => wave(i));
    const delayed = Array.from({ length: 400 }, (_, i) => wave(i - 1.5));
    const { lag, fine } = bestLag(leader, delayed, 10);
    expect([1, 2]).toContain(lag);
    expect(Math.abs(fine - 1.5)).toBeLessThan(0.15);
  });
});
