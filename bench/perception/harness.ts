/**
 * Browser side of `npm run eval:perception` (bundled by bench/perception/eval.mjs with esbuild):
 * the real vision, prosody and fusion workers, the real PerceptionHub, a fake camera from a y4m
 * file, and EmoDB clips pushed through the prosody → fusion path. Exposes window.kinEval.
 */
import { blendshapeIndex } from '../../lib/perception/face-features';
import type { FusedDescription } from '../../lib/perception/fused-describer';
import { FUSION_MODEL_URL } from '../../lib/perception/fusion-output';
import { PerceptionHub } from '../../lib/perception/hub';
import type { WorkerLike } from '../../lib/perception/managed-worker';
import { PROSODY_BLOCK } from '../../lib/perception/prosody';
import {
  FACE_MODEL_URL, MEDIAPIPE_WASM_BASE, ORT_WASM_BASE, VAD_MODEL_URL,
  type FusionInMessage, type FusionOutMessage, type ProsodyInMessage, type ProsodyOutMessage, type VisionInMessage, type VisionOutMessage,
} from '../../lib/perception/protocol';
import { decodeWav, resampleLinear } from '../../lib/perception/wav';

const JAW = blendshapeIndex('jawOpen');
let longTasks = 0;
let longTaskMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    longTasks++;
    longTaskMs += entry.duration;
  }
}).observe({ type: 'longtask', buffered: true });

const worker = (name: string, type: 'module' | 'classic' = 'module') => new Worker(`/bundle/${name}.js`, { type }) as unknown as WorkerLike;

function waitFor<T>(w: Worker, pick: (data: T) => boolean, timeoutMs = 30000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout waiting for worker')), timeoutMs);
    w.addEventListener('message', function on(event: MessageEvent<T>) {
      if (!pick(event.data)) return;
      clearTimeout(timer);
      w.removeEventListener('message', on);
      resolve(event.data);
    });
  });
}

interface TimelinePoint { t: number; faces: number; jawOpen: number; blinks: number; processMs: number }

/** Plays the fake camera for `seconds` through vision → hub (fusion) and records everything. */
async function runVideo(seconds: number) {
  const fused: { t: number; state: string; sentence: string; confidence: number; arousal: number; valence: number }[] = [];
  const hub = new PerceptionHub({
    createProsodyWorker: () => worker('prosody.worker'),
    createFusionWorker: () => worker('fusion.worker'),
    onFused: (d: FusedDescription) => fused.push({ t: d.timestampMs, state: d.state, sentence: d.sentence, confidence: d.confidence, arousal: d.arousal, valence: d.valence }),
  });
  hub.setVoicePerception(false);
  hub.start();
  const vision = new Worker('/bundle/vision.worker.js');
  const ready = waitFor<VisionOutMessage>(vision, (m) => m.type === 'ready', 60000);
  vision.postMessage({ type: 'init', modelUrl: FACE_MODEL_URL, wasmBase: MEDIAPIPE_WASM_BASE, preferGpu: true } satisfies VisionInMessage);
  const visionReady = (await ready) as Extract<VisionOutMessage, { type: 'ready' }>;
  hub.setVisionBackend(visionReady.backend);
  const fusionStart = performance.now();
  while (hub.store.getState().fusionBackend === 'starting' && performance.now() - fusionStart < 30000) await new Promise((r) => setTimeout(r, 50));

  const stream = await navigator.mediaDevices.getUserMedia({ video: true });
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = stream;
  document.body.append(video);
  await video.play();
  // Warm-up: the first detection compiles and allocates (seconds on a busy CPU); not part of the timing.
  {
    const first = waitFor<VisionOutMessage>(vision, (m) => m.type === 'result', 120000);
    const bitmap = await createImageBitmap(video);
    vision.postMessage({ type: 'frame', seq: -1, timestampMs: performance.now(), bitmap } satisfies VisionInMessage, [bitmap]);
    await first;
  }
  const timeline: TimelinePoint[] = [];
  let busy = false;
  let seq = 0;
  let t0 = -1;
  let processed = 0;
  let dropped = 0;
  vision.onmessage = (event: MessageEvent<VisionOutMessage>) => {
    const m = event.data;
    if (m.type !== 'result') return;
    busy = false;
    processed++;
    if (t0 < 0) t0 = m.stats.timestampMs;
    timeline.push({ t: (m.stats.timestampMs - t0) / 1000, faces: m.face?.faces ?? 0, jawOpen: m.face ? m.face.blendshapes[JAW] : 0, blinks: m.face?.blinks ?? 0, processMs: m.stats.processMs });
    if (m.face && m.description) hub.visionResult(m.face, m.stats.timestampMs, m.stats.meanLuma);
  };
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const onFrame = () => {
      const elapsed = performance.now() - started;
      if (elapsed > seconds * 1000) return resolve();
      if (busy) dropped++;
      else {
        busy = true;
        const timestampMs = performance.now();
        void createImageBitmap(video).then((bitmap) => vision.postMessage({ type: 'frame', seq: seq++, timestampMs, bitmap } satisfies VisionInMessage, [bitmap]));
      }
      video.requestVideoFrameCallback(onFrame);
    };
    video.requestVideoFrameCallback(onFrame);
  });
  const wallS = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 300));
  stream.getTracks().forEach((t) => t.stop());
  vision.postMessage({ type: 'dispose' } satisfies VisionInMessage);
  const s = hub.store.getState();
  const result = {
    visionBackend: visionReady.backend,
    visionDetail: visionReady.detail ?? null,
    onnxBackend: s.fusionBackend,
    onnxDetail: s.backendDetail,
    visionFps: processed / wallS,
    framesDropped: dropped,
    timeline,
    fused: fused.map((f) => ({ ...f, t: t0 >= 0 ? (f.t - t0) / 1000 : 0 })),
    staleness: [...hub.stalenessSamples],
    longTasks,
    longTaskMs,
  };
  hub.dispose();
  return result;
}

/** EmoDB clips through prosody (Silero VAD) → fusion (camera off): the fused arousal at each clip's end. */
async function runEmoDb(files: string[]) {
  const prosody = worker('prosody.worker') as unknown as Worker;
  const fusion = worker('fusion.worker') as unknown as Worker;
  const pReady = waitFor<ProsodyOutMessage>(prosody, (m) => m.type === 'ready', 180000);
  const fReady = waitFor<FusionOutMessage>(fusion, (m) => m.type === 'ready' || m.type === 'error', 180000);
  prosody.postMessage({ type: 'init', modelUrl: VAD_MODEL_URL, wasmBase: ORT_WASM_BASE } satisfies ProsodyInMessage);
  fusion.postMessage({ type: 'init', modelUrl: FUSION_MODEL_URL, wasmBase: ORT_WASM_BASE, preferWebGpu: true } satisfies FusionInMessage);
  const vadReady = (await pReady) as Extract<ProsodyOutMessage, { type: 'ready' }>;
  const fusionReady = await fReady;
  if (fusionReady.type !== 'ready') throw new Error(`fusion: ${fusionReady.type === 'error' ? fusionReady.message : ''}`);
  let clock = 0;
  let rtfSum = 0, rtfN = 0;
  let lastFused: FusedDescription | null = null;
  let pendingFeatures = 0;
  let pendingFused = 0;
  prosody.onmessage = (event: MessageEvent<ProsodyOutMessage>) => {
    const m = event.data;
    if (m.type !== 'features') return;
    pendingFeatures--;
    rtfSum += m.realTimeFactor;
    rtfN++;
    fusion.postMessage({ type: 'audio', timestampMs: m.timestampMs, vector: m.vector } satisfies FusionInMessage, [m.vector.buffer]);
    fusion.postMessage({ type: 'frame', timestampMs: m.timestampMs, visual: null } satisfies FusionInMessage);
    pendingFused++;
  };
  fusion.onmessage = (event: MessageEvent<FusionOutMessage>) => {
    if (event.data.type === 'fused') {
      lastFused = event.data.description;
      pendingFused = 0;
    }
  };
  const settle = async () => {
    for (let i = 0; i < 400 && (pendingFeatures > 0 || pendingFused > 0); i++) await new Promise((r) => setTimeout(r, 5));
  };
  const audio = new Map<string, Float32Array>();
  for (const file of files) {
    const bytes = new Uint8Array(await (await fetch(`/data/emotion_speech/emodb/${file}`)).arrayBuffer());
    const wav = decodeWav(bytes);
    audio.set(file, resampleLinear(wav.samples, wav.sampleRate, 16000));
  }
  const feed = async (samples: Float32Array) => {
    // 3 blocks per message (≈96 ms), each message answered with one features message.
    const step = PROSODY_BLOCK * 3;
    for (let off = 0; off + step <= samples.length; off += step) {
      clock += (step / 16000) * 1000;
      pendingFeatures++;
      prosody.postMessage({ type: 'audio', samples: samples.slice(off, off + step), timestampMs: clock } satisfies ProsodyInMessage);
      await settle();
    }
  };
  const silence = new Float32Array(PROSODY_BLOCK * 3 * 22);
  const arousal: Record<string, number> = {};
  // Pass 1 builds the speaker's baseline (the app learns it over a call); pass 2 scores.
  for (const pass of [1, 2]) {
    for (const file of files) {
      await feed(silence);
      fusion.postMessage({ type: 'reset' } satisfies FusionInMessage);
      await feed(audio.get(file)!);
      if (pass === 2 && lastFused) arousal[file] = (lastFused as FusedDescription).arousal;
    }
  }
  prosody.terminate();
  fusion.terminate();
  return { arousal, vadBackend: vadReady.backend, vadDetail: vadReady.detail ?? null, prosodyRtf: rtfN ? rtfSum / rtfN : null };
}

declare global {
  interface Window {
    kinEval: { runVideo: typeof runVideo; runEmoDb: typeof runEmoDb };
  }
}
window.kinEval = { runVideo, runEmoDb };
document.title = 'kin-eval-ready';
