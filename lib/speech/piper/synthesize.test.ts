import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { parsePiperConfigText } from './config';
import { SENTENCE_SILENCE_S } from './phonemize';
import { audioFromOutput, lengthScaleFor, synthesizePiper, type PiperRun } from './synthesize';

// The TEST FIXTURE model (e2e/fixtures/piper/make-test-voice.py, not a voice): each phoneme id is
// a 30 ms sine burst at 200 + 10*id Hz (pad 0 silent), its length scaled by length_scale.
const FIXTURE = new URL('../../../e2e/fixtures/piper/', import.meta.url);
const config = parsePiperConfigText(readFileSync(new URL('kin-test-voice.onnx.json', FIXTURE), 'utf-8'));
const require = createRequire(import.meta.url);
const ort = require('onnxruntime-node') as typeof import('onnxruntime-web');

async function fixtureRun(): Promise<PiperRun & { calls: { ids: readonly number[]; scales: readonly number[] }[] }> {
  const session = await ort.InferenceSession.create(readFileSync(new URL('kin-test-voice.onnx', FIXTURE)));
  const calls: { ids: readonly number[]; scales: readonly number[] }[] = [];
  const run = async (ids: readonly number[], scales: readonly [number, number, number]) => {
    calls.push({ ids, scales });
    const out = await session.run({
      input: new ort.Tensor('int64', BigInt64Array.from(ids, (id) => BigInt(id)), [1, ids.length]),
      input_lengths: new ort.Tensor('int64', BigInt64Array.from([BigInt(ids.length)]), [1]),
      scales: new ort.Tensor('float32', Float32Array.from(scales), [3]),
    });
    const output = out[session.outputNames[0]];
    return audioFromOutput(output.data, output.dims);
  };
  return Object.assign(run, { calls });
}

// A stand-in for eSpeak: lower-cased letters are already symbols of the map.
const ipaOf = (clause: string) => clause.toLowerCase();

describe('synthesizePiper on the test fixture model', () => {
  test('one sentence: ids in, audio out, sample rate from the config', async () => {
    const run = await fixtureRun();
    const clip = await synthesizePiper('Hello.', config, ipaOf, run);
    expect(run.calls[0].ids).toEqual([1, 0, 20, 0, 18, 0, 24, 0, 24, 0, 27, 0, 10, 0, 2]);
    expect(run.calls[0].scales).toEqual([0.667, 1, 0.8]);
    expect(clip.sampleRate).toBe(16000);
    expect(clip.samples.length).toBe(15 * 480);
    expect(clip.missing.size).toBe(0);
  });

  test('rate changes length_scale and so the length of the audio', async () => {
    const run = await fixtureRun();
    const normal = await synthesizePiper('Hello there.', config, ipaOf, run, { rate: 1 });
    const fast = await synthesizePiper('Hello there.', config, ipaOf, run, { rate: 2 });
    expect(run.calls[1].scales[1]).toBe(0.5);
    expect(fast.samples.length / normal.samples.length).toBeCloseTo(0.5, 2);
    expect(lengthScaleFor(config, 5)).toBe(0.5);
    expect(lengthScaleFor(config, Number.NaN)).toBe(1);
  });

  test('different text gives different audio', async () => {
    const run = await fixtureRun();
    const a = await synthesizePiper('Hello.', config, ipaOf, run);
    const b = await synthesizePiper('Jello.', config, ipaOf, run);
    expect(a.samples.length).toBe(b.samples.length);
    expect(a.samples.some((s, i) => Math.abs(s - b.samples[i]) > 0.05)).toBe(true);
  });

  test('sentences are synthesized one by one and joined with 0.2 s of silence; timings stay inside each sentence', async () => {
    const run = await fixtureRun();
    const clip = await synthesizePiper('Hi. Go on!', config, ipaOf, run);
    expect(run.calls).toHaveLength(2);
    const first = run.calls[0].ids.length * 480;
    const gap = Math.round(16000 * SENTENCE_SILENCE_S);
    expect(clip.samples.length).toBe(first + gap + run.calls[1].ids.length * 480);
    expect(clip.samples.subarray(first, first + gap).every((s) => s === 0)).toBe(true);
    const gapStartMs = (first / 16000) * 1000;
    const gapEndMs = ((first + gap) / 16000) * 1000;
    expect(clip.phonemes.some((p) => p.ms > gapStartMs && p.ms < gapEndMs)).toBe(false);
    expect(clip.phonemes[0].phoneme).toBe('h');
    expect(clip.phonemes.every((p, i) => i === 0 || p.ms >= clip.phonemes[i - 1].ms)).toBe(true);
    expect(clip.words.map((w) => w.charIndex)).toEqual([0, 4, 7]);
    expect(clip.words[2].ms).toBeGreaterThan(gapEndMs);
  });

  test('unknown symbols are reported, and the rest is still spoken', async () => {
    const run = await fixtureRun();
    const clip = await synthesizePiper('h☃i.', config, ipaOf, run);
    expect([...clip.missing]).toEqual([['☃', 1]]);
    expect(clip.samples.length).toBeGreaterThan(0);
  });
});

describe('audioFromOutput', () => {
  test.each([[[1, 1, 4]], [[1, 1, 1, 4]], [[1, 4]]])('accepts %j', (dims) => {
    expect(audioFromOutput(new Float32Array(4), dims)).toHaveLength(4);
  });
  test('rejects batch > 1 and non-float output', () => {
    expect(() => audioFromOutput(new Float32Array(8), [2, 1, 4])).toThrow(/unexpected output shape/);
    expect(() => audioFromOutput(new Int16Array(4), [1, 1, 4])).toThrow(/not float32/);
  });
});
