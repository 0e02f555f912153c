'use client';
import type { MemoryRequest, MemoryResponse } from '@/lib/memory/protocol';

type Pending = (response: MemoryResponse) => void;
type WithoutId<T> = T extends unknown ? Omit<T, 'requestId'> : never;

/** Promise wrapper around the memory worker (one per page). */
export class MemoryClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private lastPrefetch = '';
  readonly ready: Promise<Extract<MemoryResponse, { type: 'ready' }>>;
  onError: (message: string) => void = () => {};

  constructor(profileId: string) {
    this.worker = new Worker(new URL('../../workers/memory.worker.ts', import.meta.url), { type: 'module' });
    let resolveReady: (r: Extract<MemoryResponse, { type: 'ready' }>) => void = () => {};
    this.ready = new Promise((resolve) => (resolveReady = resolve));
    this.worker.onmessage = (event: MessageEvent<MemoryResponse>) => {
      const message = event.data;
      if (message.type === 'ready') return resolveReady(message);
      if ('requestId' in message && message.requestId !== undefined) {
        this.pending.get(message.requestId)?.(message);
        this.pending.delete(message.requestId);
      }
      if (message.type === 'error') this.onError(message.message);
    };
    this.post({ type: 'init', profileId, modelBaseUrl: '/models/use-lite-tfjs', wasmBaseUrl: '/tfjs/' });
  }

  post(message: MemoryRequest): void {
    this.worker.postMessage(message);
  }

  /** Sends a request and resolves with its reply. */
  request(message: WithoutId<Extract<MemoryRequest, { requestId: number }>>): Promise<MemoryResponse> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(requestId, resolve);
      this.post({ ...message, requestId } as MemoryRequest);
    });
  }

  /**
   * Embeds the user's partial transcript while they speak, so the memory search at the end of the
   * turn skips the ~40–200 ms query embedding. Call it with every partial (cheap: repeats and texts
   * under 8 characters are not sent; the worker keeps only the newest). The final `search` reuses
   * the vector when its text starts with the prefetched words plus at most ~24 more characters.
   */
  prefetch(partialText: string): void {
    const text = partialText.trim();
    if (text.length < 8 || text === this.lastPrefetch) return;
    this.lastPrefetch = text;
    this.post({ type: 'prepare-query', text });
  }

  dispose(): void {
    this.post({ type: 'dispose' });
    this.worker.terminate();
  }
}
