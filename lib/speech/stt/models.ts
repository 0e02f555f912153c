import type { SttBackend } from './types';

/** A speech model transformers.js can load for 'automatic-speech-recognition'. */
export interface SttModelSpec {
  /** Repo id on the model host. */
  id: string;
  /** Short name for the HUD, e.g. 'Whisper tiny.en'. */
  label: string;
  /** English-only models take no language option. */
  englishOnly: boolean;
  /** Files fetched per backend (relative to the repo); also what the cache check looks for. */
  files: Record<SttBackend, string[]>;
  /** Approximate download in MB per backend, shown before the user agrees to it. */
  approxDownloadMb: Record<SttBackend, number>;
  licence: string;
}

const WHISPER_COMMON = ['config.json', 'generation_config.json', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json'];

/** dtypes per backend: 8-bit everywhere on WASM; a full-precision encoder on WebGPU (no integer matmul there). */
export const STT_DTYPES: Record<SttBackend, Record<string, 'q8' | 'fp32'>> = {
  wasm: { encoder_model: 'q8', decoder_model_merged: 'q8' },
  webgpu: { encoder_model: 'fp32', decoder_model_merged: 'q8' },
};

/**
 * Known models. Sizes are the repos' ONNX files for these dtypes, rounded (whisper-tiny.en:
 * encoder 10 MB q8 / 33 MB fp32, merged decoder 30 MB q8, tokenizer 2 MB).
 */
export const STT_MODELS: readonly SttModelSpec[] = [
  {
    id: 'Xenova/whisper-tiny.en',
    label: 'Whisper tiny.en',
    englishOnly: true,
    files: {
      wasm: [...WHISPER_COMMON, 'onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx'],
      webgpu: [...WHISPER_COMMON, 'onnx/encoder_model.onnx', 'onnx/decoder_model_merged_quantized.onnx'],
    },
    approxDownloadMb: { wasm: 42, webgpu: 65 },
    licence: 'MIT (OpenAI Whisper weights)',
  },
];

export const DEFAULT_STT_MODEL = STT_MODELS[0].id;
export const DEFAULT_STT_HOST = 'https://huggingface.co/';
export const STT_PATH_TEMPLATE = '{model}/resolve/{revision}/';

/** The spec for `id`; an unknown id (a model the user typed) gets Whisper-style file names and no size. */
export function sttModelSpec(id: string): SttModelSpec {
  const known = STT_MODELS.find((model) => model.id === id);
  if (known) return known;
  const name = id.split('/').pop() || id;
  return {
    ...STT_MODELS[0],
    id,
    label: name,
    englishOnly: /\.en$/i.test(name),
    approxDownloadMb: { wasm: NaN, webgpu: NaN },
    licence: 'see the model card',
  };
}

/** The URL transformers.js fetches (and uses as its Cache Storage key) for one file of a model. */
export function modelFileUrl(host: string, modelId: string, file: string, template = STT_PATH_TEMPLATE, revision = 'main'): string {
  const parts = [host, template.replaceAll('{model}', modelId).replaceAll('{revision}', encodeURIComponent(revision)), file];
  // Same joining rule as transformers.js' pathJoin: one slash between parts.
  return parts
    .map((part, index) => {
      let p = part;
      if (index) p = p.replace(/^\//, '');
      if (index !== parts.length - 1) p = p.replace(/\/$/, '');
      return p;
    })
    .join('/');
}

/** Checks a host is an http(s) URL; returns the normalised host with a trailing slash, or null. */
export function normalizeHost(host: string): string | null {
  try {
    const url = new URL(host.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.href.endsWith('/') ? url.href : `${url.href}/`;
  } catch {
    return null;
  }
}

/** The name of the Cache Storage bucket transformers.js writes model files to. */
export const TRANSFORMERS_CACHE = 'transformers-cache';

/** The slice of CacheStorage the check needs (so tests can pass a fake). */
export interface CacheStorageLike {
  has(name: string): Promise<boolean>;
  open(name: string): Promise<{ match(url: string): Promise<unknown> }>;
}

/** Which backends' files of the model are all in the browser cache already (so need no download). */
export async function cachedBackends(caches: CacheStorageLike | undefined, host: string, spec: SttModelSpec): Promise<SttBackend[]> {
  if (!caches) return [];
  try {
    if (!(await caches.has(TRANSFORMERS_CACHE))) return [];
    const cache = await caches.open(TRANSFORMERS_CACHE);
    const result: SttBackend[] = [];
    for (const backend of ['webgpu', 'wasm'] as const) {
      const hits = await Promise.all(spec.files[backend].map((file) => cache.match(modelFileUrl(host, spec.id, file))));
      if (hits.every(Boolean)) result.push(backend);
    }
    return result;
  } catch {
    return [];
  }
}
