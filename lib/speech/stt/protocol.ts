/** Messages between the main thread and workers/stt.worker.ts. Imported by both sides. */
import type { SttBackend, SttDecodeStats } from './types';

/** What the worker loads: a transformers.js model id, the host it comes from and the dtypes per backend. */
export interface SttLoadRequest {
  /** Hugging Face-style repo id, e.g. 'Xenova/whisper-tiny.en'. */
  modelId: string;
  /** Model host, e.g. 'https://huggingface.co/' (a mirror works if it keeps the same paths). */
  remoteHost: string;
  /** Path under the host, '{model}/resolve/{revision}/' on Hugging Face. */
  remotePathTemplate: string;
  /** Folder of the self-hosted onnxruntime-web files, e.g. '/vendor/ort-transformers/'. */
  wasmPaths: string;
  /** Backends to try, in order; webgpu is tried only when an adapter exists. */
  backends: SttBackend[];
  /** Language for multilingual models (null for English-only ones). */
  language: string | null;
}

export type SttInMessage =
  | { type: 'load'; request: SttLoadRequest }
  /** Mic audio, 16 kHz mono, transferred; `timeMs` is the audio-clock time of the first sample. */
  | { type: 'audio'; samples: Float32Array; timeMs: number }
  | { type: 'speech-start'; timeMs: number }
  | { type: 'speech-end'; timeMs: number }
  /** Final decode of the current turn; answered by 'final' with the same id. */
  | { type: 'finish'; id: number }
  /** One-shot decode of a whole clip (evals); answered by 'final' with the same id. */
  | { type: 'transcribe'; id: number; samples: Float32Array }
  | { type: 'reset' };

export type SttOutMessage =
  | { type: 'progress'; file: string; loadedBytes: number; totalBytes: number }
  | {
      type: 'ready';
      backend: SttBackend;
      loadMs: number;
      /** Why WebGPU was not used, when it was not (no adapter, or it failed to start). */
      webgpuSkipped: string | null;
    }
  /** `heardSamples`: 16 kHz samples the worker had received when the audio behind these words ended. */
  | { type: 'partial'; text: string; heardSamples: number }
  | { type: 'final'; id: number; text: string; audioMs: number; decodeMs: number }
  | { type: 'stats'; stats: SttDecodeStats }
  | { type: 'error'; id: number | null; stage: 'load' | 'decode'; message: string };

/** Where `npm run setup` copies transformers.js' own onnxruntime-web build (see scripts/copy-vendor.mjs). */
export const STT_WASM_PATHS = '/vendor/ort-transformers/';

/** Type guard for messages coming back from the worker (drops anything malformed). */
export function isSttOutMessage(value: unknown): value is SttOutMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'progress' || type === 'ready' || type === 'partial' || type === 'final' || type === 'stats' || type === 'error';
}
