import { describe, expect, test } from 'vitest';
import { describeCapabilities, runProbe } from './capabilities';

describe('capabilities', () => {
  test('a bare scope (Node) reports no browser features and does not throw', async () => {
    const caps = await runProbe({} as typeof globalThis);
    expect(caps.webgpu).toBe(false);
    expect(caps.audioWorklet).toBe(false);
    expect(caps.getUserMedia).toBe(false);
    expect(caps.storageQuotaMb).toBeNull();
  });

  test('reads WebGPU adapter info, isolation and quota from a browser-like scope', async () => {
    const scope = {
      crossOriginIsolated: true,
      isSecureContext: true,
      SharedArrayBuffer,
      navigator: {
        hardwareConcurrency: 8,
        gpu: { requestAdapter: async () => ({ info: { vendor: 'google', architecture: 'swiftshader' } }) },
        storage: { estimate: async () => ({ quota: 2048 * 1048576, usage: 5 * 1048576 }) },
        mediaDevices: { getUserMedia: async () => ({}) },
      },
    } as unknown as typeof globalThis;
    const caps = await runProbe(scope);
    expect(caps.webgpuAdapter).toBe('google swiftshader');
    expect(caps.crossOriginIsolated).toBe(true);
    expect(caps.getUserMedia).toBe(true);
    expect(caps.storageQuotaMb).toBe(2048);
    const rows = describeCapabilities(caps);
    expect(rows.find((r) => r.label === 'WebGPU')?.ok).toBe(true);
    expect(rows.find((r) => r.label === 'Storage')?.value).toBe('5 MB used of 2048 MB');
  });

  test('a WebGPU adapter request that throws means no WebGPU', async () => {
    const scope = { navigator: { gpu: { requestAdapter: async () => { throw new Error('blocked'); } } } } as unknown as typeof globalThis;
    expect((await runProbe(scope)).webgpu).toBe(false);
  });
});
