/**
 * onnxruntime-web for the fusion worker, the one model that tries WebGPU, with session creation that
 * reports the backend really used. The WebGPU probe runs first, and the 28 MB JSEP build (WebGPU and
 * WASM) is loaded only when a hardware adapter will be used; otherwise the 14 MB WASM-only build
 * (workers/ort-wasm-runtime.ts), which starts in about half the time (docs/perception.md, "Start-up").
 * Workers that never use WebGPU import workers/ort-wasm-runtime.ts directly.
 */
import type * as Ort from 'onnxruntime-web';
import { createSession, probeWebGpu, type BackendChoice } from '../lib/perception/ort-session';
import { configureOrt, fetchModel } from './ort-common';

/** Either build's module: the same API; use its `Tensor` with its sessions. */
export type OrtRuntime = typeof Ort;
export type OrtSession = Ort.InferenceSession;

/**
 * Fetches `modelUrl` and opens it on WebGPU when a hardware adapter exists and `preferWebGpu`, else
 * on WASM; returns the build it loaded with the session.
 */
export async function openModel(modelUrl: string, wasmBase: string, preferWebGpu: boolean): Promise<BackendChoice<OrtSession> & { ort: OrtRuntime }> {
  const model = await fetchModel(modelUrl);
  const probe = preferWebGpu ? await probeWebGpu(self.navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }) : { usable: false, detail: 'WebGPU not requested' };
  const ort: OrtRuntime = probe.usable ? await import('onnxruntime-web') : (await import('./ort-wasm-runtime')).ort;
  configureOrt(ort.env, wasmBase);
  const choice = await createSession(ort, model, probe.usable);
  if (!probe.usable) choice.detail = probe.detail;
  return { ...choice, ort };
}
