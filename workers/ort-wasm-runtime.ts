/**
 * onnxruntime-web's WASM-only build for models that do not run on WebGPU: Silero VAD (a 32 ms block
 * is far too little work to gain from a GPU round trip), the Piper voice and Moonshine (onnxruntime's
 * WebGPU kernels are not used for them), and the fusion model when no hardware adapter is there
 * (workers/ort-runtime.ts). Its wasm is 14 MB against the JSEP build's 28 MB, and a session starts
 * in about half the time (docs/perception.md, "Start-up"), which matters at the start of a call,
 * when every worker compiles at once.
 */
import * as ort from 'onnxruntime-web/wasm';
import type { BackendChoice } from '../lib/perception/ort-session';
import { configureOrt, fetchModel } from './ort-common';

export { ort };

/** Fetches `modelUrl` and opens it on WASM. */
export async function openWasmModel(modelUrl: string, wasmBase: string): Promise<BackendChoice<ort.InferenceSession>> {
  return openWasmModelBytes(await fetchModel(modelUrl), wasmBase);
}

/** Opens a model already in memory (downloaded or read from a cache) on WASM. */
export async function openWasmModelBytes(model: Uint8Array, wasmBase: string): Promise<BackendChoice<ort.InferenceSession>> {
  configureOrt(ort.env, wasmBase);
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  return { session, backend: 'wasm' };
}
