import { describe, expect, test } from 'vitest';
import { GainOffsetRamp } from './gate';

describe('GainOffsetRamp', () => {
  test('starts at offset 0 (gain 1) and holds it', () => {
    const ramp = new GainOffsetRamp(48000);
    const out = new Float32Array(128).fill(7);
    ramp.fill(out, 1);
    expect([...out].every((v) => v === 0)).toBe(true);
  });

  test('silences within 25 ms at 48 kHz without a jump, then holds 0 exactly', () => {
    const ramp = new GainOffsetRamp(48000);
    const out = new Float32Array(128);
    const gains: number[] = [];
    for (let block = 0; block < 20; block++) {
      ramp.fill(out, 0);
      for (const v of out) gains.push(v + 1);
    }
    // No click: consecutive samples differ by at most the first step (about 0.4%).
    for (let i = 1; i < gains.length; i++) expect(gains[i - 1] - gains[i]).toBeLessThan(0.005);
    expect(gains[Math.round(0.025 * 48000)]).toBeLessThan(0.01);
    expect(ramp.value).toBe(0);
    expect(gains.at(-1)).toBe(0);
  });

  test('ducks to 0.15 and comes back to 1 (a backchannel)', () => {
    const ramp = new GainOffsetRamp(44100);
    const out = new Float32Array(128);
    for (let block = 0; block < 20; block++) ramp.fill(out, 0.15);
    expect(ramp.value).toBeCloseTo(0.15, 3);
    for (let block = 0; block < 20; block++) ramp.fill(out, 1);
    expect(ramp.value).toBe(1);
    expect(out.at(-1)).toBe(0);
  });
});
