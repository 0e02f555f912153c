import { describe, expect, test } from 'vitest';
import { PiperError } from './config';
import { readWithProgress } from '../download';
import { fetchVoiceFile, storeVoiceFile, type VoiceCache } from './fetch';

function streamed(chunks: number[][], headers: Record<string, string> = {}): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
      controller.close();
    },
  });
  return new Response(body, { headers });
}

function memoryCache(): VoiceCache & { store: Map<string, Response> } {
  const store = new Map<string, Response>();
  return { store, match: async (url) => store.get(url)?.clone(), put: async (url, response) => void store.set(url, response) };
}

describe('readWithProgress', () => {
  test('reports bytes so far against Content-Length and joins the chunks', async () => {
    const seen: [number, number][] = [];
    const bytes = await readWithProgress(streamed([[1, 2], [3], [4, 5]], { 'content-length': '5' }), (l, t) => seen.push([l, t]));
    expect([...bytes]).toEqual([1, 2, 3, 4, 5]);
    expect(seen).toEqual([[0, 5], [2, 5], [3, 5], [5, 5]]);
  });

  test('total is 0 when the server does not say', async () => {
    const seen: number[] = [];
    await readWithProgress(streamed([[1]]), (_l, t) => seen.push(t));
    expect(seen.every((t) => t === 0)).toBe(true);
  });
});

describe('fetchVoiceFile', () => {
  const url = 'https://host.example/en/en_US/x/low/en_US-x-low.onnx';
  test('answers from the cache without the network', async () => {
    const cache = memoryCache();
    cache.store.set(url, new Response(new Uint8Array([9, 9])));
    const file = await fetchVoiceFile(url, { cache, allowDownload: false, onProgress: () => undefined, fetchImpl: () => Promise.reject(new Error('no network in this test')) });
    expect(file).toEqual({ bytes: new Uint8Array([9, 9]), fromCache: true });
  });

  test('without consent and not cached: a piper:download error that says where to download', async () => {
    await expect(fetchVoiceFile(url, { cache: memoryCache(), allowDownload: false, onProgress: () => undefined })).rejects.toThrow(/not downloaded yet.*Settings/);
  });

  test('downloads, but does not cache by itself', async () => {
    const cache = memoryCache();
    const file = await fetchVoiceFile(url, { cache, allowDownload: true, onProgress: () => undefined, fetchImpl: async () => streamed([[1, 2, 3]], { 'content-length': '3' }) });
    expect(file.fromCache).toBe(false);
    expect(cache.store.size).toBe(0);
    await storeVoiceFile(cache, url, file.bytes, 'application/octet-stream');
    expect([...new Uint8Array(await (await cache.match(url))!.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  test.each([
    ['404', async () => new Response('Entry not found', { status: 404 }), /HTTP 404 \(no such voice/],
    ['offline', async () => Promise.reject(new TypeError('Failed to fetch')), /Could not reach host\.example.*offline/],
  ])('%s gives a clear piper:download error', async (_name, fetchImpl, message) => {
    const error = await fetchVoiceFile(url, { cache: null, allowDownload: true, onProgress: () => undefined, fetchImpl: fetchImpl as typeof fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PiperError);
    expect((error as PiperError).code).toBe('piper:download');
    expect((error as Error).message).toMatch(message);
  });
});
