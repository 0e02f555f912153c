/**
 * Creates an ONNX Runtime session on one execution provider at a time — WebGPU first when an adapter
 * exists, then WASM — and reports the one that really loaded. (Passing a list lets onnxruntime fall
 * back silently, so the backend would be unknown.) The runtime is injected: onnxruntime-web in
 * workers, a fake in tests.
 */

export type OrtBackend = 'webgpu' | 'wasm';

/** The slice of onnxruntime's API used here. */
export interface OrtModule<Session> {
  InferenceSession: { create(model: Uint8Array, options: { executionProviders: string[]; graphOptimizationLevel?: 'all' }): Promise<Session> };
}

export interface BackendChoice<Session> {
  session: Session;
  backend: OrtBackend;
  /** Why WebGPU is not used, when it is not. */
  detail?: string;
}

interface AdapterLike {
  isFallbackAdapter?: boolean;
  info?: { vendor?: string; architecture?: string; device?: string; description?: string };
}

/**
 * Whether WebGPU is worth using: `navigator.gpu` must hand out an adapter, and not a software one
 * (SwiftShader, llvmpipe, or a fallback adapter), which runs these small models slower than WASM.
 */
export async function probeWebGpu(nav: { gpu?: { requestAdapter(): Promise<unknown> } } | undefined): Promise<{ usable: boolean; detail: string }> {
  let adapter: AdapterLike | null;
  try {
    adapter = nav?.gpu ? ((await nav.gpu.requestAdapter()) as AdapterLike | null) : null;
  } catch {
    adapter = null;
  }
  if (!adapter) return { usable: false, detail: 'no WebGPU adapter' };
  const info = adapter.info ?? {};
  const words = [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ');
  if (adapter.isFallbackAdapter || /swiftshader|llvmpipe|software/i.test(words)) return { usable: false, detail: `WebGPU adapter is software-only (${words || 'fallback adapter'})`.slice(0, 160) };
  return { usable: true, detail: words };
}

/** Loads `model` on WebGPU (when `webGpu` is true) else/then on WASM; throws only if WASM fails too. */
export async function createSession<Session>(ort: OrtModule<Session>, model: Uint8Array, webGpu: boolean): Promise<BackendChoice<Session>> {
  let detail = webGpu ? undefined : 'no WebGPU adapter';
  if (webGpu) {
    try {
      const session = await ort.InferenceSession.create(model, { executionProviders: ['webgpu'], graphOptimizationLevel: 'all' });
      return { session, backend: 'webgpu' };
    } catch (error) {
      detail = `WebGPU failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200);
    }
  }
  const session = await ort.InferenceSession.create(model, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  return { session, backend: 'wasm', detail };
}
