/** What this browser can do, probed once and shown in the HUD and settings. */
export interface Capabilities {
  webgpu: boolean;
  /** Adapter description when WebGPU has one (e.g. "swiftshader"), else null. */
  webgpuAdapter: string | null;
  webgl2: boolean;
  audioWorklet: boolean;
  offscreenCanvas: boolean;
  sharedArrayBuffer: boolean;
  crossOriginIsolated: boolean;
  getUserMedia: boolean;
  requestVideoFrameCallback: boolean;
  serviceWorker: boolean;
  indexedDb: boolean;
  /** Storage quota and usage in MB, when the browser tells. */
  storageQuotaMb: number | null;
  storageUsageMb: number | null;
  secureContext: boolean;
  /** Logical CPU cores and device memory in GB (when exposed). */
  cores: number | null;
  deviceMemoryGb: number | null;
}

/** The slice of WebGPU the probe uses (kept minimal so it compiles with or without @webgpu/types). */
interface GpuLike {
  requestAdapter(): Promise<{ info?: { description?: string; vendor?: string; architecture?: string } } | null>;
}

type ProbeScope = typeof globalThis;

let cached: Promise<Capabilities> | null = null;

/** Probes once per page; later calls return the same result. */
export function probeCapabilities(scope: ProbeScope = globalThis as ProbeScope): Promise<Capabilities> {
  cached ??= runProbe(scope);
  return cached;
}

/** Probe without the cache (tests). */
export async function runProbe(scope: ProbeScope): Promise<Capabilities> {
  const nav = scope.navigator as (Navigator & { deviceMemory?: number }) | undefined;
  const gpu = (nav as { gpu?: GpuLike } | undefined)?.gpu;
  let webgpuAdapter: string | null = null;
  if (gpu) {
    try {
      const adapter = await Promise.race([
        gpu.requestAdapter(),
        new Promise<null>((r) => setTimeout(() => r(null), 1500)),
      ]);
      if (adapter) {
        const info = adapter.info;
        webgpuAdapter = [info?.vendor, info?.architecture, info?.description].filter(Boolean).join(' ') || 'available';
      }
    } catch {
      webgpuAdapter = null;
    }
  }
  let webgl2 = false;
  try {
    if (typeof scope.OffscreenCanvas !== 'undefined') webgl2 = !!new scope.OffscreenCanvas(1, 1).getContext('webgl2');
    else if (typeof scope.document !== 'undefined') webgl2 = !!scope.document.createElement('canvas').getContext('webgl2');
  } catch {
    webgl2 = false;
  }
  let storageQuotaMb: number | null = null;
  let storageUsageMb: number | null = null;
  try {
    const estimate = await nav?.storage?.estimate?.();
    if (estimate?.quota !== undefined) storageQuotaMb = Math.round(estimate.quota / 1048576);
    if (estimate?.usage !== undefined) storageUsageMb = Math.round((estimate.usage / 1048576) * 10) / 10;
  } catch {
    // storage estimate is optional
  }
  return {
    webgpu: webgpuAdapter !== null,
    webgpuAdapter,
    webgl2,
    audioWorklet: typeof scope.AudioWorkletNode !== 'undefined',
    offscreenCanvas: typeof scope.OffscreenCanvas !== 'undefined',
    sharedArrayBuffer: typeof scope.SharedArrayBuffer !== 'undefined',
    crossOriginIsolated: scope.crossOriginIsolated === true,
    getUserMedia: typeof nav?.mediaDevices?.getUserMedia === 'function',
    requestVideoFrameCallback:
      typeof scope.HTMLVideoElement !== 'undefined' && 'requestVideoFrameCallback' in scope.HTMLVideoElement.prototype,
    serviceWorker: !!nav && 'serviceWorker' in nav,
    indexedDb: typeof scope.indexedDB !== 'undefined',
    storageQuotaMb,
    storageUsageMb,
    secureContext: scope.isSecureContext === true,
    cores: nav?.hardwareConcurrency ?? null,
    deviceMemoryGb: nav?.deviceMemory ?? null,
  };
}

/** Rows for display: label, value, whether it is good. */
export function describeCapabilities(c: Capabilities): Array<{ label: string; value: string; ok: boolean }> {
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  return [
    { label: 'WebGPU', value: c.webgpuAdapter ?? 'no (WASM fallback)', ok: c.webgpu },
    { label: 'WebGL2', value: yes(c.webgl2), ok: c.webgl2 },
    { label: 'AudioWorklet', value: yes(c.audioWorklet), ok: c.audioWorklet },
    { label: 'OffscreenCanvas', value: yes(c.offscreenCanvas), ok: c.offscreenCanvas },
    { label: 'Cross-origin isolated', value: yes(c.crossOriginIsolated), ok: c.crossOriginIsolated },
    { label: 'SharedArrayBuffer', value: yes(c.sharedArrayBuffer), ok: c.sharedArrayBuffer },
    { label: 'Camera/mic API', value: yes(c.getUserMedia), ok: c.getUserMedia },
    { label: 'Video frame callback', value: yes(c.requestVideoFrameCallback), ok: c.requestVideoFrameCallback },
    { label: 'Service worker', value: yes(c.serviceWorker), ok: c.serviceWorker },
    { label: 'IndexedDB', value: yes(c.indexedDb), ok: c.indexedDb },
    {
      label: 'Storage',
      value: c.storageQuotaMb === null ? 'unknown' : `${c.storageUsageMb ?? 0} MB used of ${c.storageQuotaMb} MB`,
      ok: c.storageQuotaMb === null || c.storageQuotaMb > 200,
    },
    { label: 'CPU cores', value: c.cores === null ? 'unknown' : String(c.cores), ok: true },
  ];
}
