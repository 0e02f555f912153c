/// <reference lib="webworker" />
/**
 * Early-fusion worker: keeps the time-aligned window of visual + audio feature vectors, runs the
 * fusion ONNX graph (onnxruntime-web, WebGPU or WASM, the one really used is reported) for each new
 * row, and turns the output into a steady description.
 */
import { FusedDescriber } from '../lib/perception/fused-describer';
import { FUSION_DIM, FUSION_WINDOW, FusionWindow } from '../lib/perception/fusion-input';
import { FUSED_STATES, FUSION_UNITS } from '../lib/perception/fusion-output';
import type { FusionInMessage, FusionOutMessage } from '../lib/perception/protocol';
import { openModel, type OrtRuntime, type OrtSession } from './ort-runtime';

declare const self: DedicatedWorkerGlobalScope;

const rows = new FusionWindow();
const input = new Float32Array(FUSION_WINDOW * FUSION_DIM);
let describer = new FusedDescriber();
let session: OrtSession | null = null;
/** The onnxruntime build the session was opened with (its Tensor class goes with its sessions). */
let ort: OrtRuntime | null = null;
let running = false;
let pending = false;

function post(message: FusionOutMessage, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

async function infer(): Promise<void> {
  if (!session || !ort) return;
  if (running) {
    // Coalesce: run once more with the newest window when this run ends.
    pending = true;
    return;
  }
  running = true;
  try {
    do {
      pending = false;
      const started = performance.now();
      const newestMs = rows.newestMs;
      const out = await session.run({ window: new ort.Tensor('float32', rows.assemble(input), [1, FUSION_WINDOW, FUSION_DIM]) });
      const states = Float32Array.from(out.states.data as Float32Array);
      const affect = out.affect.data as Float32Array;
      const units = out.units.data as Float32Array;
      if (states.length !== FUSED_STATES.length || units.length !== FUSION_UNITS.length) throw new Error('fusion model outputs do not match FUSED_STATES/FUSION_UNITS');
      const description = describer.update({ states, affect: { valence: affect[0], arousal: affect[1], engagement: affect[2] }, units, newestMs });
      post({ type: 'fused', description, states, inferMs: performance.now() - started }, [states.buffer]);
    } while (pending);
  } catch (error) {
    session = null;
    post({ type: 'error', code: 'fusion:failed', message: `Fusion stopped: ${String(error)}` });
  } finally {
    running = false;
  }
}

self.onmessage = async (event: MessageEvent<FusionInMessage>) => {
  const message = event.data;
  if (message.type === 'init') {
    const started = performance.now();
    try {
      const choice = await openModel(message.modelUrl, message.wasmBase, message.preferWebGpu);
      session = choice.session;
      ort = choice.ort;
      post({ type: 'ready', backend: choice.backend, initMs: performance.now() - started, detail: choice.detail });
    } catch (error) {
      post({ type: 'error', code: 'fusion:failed', message: `Fusion model could not load: ${String(error)}` });
    }
    return;
  }
  if (message.type === 'audio') {
    rows.pushAudio(message.timestampMs, message.vector);
    return;
  }
  if (message.type === 'frame') {
    rows.pushFrame(message.timestampMs, message.visual);
    void infer();
    return;
  }
  if (message.type === 'reset') {
    rows.clear();
    describer = new FusedDescriber();
    return;
  }
  if (message.type === 'dispose') {
    void session?.release();
    self.close();
  }
};
