/// <reference lib="webworker" />
/**
 * Speech-to-text worker: a Whisper-class ONNX model through transformers.js (onnxruntime-web,
 * WebGPU when an adapter exists, else WASM; the wasm files are self-hosted under /vendor/). The
 * model downloads once from the configured host into Cache Storage and works offline afterwards.
 * Turn logic (buffering, partials, windows, stitching) lives in lib/speech/stt/utterance-transcriber.ts.
 */
import { env, pipeline } from '@huggingface/transformers';
import { STT_DTYPES } from '../lib/speech/stt/models';
import type { SttInMessage, SttLoadRequest, SttOutMessage } from '../lib/speech/stt/protocol';
import type { SttBackend } from '../lib/speech/stt/types';
import { SttWorkerHost } from '../lib/speech/stt/worker-host';

declare const self: DedicatedWorkerGlobalScope;

type Transcriber = (audio: Float32Array, options?: Record<string, unknown>) => Promise<{ text: string } | { text: string }[]>;

let transcriber: Transcriber | null = null;
let language: string | null = null;

function post(message: SttOutMessage): void {
  self.postMessage(message);
}

const host = new SttWorkerHost(post);

async function transcribe(audio: Float32Array): Promise<string> {
  if (!transcriber) throw new Error('speech model not loaded');
  const output = await transcriber(audio, language ? { language, task: 'transcribe' } : {});
  return (Array.isArray(output) ? output.map((o) => o.text).join(' ') : output.text).trim();
}

async function webgpuAdapterProblem(): Promise<string | null> {
  const gpu = (self.navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return 'this browser has no WebGPU';
  try {
    return (await gpu.requestAdapter()) ? null : 'no WebGPU adapter';
  } catch (error) {
    return `WebGPU adapter request failed (${String(error)})`;
  }
}

async function load(request: SttLoadRequest): Promise<void> {
  const started = performance.now();
  env.allowLocalModels = false;
  env.allowRemoteModels = true;
  env.useBrowserCache = true;
  env.remoteHost = request.remoteHost;
  env.remotePathTemplate = request.remotePathTemplate;
  const wasm = env.backends.onnx.wasm;
  if (wasm) {
    // Absolute, so onnxruntime resolves it the same way from this worker and from its own thread workers.
    wasm.wasmPaths = new URL(request.wasmPaths, self.location.origin).href;
    // Threads need cross-origin isolation (the app sends COOP/COEP); leave a core for the UI.
    wasm.numThreads = self.crossOriginIsolated ? Math.max(1, Math.min(4, (self.navigator.hardwareConcurrency || 2) - 1)) : 1;
  }
  language = request.language;
  let webgpuSkipped: string | null = null;
  let lastError: unknown = null;
  for (const backend of request.backends) {
    if (backend === 'webgpu') {
      webgpuSkipped = await webgpuAdapterProblem();
      if (webgpuSkipped) continue;
    }
    try {
      transcriber = (await pipeline('automatic-speech-recognition', request.modelId, {
        device: backend,
        dtype: STT_DTYPES[backend],
        progress_callback: (info: { status: string; file?: string; loaded?: number; total?: number }) => {
          if (info.status === 'progress' && info.file) {
            post({ type: 'progress', file: info.file, loadedBytes: info.loaded ?? 0, totalBytes: info.total ?? 0 });
          }
        },
      })) as unknown as Transcriber;
      // Warm-up: the first run compiles kernels; a second of silence costs little and makes the first turn fast.
      await transcriber(new Float32Array(16000));
      host.ready(transcribe);
      post({ type: 'ready', backend: backend as SttBackend, loadMs: performance.now() - started, webgpuSkipped });
      return;
    } catch (error) {
      lastError = error;
      if (backend === 'webgpu') webgpuSkipped = `WebGPU failed to start the model (${String(error)})`;
    }
  }
  post({ type: 'error', id: null, stage: 'load', message: lastError ? String(lastError) : 'no backend to try' });
}

self.onmessage = (event: MessageEvent<SttInMessage>) => {
  const message = event.data;
  if (message.type === 'load') void load(message.request);
  else host.handle(message);
};
