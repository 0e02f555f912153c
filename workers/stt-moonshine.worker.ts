/// <reference lib="webworker" />
/**
 * Speech-to-text worker for Moonshine tiny (MIT), the model that ships inside the npm package
 * @moonshine-ai/moonshine-js and is copied to public/models/moonshine-tiny/ by `npm run setup`:
 * nothing is downloaded from outside the app. onnxruntime-web on WASM (self-hosted under
 * /vendor/ort/). Same messages as workers/stt.worker.ts, so WhisperRecognizer drives it; the turn
 * logic (buffering, partials, windows) is lib/speech/stt/utterance-transcriber.ts, the decode
 * loop lib/speech/stt/moonshine.ts.
 */
import llamaTokenizer from 'llama-tokenizer-js';
import { ort } from './ort-wasm-runtime';
import { readWithProgress } from '../lib/speech/download';
import { modelFileUrl } from '../lib/speech/stt/models';
import { MOONSHINE_FILES, moonshineGenerate, moonshineText, type OrtSessionLike, type OrtTensorFactory } from '../lib/speech/stt/moonshine';
import type { SttInMessage, SttLoadRequest, SttOutMessage } from '../lib/speech/stt/protocol';
import { SttWorkerHost } from '../lib/speech/stt/worker-host';

declare const self: DedicatedWorkerGlobalScope;

let encoder: ort.InferenceSession | null = null;
let decoder: ort.InferenceSession | null = null;

function post(message: SttOutMessage): void {
  self.postMessage(message);
}

const host = new SttWorkerHost(post);

async function transcribe(audio: Float32Array): Promise<string> {
  if (!encoder || !decoder) throw new Error('speech model not loaded');
  const ids = await moonshineGenerate(ort as unknown as OrtTensorFactory, encoder as unknown as OrtSessionLike, decoder as unknown as OrtSessionLike, audio);
  return moonshineText(llamaTokenizer, ids);
}

/** Fetches one model file, reporting bytes as they arrive. */
async function fetchFile(url: string, file: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  return readWithProgress(response, (loadedBytes, totalBytes) => post({ type: 'progress', file, loadedBytes, totalBytes }));
}

async function load(request: SttLoadRequest): Promise<void> {
  const started = performance.now();
  try {
    ort.env.wasm.wasmPaths = new URL(request.wasmPaths, self.location.origin).href;
    // Threads need cross-origin isolation (the app sends COOP/COEP); leave a core for the UI.
    ort.env.wasm.numThreads = self.crossOriginIsolated ? Math.max(1, Math.min(4, (self.navigator.hardwareConcurrency || 2) - 1)) : 1;
    ort.env.logLevel = 'error';
    const modelHost = new URL(request.remoteHost, self.location.origin).href;
    const [encoderBytes, decoderBytes] = await Promise.all(
      MOONSHINE_FILES.map((file) => fetchFile(modelFileUrl(modelHost, request.modelId, file, request.remotePathTemplate), file)),
    );
    // WASM only: onnxruntime-web's WebGPU kernels are not used for Moonshine (moonshine-js does the same).
    const options: ort.InferenceSession.SessionOptions = { executionProviders: ['wasm'] };
    encoder = await ort.InferenceSession.create(encoderBytes, options);
    decoder = await ort.InferenceSession.create(decoderBytes, options);
    // Warm-up: the first run sets up kernels; half a second of silence makes the first turn fast.
    await transcribe(new Float32Array(8000));
    host.ready(transcribe);
    post({ type: 'ready', backend: 'wasm', loadMs: performance.now() - started, webgpuSkipped: 'Moonshine runs on WASM in Kin' });
  } catch (error) {
    post({ type: 'error', id: null, stage: 'load', message: String(error) });
  }
}

self.onmessage = (event: MessageEvent<SttInMessage>) => {
  const message = event.data;
  if (message.type === 'load') void load(message.request);
  else host.handle(message);
};
