/**
 * Moonshine (Useful Sensors / Moonshine AI, English models MIT): a speech-to-text encoder–decoder
 * whose tiny model ships inside the npm package @moonshine-ai/moonshine-js (8-bit ONNX: encoder
 * 7.9 MB + merged decoder 20.2 MB). `npm run setup` copies it to public/models/moonshine-tiny/, so
 * it is Kin's zero-download recognizer. This file is the greedy decode loop; the runtime
 * (onnxruntime-web in workers/stt-moonshine.worker.ts, onnxruntime-node in tests) is injected.
 */
import type { SttModelSpec } from './models';

/** Tensor constructor of an onnxruntime flavour (web or node). */
export interface OrtTensorFactory {
  Tensor: new (type: 'float32' | 'int64' | 'bool', data: Float32Array | BigInt64Array | boolean[], dims: readonly number[]) => unknown;
}

export interface OrtTensorLike {
  readonly data: unknown;
  readonly dims: readonly number[];
}

export interface OrtSessionLike {
  run(feeds: Record<string, unknown>): Promise<Record<string, OrtTensorLike>>;
}

/** Sizes of the decoder's key/value cache. */
export interface MoonshineShape {
  layers: number;
  kvHeads: number;
  headDim: number;
}

export const MOONSHINE_TINY_SHAPE: MoonshineShape = { layers: 6, kvHeads: 8, headDim: 36 };
export const MOONSHINE_START_TOKEN = 1;
export const MOONSHINE_EOS_TOKEN = 2;
/** Upper bound on tokens per second of audio (as moonshine-js): stops a decoder that loops. */
export const MOONSHINE_MAX_TOKENS_PER_SECOND = 6;
/** The two files, as published in the package's dist/model/tiny/quantized/. */
export const MOONSHINE_FILES = ['encoder_model.onnx', 'decoder_model_merged.onnx'] as const;

/** The most tokens to generate for `samples` of 16 kHz audio (at least one). */
export function moonshineMaxTokens(samples: number, sampleRate = 16000): number {
  return Math.max(1, Math.trunc((samples / sampleRate) * MOONSHINE_MAX_TOKENS_PER_SECOND));
}

/** Index of the largest logit at the last position of logits shaped [1, positions, vocab]. */
export function lastStepArgmax(logits: OrtTensorLike): number {
  const data = logits.data as Float32Array;
  const vocab = logits.dims[logits.dims.length - 1];
  const offset = data.length - vocab;
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i < vocab; i++) {
    const value = data[offset + i];
    if (value > bestValue) {
      bestValue = value;
      best = i;
    }
  }
  return best;
}

/** Empty cache entries for the first decoder step: `past_key_values.{layer}.{decoder|encoder}.{key|value}`. */
export function emptyPastKeyValues(ort: OrtTensorFactory, shape: MoonshineShape): Record<string, unknown> {
  const past: Record<string, unknown> = {};
  for (let layer = 0; layer < shape.layers; layer++) {
    for (const part of ['decoder', 'encoder']) {
      for (const kind of ['key', 'value']) {
        past[`past_key_values.${layer}.${part}.${kind}`] = new ort.Tensor('float32', new Float32Array(0), [1, shape.kvHeads, 0, shape.headDim]);
      }
    }
  }
  return past;
}

/**
 * Greedy decode of one clip: the encoder once, then the merged decoder token by token with its
 * cache (the encoder part of the cache is computed on the first step and kept; the decoder part
 * grows). Returns the generated token ids without the start and end tokens.
 */
export async function moonshineGenerate(
  ort: OrtTensorFactory,
  encoder: OrtSessionLike,
  decoder: OrtSessionLike,
  audio: Float32Array,
  shape: MoonshineShape = MOONSHINE_TINY_SHAPE,
): Promise<number[]> {
  const { last_hidden_state: hidden } = await encoder.run({ input_values: new ort.Tensor('float32', audio, [1, audio.length]) });
  if (!hidden) throw new Error('Moonshine encoder returned no last_hidden_state');
  const past = emptyPastKeyValues(ort, shape);
  const tokens: number[] = [];
  let input = MOONSHINE_START_TOKEN;
  const limit = moonshineMaxTokens(audio.length);
  for (let step = 0; step < limit; step++) {
    const output = await decoder.run({
      input_ids: new ort.Tensor('int64', BigInt64Array.of(BigInt(input)), [1, 1]),
      encoder_hidden_states: hidden,
      use_cache_branch: new ort.Tensor('bool', [step > 0], [1]),
      ...past,
    });
    const next = lastStepArgmax(output.logits);
    if (next === MOONSHINE_EOS_TOKEN) break;
    tokens.push(next);
    input = next;
    for (const name of Object.keys(past)) {
      // On cached steps the decoder passes the encoder's cross-attention cache through unchanged.
      if (step === 0 || name.includes('.decoder.')) past[name] = output[name.replace('past_key_values', 'present')];
    }
  }
  return tokens;
}

/** The part of llama-tokenizer-js used here (Moonshine's vocabulary is LLaMA's SentencePiece one). */
export interface TokenDecoder {
  decode(ids: number[], addBosToken?: boolean, addPrecedingSpace?: boolean): string;
  vocabById: string[];
}

/** Text of generated ids; ids outside the tokenizer's vocabulary (Moonshine pads it to 32768) are dropped. */
export function moonshineText(tokenizer: TokenDecoder, ids: number[]): string {
  const known = ids.filter((id) => id > MOONSHINE_EOS_TOKEN && id < tokenizer.vocabById.length);
  return known.length ? tokenizer.decode(known, false, true).trim() : '';
}

/** Moonshine tiny as a speech model spec: served by the app itself, so nothing to download. */
export const MOONSHINE_TINY: SttModelSpec = {
  id: 'moonshine-tiny',
  label: 'Moonshine tiny',
  englishOnly: true,
  files: { wasm: [...MOONSHINE_FILES], webgpu: [] },
  approxDownloadMb: { wasm: 0, webgpu: 0 },
  licence: 'MIT (Moonshine English model, from the npm package @moonshine-ai/moonshine-js)',
};
/** Where `npm run setup` puts the model (scripts/copy-vendor.mjs): `/models/moonshine-tiny/<file>`. */
export const MOONSHINE_HOST = '/models/';
export const MOONSHINE_PATH_TEMPLATE = '{model}/';
/** onnxruntime-web's self-hosted wasm (the same copy the VAD and fusion workers use). */
export const MOONSHINE_WASM_PATHS = '/vendor/ort/';
