/**
 * STT eval page (bundled by bench/stt/run.mjs, opened in headless Chromium): decodes a clip to
 * 16 kHz mono with the browser's own decoder, loads the speech model through the real worker
 * (workers/stt.worker.ts) and reports the transcript, WER, backend and real-time factor.
 */
import { STT_PATH_TEMPLATE, sttModelSpec } from '../../lib/speech/stt/models';
import type { SttDecodeStats } from '../../lib/speech/stt/types';
import { wordErrorRate } from '../../lib/speech/stt/wer';
import { WhisperRecognizer, type SttWorkerPort } from '../../lib/speech/stt/whisper-recognizer';

interface EvalResult {
  ok: boolean;
  reason: string | null;
  backend: string | null;
  webgpuSkipped: string | null;
  transcript: string | null;
  wer: number | null;
  realTimeFactor: number | null;
  audioMs: number | null;
  loadMs: number | null;
  downloadedBytes: number;
}

declare global {
  interface Window {
    kinSttEval?: EvalResult;
  }
}

async function decodeClip(url: string): Promise<Float32Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`clip ${url}: HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  // An OfflineAudioContext at 16 kHz decodes and resamples in one step.
  const context = new OfflineAudioContext(1, 16000, 16000);
  const buffer = await context.decodeAudioData(bytes);
  const mono = new Float32Array(buffer.length);
  for (let c = 0; c < buffer.numberOfChannels; c++) {
    const channel = buffer.getChannelData(c);
    for (let i = 0; i < mono.length; i++) mono[i] += channel[i] / buffer.numberOfChannels;
  }
  return mono;
}

async function run(): Promise<EvalResult> {
  const params = new URLSearchParams(location.search);
  const host = params.get('host') ?? 'https://huggingface.co/';
  const model = sttModelSpec(params.get('model') ?? 'Xenova/whisper-tiny.en');
  const reference = params.get('reference') ?? '';
  const backends = (params.get('backends') ?? 'webgpu,wasm').split(',') as ('webgpu' | 'wasm')[];
  const result: EvalResult = { ok: false, reason: null, backend: null, webgpuSkipped: null, transcript: null, wer: null, realTimeFactor: null, audioMs: null, loadMs: null, downloadedBytes: 0 };
  const audio = await decodeClip(params.get('clip') ?? './clip.flac');
  result.audioMs = Math.round((audio.length / 16000) * 1000);
  let stats: SttDecodeStats | null = null;
  const recognizer = new WhisperRecognizer({
    createWorker: () => new Worker('./stt.worker.js', { type: 'module' }) as unknown as SttWorkerPort,
    model,
    request: { remoteHost: host, remotePathTemplate: params.get('template') ?? STT_PATH_TEMPLATE, wasmPaths: '/vendor/ort-transformers/', backends },
    onProgress: (p) => (result.downloadedBytes = p.loadedBytes),
    onStats: (s) => (stats = s),
    loadTimeoutMs: Number(params.get('loadTimeoutMs') ?? 240000),
  });
  const started = performance.now();
  try {
    await recognizer.start();
  } catch (error) {
    result.reason = error instanceof Error ? error.message : String(error);
    recognizer.dispose();
    return result;
  }
  result.loadMs = Math.round(performance.now() - started);
  result.backend = recognizer.backend;
  result.webgpuSkipped = recognizer.webgpuSkipped;
  try {
    result.transcript = await recognizer.transcribeClip(audio);
    result.wer = wordErrorRate(reference, result.transcript).wer;
    result.realTimeFactor = (stats as SttDecodeStats | null)?.realTimeFactor ?? null;
    result.ok = true;
  } catch (error) {
    result.reason = `decode failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  recognizer.dispose();
  return result;
}

run().then(
  (result) => (window.kinSttEval = result),
  (error: unknown) => (window.kinSttEval = { ok: false, reason: String(error), backend: null, webgpuSkipped: null, transcript: null, wer: null, realTimeFactor: null, audioMs: null, loadMs: null, downloadedBytes: 0 }),
);
