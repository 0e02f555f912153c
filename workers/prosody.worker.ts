/// <reference lib="webworker" />
/**
 * Prosody worker: 16 kHz mic audio in 32 ms blocks → Silero VAD (onnxruntime-web's WASM-only build:
 * see workers/ort-wasm-runtime.ts; an energy gate if the model cannot load) → prosody features
 * relative to the user's baseline, posted ~10 times a second. Raw audio never leaves this worker.
 */
import { EnergyGate, PROSODY_BLOCK, ProsodyTracker } from '../lib/perception/prosody';
import type { OnnxBackend, ProsodyInMessage, ProsodyOutMessage } from '../lib/perception/protocol';
import { SileroVad, type VadRunner } from '../lib/perception/vad';
import { openWasmModel, ort } from './ort-wasm-runtime';

declare const self: DedicatedWorkerGlobalScope;

const tracker = new ProsodyTracker();
const energy = new EnergyGate();
let vad: SileroVad | null = null;
let backend: OnnxBackend = 'energy';
let blocksSincePost = 0;
let queue: Promise<void> = Promise.resolve();
const srTensor = new ort.Tensor('int64', BigInt64Array.from([16000n]), []);

function post(message: ProsodyOutMessage, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

async function init(message: Extract<ProsodyInMessage, { type: 'init' }>): Promise<void> {
  const started = performance.now();
  try {
    const { session, backend: used, detail } = await openWasmModel(message.modelUrl, message.wasmBase);
    const runner: VadRunner = {
      run: async (input, state) => {
        const out = await session.run({
          input: new ort.Tensor('float32', input, [1, input.length]),
          state: new ort.Tensor('float32', state, [2, 1, 128]),
          sr: srTensor,
        });
        return { probability: (out.output.data as Float32Array)[0], state: out.stateN.data as Float32Array };
      },
    };
    vad = new SileroVad(runner);
    await vad.probability(new Float32Array(PROSODY_BLOCK));
    vad.reset();
    backend = used;
    post({ type: 'ready', backend, initMs: performance.now() - started, detail });
  } catch (error) {
    vad = null;
    backend = 'energy';
    post({ type: 'error', code: 'prosody:failed', message: `Silero VAD could not start: ${String(error)}` });
    post({ type: 'ready', backend, initMs: performance.now() - started, detail: 'energy gate (Silero failed)' });
  }
}

async function process(samples: Float32Array, timestampMs: number, audioTime?: number): Promise<void> {
  const started = performance.now();
  const blocks = Math.floor(samples.length / PROSODY_BLOCK);
  for (let b = 0; b < blocks; b++) {
    const block = samples.subarray(b * PROSODY_BLOCK, (b + 1) * PROSODY_BLOCK);
    let prob: number;
    if (vad) {
      try {
        prob = await vad.probability(block);
        post({ type: 'vad', probability: prob, audioTime: audioTime === undefined ? null : audioTime - ((blocks - 1 - b) * PROSODY_BLOCK) / 16000 });
      } catch (error) {
        vad = null;
        backend = 'energy';
        post({ type: 'error', code: 'prosody:failed', message: `Silero VAD stopped: ${String(error)}` });
        prob = energy.probability(block);
      }
    } else {
      prob = energy.probability(block);
    }
    tracker.push(block, prob);
    blocksSincePost++;
  }
  if (blocksSincePost >= 3) {
    blocksSincePost = 0;
    const snap = tracker.snapshot();
    const audioMs = (blocks * PROSODY_BLOCK * 1000) / 16000;
    post({ type: 'features', timestampMs, vector: snap.vector, speechProb: snap.speechProb, f0Hz: snap.f0Hz, loudnessDb: snap.raw.loudnessDb, realTimeFactor: audioMs ? (performance.now() - started) / audioMs : 0 }, [snap.vector.buffer]);
  }
}

self.onmessage = (event: MessageEvent<ProsodyInMessage>) => {
  const message = event.data;
  // One message at a time, in order (VAD state is sequential).
  if (message.type === 'init') queue = queue.then(() => init(message));
  else if (message.type === 'audio') queue = queue.then(() => process(message.samples, message.timestampMs, message.audioTime));
  else if (message.type === 'reset') queue = queue.then(() => vad?.reset());
  else if (message.type === 'dispose') self.close();
};
