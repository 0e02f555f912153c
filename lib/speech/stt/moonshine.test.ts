import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import llamaTokenizer from 'llama-tokenizer-js';
import { describe, expect, test } from 'vitest';
import {
  emptyPastKeyValues,
  lastStepArgmax,
  MOONSHINE_EOS_TOKEN,
  moonshineGenerate,
  moonshineMaxTokens,
  moonshineText,
  type OrtSessionLike,
  type OrtTensorFactory,
  type OrtTensorLike,
} from './moonshine';
import { wordErrorRate } from './wer';

class FakeTensor implements OrtTensorLike {
  constructor(
    readonly type: string,
    readonly data: unknown,
    readonly dims: readonly number[],
  ) {}
}
const fakeOrt: OrtTensorFactory = { Tensor: FakeTensor as unknown as OrtTensorFactory['Tensor'] };
const SHAPE = { layers: 1, kvHeads: 2, headDim: 3 };

function logitsFor(token: number, vocab = 8): FakeTensor {
  const data = new Float32Array(vocab).fill(-1);
  data[token] = 5;
  return new FakeTensor('float32', data, [1, 1, vocab]);
}

/** A decoder that emits `script` token by token and records what it was fed. */
function scriptedDecoder(script: number[]) {
  const feeds: Record<string, unknown>[] = [];
  const session: OrtSessionLike = {
    run: async (input) => {
      const step = feeds.length;
      feeds.push(input);
      const present = (part: string, kind: string) => new FakeTensor('float32', `step${step}-${part}-${kind}`, [1, 2, step + 1, 3]);
      return {
        logits: logitsFor(script[step] ?? MOONSHINE_EOS_TOKEN),
        'present.0.decoder.key': present('decoder', 'key'),
        'present.0.decoder.value': present('decoder', 'value'),
        'present.0.encoder.key': present('encoder', 'key'),
        'present.0.encoder.value': present('encoder', 'value'),
      };
    },
  };
  return { session, feeds };
}
const encoder: OrtSessionLike = { run: async () => ({ last_hidden_state: new FakeTensor('float32', 'hidden', [1, 4, 288]) }) };

describe('moonshine decode loop', () => {
  test('token budget: 6 per second, at least one', () => {
    expect(moonshineMaxTokens(16000)).toBe(6);
    expect(moonshineMaxTokens(11 * 16000)).toBe(66);
    expect(moonshineMaxTokens(100)).toBe(1);
  });

  test('argmax reads the last position of [1, positions, vocab]', () => {
    const data = new Float32Array([9, 0, 0, 0, 1, 3, 2, 0]);
    expect(lastStepArgmax({ data, dims: [1, 2, 4] })).toBe(1);
  });

  test('empty cache entries have zero length on the sequence axis', () => {
    const past = emptyPastKeyValues(fakeOrt, SHAPE) as Record<string, FakeTensor>;
    expect(Object.keys(past)).toEqual(['past_key_values.0.decoder.key', 'past_key_values.0.decoder.value', 'past_key_values.0.encoder.key', 'past_key_values.0.encoder.value']);
    expect(past['past_key_values.0.encoder.value'].dims).toEqual([1, 2, 0, 3]);
  });

  test('stops at the end token; feeds back the last token; keeps the encoder cache of step 0', async () => {
    const { session, feeds } = scriptedDecoder([5, 6, 7, MOONSHINE_EOS_TOKEN, 4]);
    const tokens = await moonshineGenerate(fakeOrt, encoder, session, new Float32Array(16000), SHAPE);
    expect(tokens).toEqual([5, 6, 7]);
    expect(feeds).toHaveLength(4);
    const ids = feeds.map((f) => Number(((f.input_ids as FakeTensor).data as BigInt64Array)[0]));
    expect(ids).toEqual([1, 5, 6, 7]);
    expect(feeds.map((f) => ((f.use_cache_branch as FakeTensor).data as boolean[])[0])).toEqual([false, true, true, true]);
    expect((feeds[3]['past_key_values.0.decoder.key'] as FakeTensor).data).toBe('step2-decoder-key');
    expect((feeds[3]['past_key_values.0.encoder.key'] as FakeTensor).data).toBe('step0-encoder-key');
    expect((feeds[0]['encoder_hidden_states'] as FakeTensor).data).toBe('hidden');
  });

  test('a decoder that never ends is cut at the token budget', async () => {
    const { session, feeds } = scriptedDecoder(new Array(100).fill(4));
    const tokens = await moonshineGenerate(fakeOrt, encoder, session, new Float32Array(8000), SHAPE);
    expect(tokens).toHaveLength(3);
    expect(feeds).toHaveLength(3);
  });

  test('text drops ids outside the vocabulary and the special tokens', () => {
    const ids = llamaTokenizer.encode('ask not', false);
    expect(moonshineText(llamaTokenizer, [...ids, 32500])).toBe('ask not');
    expect(moonshineText(llamaTokenizer, [32700])).toBe('');
  });
});

// The real model from the npm package through onnxruntime-node, on the JFK clip (decoded by ffmpeg).
const require = createRequire(import.meta.url);
const MODEL_DIR = new URL('../../../node_modules/@moonshine-ai/moonshine-js/dist/model/tiny/quantized/', import.meta.url).pathname;
const JFK = new URL('../../../../shared/data/speech/jfk.flac', import.meta.url).pathname;
let ortNode: typeof import('onnxruntime-web') | null = null;
try {
  ortNode = require('onnxruntime-node');
} catch {
  ortNode = null;
}
let ffmpeg = false;
try {
  execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
  ffmpeg = true;
} catch {
  ffmpeg = false;
}

describe.skipIf(!ortNode || !ffmpeg || !existsSync(JFK))('Moonshine tiny from @moonshine-ai/moonshine-js (onnxruntime-node)', () => {
  test('the package ships the weights, and they transcribe the JFK clip', async () => {
    const ort = ortNode!;
    const options = { executionProviders: ['cpu'], intraOpNumThreads: 1 };
    const enc = await ort.InferenceSession.create(readFileSync(MODEL_DIR + 'encoder_model.onnx'), options);
    const dec = await ort.InferenceSession.create(readFileSync(MODEL_DIR + 'decoder_model_merged.onnx'), options);
    const raw = execFileSync('ffmpeg', ['-loglevel', 'error', '-i', JFK, '-ac', '1', '-ar', '16000', '-f', 'f32le', '-']);
    const audio = new Float32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.length));
    const ids = await moonshineGenerate(ort as unknown as OrtTensorFactory, enc as unknown as OrtSessionLike, dec as unknown as OrtSessionLike, audio);
    const text = moonshineText(llamaTokenizer, ids);
    const wer = wordErrorRate('and so my fellow americans ask not what your country can do for you ask what you can do for your country', text);
    expect(wer.wer).toBeLessThanOrEqual(0.15);
  }, 60000);
});
