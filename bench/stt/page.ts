/**
 * STT eval page (bundled by bench/stt/run.mjs, opened in headless Chromium): decodes each clip to
 * 16 kHz mono with the browser's own decoder, loads the speech model through the real worker
 * (workers/stt-moonshine.worker.ts for Moonshine tiny, workers/stt.worker.ts otherwise) and reports per clip the transcript, word edits and decode time.
 */
import { STT_PATH_TEMPLATE, sttModelSpec } from '../../lib/speech/stt/models';
import { MOONSHINE_TINY, MOONSHINE_WASM_PATHS } from '../../lib/speech/stt/moonshine';
import { STT_WASM_PATHS } from '../../lib/speech/stt/protocol';
import { wordErrorRate } from '../../lib/speech/stt/wer';
import { WhisperRecognizer, type SttWorkerPort } from '../../lib/speech/stt/whisper-recognizer';

interface ClipResult {
  group: string;
  url: string;
  reference: string;
  transcript: string;
  audioMs: number;
  decodeMs: number;
  edits: number;
  referenceWords: number;
}

interface EvalResult {
  ok: boolean;
  reason: string | null;
  backend: string | null;
  webgpuSkipped: string | null;
  loadMs: number | null;
  downloadedBytes: number;
  clips: ClipResult[];
  /** Clips decoded by the browser before the model loaded (proves the audio path even when no model can load). */
  decodedClips: number;
  audioMs: number;
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

/** The clips to transcribe: `./clips.json` = [{group, url, reference}] written by run.mjs. */
async function readClips(): Promise<{ group: string; url: string; reference: string }[]> {
  const response = await fetch('./clips.json');
  if (!response.ok) throw new Error(`clips.json: HTTP ${response.status}`);
  return (await response.json()) as { group: string; url: string; reference: string }[];
}

async function run(): Promise<EvalResult> {
  const params = new URLSearchParams(location.search);
  const host = params.get('host') ?? 'https://huggingface.co/';
  const modelId = params.get('model') ?? MOONSHINE_TINY.id;
  // Moonshine tiny runs in its own worker (same messages); any other id is a transformers.js model.
  const moonshine = modelId === MOONSHINE_TINY.id;
  const model = moonshine ? MOONSHINE_TINY : sttModelSpec(modelId);
  const backends = (params.get('backends') ?? 'webgpu,wasm').split(',') as ('webgpu' | 'wasm')[];
  const result: EvalResult = { ok: false, reason: null, backend: null, webgpuSkipped: null, loadMs: null, downloadedBytes: 0, clips: [], decodedClips: 0, audioMs: 0 };
  const clips = await readClips();
  const audio: Float32Array[] = [];
  for (const clip of clips) {
    const samples = await decodeClip(clip.url);
    audio.push(samples);
    result.decodedClips++;
    result.audioMs += Math.round((samples.length / 16000) * 1000);
  }
  const recognizer = new WhisperRecognizer({
    createWorker: () => new Worker(moonshine ? './stt-moonshine.worker.js' : './stt.worker.js', { type: 'module' }) as unknown as SttWorkerPort,
    model,
    request: { remoteHost: host, remotePathTemplate: params.get('template') ?? STT_PATH_TEMPLATE, wasmPaths: moonshine ? MOONSHINE_WASM_PATHS : STT_WASM_PATHS, backends },
    onProgress: (p) => (result.downloadedBytes = p.loadedBytes),
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
    for (let i = 0; i < clips.length; i++) {
      const clipStarted = performance.now();
      const transcript = await recognizer.transcribeClip(audio[i]);
      const decodeMs = performance.now() - clipStarted;
      const wer = wordErrorRate(clips[i].reference, transcript);
      result.clips.push({
        ...clips[i],
        transcript,
        audioMs: (audio[i].length / 16000) * 1000,
        decodeMs,
        edits: wer.substitutions + wer.deletions + wer.insertions,
        referenceWords: wer.referenceWords,
      });
    }
    result.ok = true;
  } catch (error) {
    result.reason = `decode failed: ${error instanceof Error ? error.message : String(error)}`;
  }
  recognizer.dispose();
  return result;
}

run().then(
  (result) => (window.kinSttEval = result),
  (error: unknown) => (window.kinSttEval = { ok: false, reason: String(error), backend: null, webgpuSkipped: null, loadMs: null, downloadedBytes: 0, clips: [], decodedClips: 0, audioMs: 0 }),
);
