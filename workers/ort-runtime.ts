/**
 * onnxruntime-web for Kin's workers: self-hosted wasm, one thread (no cross-origin isolation needed),
 * and session creation that reports the backend really used.
 */
import * as ort from 'onnxruntime-web';
import { createSession, probeWebGpu, type BackendChoice } from '../lib/perception/ort-session';

export { ort };

/** Fetches `modelUrl` and opens it on WebGPU when a hardware adapter exists and `preferWebGpu`, else WASM. */
export async function openModel(modelUrl: string, wasmBase: string, preferWebGpu: boolean): Promise<BackendChoice<ort.InferenceSession>> {
  const response = await fetch(modelUrl);
  if (!response.ok) throw new Error(`model ${modelUrl}: HTTP ${response.status}`);
  return openModelBytes(new Uint8Array(await response.arrayBuffer()), wasmBase, preferWebGpu);
}

/** Opens a model already in memory (downloaded or read from a cache) the same way as `openModel`. */
export async function openModelBytes(model: Uint8Array, wasmBase: string, preferWebGpu: boolean): Promise<BackendChoice<ort.InferenceSession>> {
  ort.env.wasm.wasmPaths = new URL(wasmBase, self.location.origin).href;
  ort.env.wasm.numThreads = 1;
  ort.env.logLevel = 'error';
  const probe = preferWebGpu ? await probeWebGpu(self.navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }) : { usable: false, detail: 'WebGPU not requested' };
  const choice = await createSession(ort, model, probe.usable);
  if (!probe.usable) choice.detail = probe.detail;
  return choice;
}
