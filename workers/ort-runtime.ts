/**
 * onnxruntime-web (the JSEP build: WebGPU or WASM) for the fusion worker, with session creation that
 * reports the backend really used. Workers that never use WebGPU import
 * workers/ort-wasm-runtime.ts.
 */
import * as ort from 'onnxruntime-web';
import { createSession, probeWebGpu, type BackendChoice } from '../lib/perception/ort-session';
import { configureOrt, fetchModel } from './ort-common';

export { ort };

/** Fetches `modelUrl` and opens it on WebGPU when a hardware adapter exists and `preferWebGpu`, else WASM. */
export async function openModel(modelUrl: string, wasmBase: string, preferWebGpu: boolean): Promise<BackendChoice<ort.InferenceSession>> {
  const model = await fetchModel(modelUrl);
  configureOrt(ort.env, wasmBase);
  const probe = preferWebGpu ? await probeWebGpu(self.navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }) : { usable: false, detail: 'WebGPU not requested' };
  const choice = await createSession(ort, model, probe.usable);
  if (!probe.usable) choice.detail = probe.detail;
  return choice;
}
