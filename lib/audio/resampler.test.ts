import { describe, expect, test } from 'vitest';
import { Framer, StreamingResampler } from './resampler';
import { rms } from './level';

function sine(freq: number, rate: number, seconds: number): Float32Array {
  const out = new Float32Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i++) out[i] = 0.5 * Math.sin((2 * Math.PI * freq * i) / rate);
  return out;
}

/** Runs a signal through the resampler in render-quantum blocks of 128 samples. */
function resampleAll(input: Float32Array, from: number, to: number): Float32Array {
  const r = new StreamingResampler(from, to);
  const out = new Float32Array(Math.ceil((input.length * to) / from) + 64);
  const block = new Float32Array(128);
  const chunk = new Float32Array(128);
  let n = 0;
  for (let i = 0; i + 128 <= input.length; i += 128) {
    chunk.set(input.subarray(i, i + 128));
    const w = r.process(chunk, block);
    out.set(block.subarray(0, w), n);
    n += w;
  }
  return out.subarray(0, n);
}

describe('StreamingResampler', () => {
  test.each([48000, 44100, 16000, 22050])('keeps a 440 Hz tone from %d Hz at full level and right pitch', (from) => {
    const out = resampleAll(sine(440, from, 1), from, 16000);
    expect(out.length).toBeGreaterThan(15800);
    expect(out.length).toBeLessThanOrEqual(16000);
    const body = out.subarray(500, out.length - 500);
    expect(rms(body)).toBeCloseTo(0.5 / Math.SQRT2, 1);
    // Count zero crossings: 440 Hz → 880 per second.
    let crossings = 0;
    for (let i = 1; i < body.length; i++) if (body[i - 1] < 0 !== body[i] < 0) crossings++;
    expect(crossings / (body.length / 16000)).toBeGreaterThan(870);
    expect(crossings / (body.length / 16000)).toBeLessThan(890);
  });

  test('removes content above the new Nyquist (no aliasing)', () => {
    const out = resampleAll(sine(12000, 48000, 1), 48000, 16000);
    expect(rms(out.subarray(500))).toBeLessThan(0.02);
  });

  test('rejects non-positive rates', () => {
    expect(() => new StreamingResampler(0, 16000)).toThrow(RangeError);
  });
});

describe('Framer', () => {
  test('emits exact 160-sample frames across uneven pushes', () => {
    const framer = new Framer(160);
    const seen: number[] = [];
    const data = new Float32Array(1000).map((_, i) => i);
    let offset = 0;
    for (const size of [43, 128, 7, 300, 522]) {
      framer.push(data.subarray(offset, offset + size), size, (f) => seen.push(f[0], f[159]));
      offset += size;
    }
    expect(seen).toEqual([0, 159, 160, 319, 320, 479, 480, 639, 640, 799, 800, 959]);
  });
});
