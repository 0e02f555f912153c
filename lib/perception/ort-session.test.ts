import { describe, expect, test } from 'vitest';
import { createSession, probeWebGpu } from './ort-session';

function fakeOrt(failing: string[]) {
  const calls: string[][] = [];
  return {
    calls,
    InferenceSession: {
      create: async (_model: Uint8Array, options: { executionProviders: string[] }) => {
        calls.push(options.executionProviders);
        if (failing.includes(options.executionProviders[0])) throw new Error(`${options.executionProviders[0]} unavailable`);
        return { ep: options.executionProviders[0] };
      },
    },
  };
}

describe('createSession', () => {
  test('uses WebGPU when it loads, one provider per attempt', async () => {
    const ort = fakeOrt([]);
    const choice = await createSession(ort, new Uint8Array(), true);
    expect(choice.backend).toBe('webgpu');
    expect(ort.calls).toEqual([['webgpu']]);
  });

  test('reports WASM with the reason when WebGPU fails', async () => {
    const ort = fakeOrt(['webgpu']);
    const choice = await createSession(ort, new Uint8Array(), true);
    expect(choice.backend).toBe('wasm');
    expect(choice.session).toEqual({ ep: 'wasm' });
    expect(choice.detail).toBe('WebGPU failed: webgpu unavailable');
  });

  test('skips WebGPU without an adapter and throws when WASM fails too', async () => {
    const ort = fakeOrt(['wasm']);
    await expect(createSession(ort, new Uint8Array(), false)).rejects.toThrow(/wasm unavailable/);
    expect(ort.calls).toEqual([['wasm']]);
  });

  test('adapter probe: none, null adapter, throwing, software, real', async () => {
    expect(await probeWebGpu(undefined)).toEqual({ usable: false, detail: 'no WebGPU adapter' });
    expect((await probeWebGpu({ gpu: { requestAdapter: async () => null } })).usable).toBe(false);
    expect((await probeWebGpu({ gpu: { requestAdapter: async () => { throw new Error('x'); } } })).usable).toBe(false);
    const swiftshader = await probeWebGpu({ gpu: { requestAdapter: async () => ({ info: { vendor: 'google', architecture: 'swiftshader' } }) } });
    expect(swiftshader).toEqual({ usable: false, detail: 'WebGPU adapter is software-only (google swiftshader)' });
    expect((await probeWebGpu({ gpu: { requestAdapter: async () => ({ isFallbackAdapter: true }) } })).usable).toBe(false);
    expect(await probeWebGpu({ gpu: { requestAdapter: async () => ({ info: { vendor: 'nvidia', architecture: 'ada' } }) } })).toEqual({ usable: true, detail: 'nvidia ada' });
  });
});
