import { describe, expect, test } from 'vitest';
import { PitchTracker } from './pitch';

function harmonicFrames(f0: number, seconds: number, harmonics = 6): Float32Array {
  const x = new Float32Array(Math.round(16000 * seconds));
  for (let n = 0; n < x.length; n++) {
    let v = 0;
    for (let h = 1; h <= harmonics; h++) if (h * f0 < 7000) v += Math.sin((2 * Math.PI * h * f0 * n) / 16000) / h;
    x[n] = 0.2 * v;
  }
  return x;
}

function track(signal: Float32Array): number[] {
  const tracker = new PitchTracker();
  const out: number[] = [];
  for (let i = 0; i + 160 <= signal.length; i += 160) {
    tracker.push(signal.subarray(i, i + 160));
    out.push(tracker.estimate());
  }
  return out;
}

describe('PitchTracker', () => {
  test.each([80, 110, 150, 220, 300, 380])('finds %d Hz on a harmonic tone within 2 %%', (f0) => {
    const estimates = track(harmonicFrames(f0, 0.5)).slice(5);
    for (const hz of estimates) expect(Math.abs(hz - f0) / f0).toBeLessThan(0.02);
  });

  test('finds a pure sine (no harmonics)', () => {
    const estimates = track(harmonicFrames(200, 0.3, 1)).slice(5);
    for (const hz of estimates) expect(hz).toBeCloseTo(200, -1);
  });

  test('reports 0 for white noise and silence', () => {
    let seed = 1;
    const noise = new Float32Array(8000).map(() => {
      seed = (seed * 16807) % 2147483647;
      return (seed / 2147483647 - 0.5) * 0.3;
    });
    const voicedNoise = track(noise).filter((hz) => hz > 0).length;
    expect(voicedNoise).toBeLessThan(5);
    expect(track(new Float32Array(4800)).every((hz) => hz === 0)).toBe(true);
  });

  test('follows a falling glide', () => {
    const x = new Float32Array(16000);
    let phase = 0;
    for (let n = 0; n < x.length; n++) {
      phase += (2 * Math.PI * (220 - 100 * (n / x.length))) / 16000;
      x[n] = 0.2 * (Math.sin(phase) + 0.5 * Math.sin(2 * phase));
    }
    const estimates = track(x);
    expect(estimates[20]).toBeGreaterThan(195);
    expect(estimates[90]).toBeLessThan(135);
  });
});
