/**
 * What Kin's onnxruntime-web workers share, whichever build they import (the JSEP build for WebGPU or
 * WASM in workers/ort-runtime.ts, the WASM-only build in workers/ort-wasm-runtime.ts): self-hosted
 * wasm, one thread (no cross-origin isolation needed), and model files fetched with a clear error.
 * Imports no build itself, so a worker bundles only the one it uses.
 */

/** The slice of `ort.env` set here (the same in every build). */
interface OrtEnvLike {
  wasm: { wasmPaths?: unknown; numThreads?: number };
  logLevel?: string;
}

export function configureOrt(env: OrtEnvLike, wasmBase: string): void {
  env.wasm.wasmPaths = new URL(wasmBase, self.location.origin).href;
  env.wasm.numThreads = 1;
  env.logLevel = 'error';
}

export async function fetchModel(modelUrl: string): Promise<Uint8Array> {
  const response = await fetch(modelUrl);
  if (!response.ok) throw new Error(`model ${modelUrl}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
