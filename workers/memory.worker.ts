/// <reference lib="webworker" />
/**
 * Memory worker: the write path, embeddings, encrypted IndexedDB and retrieval run here, off the
 * main thread. Thin adapter: each message calls MemoryService and posts a typed reply.
 * Degrades to keyword-only retrieval when the embedding model cannot load.
 */
import { loadUseLiteBrowser } from '../lib/memory/embedder-browser';
import type { Embedder } from '../lib/memory/embedder';
import type { MemoryRequest, MemoryResponse } from '../lib/memory/protocol';
import { MemoryImportError } from '../lib/memory/schema';
import { MemoryService } from '../lib/memory/service';

declare const self: DedicatedWorkerGlobalScope;

let service: MemoryService | null = null;
let embedder: Embedder | null = null;
// Messages are handled one at a time, so two requests never interleave their writes.
let queue: Promise<void> = Promise.resolve();
let releaseLock: (() => void) | null = null;

function post(message: MemoryResponse): void {
  self.postMessage(message);
}

async function handle(message: MemoryRequest): Promise<void> {
  if (message.type === 'init') {
    try {
      embedder = await loadUseLiteBrowser(message.modelBaseUrl, message.wasmBaseUrl);
      // The first inference compiles kernels and is several times slower: do it before 'ready', so
      // the first recall in a call fits its time budget.
      await embedder.embed(['warm up']);
    } catch (error) {
      post({ type: 'error', code: 'memory:model', message: `Embedding model unavailable, keyword search only: ${String(error)}` });
    }
    // Web Locks: one tab at a time owns a profile's memory database; the lock is held until dispose.
    const acquired = !('locks' in navigator) || (await new Promise<boolean>((resolve) => {
      void navigator.locks.request(`kin-memory-${message.profileId}`, { ifAvailable: true }, (lock) => {
        resolve(lock !== null);
        return lock ? new Promise<void>((release) => (releaseLock = release)) : undefined;
      });
    }));
    service = acquired ? await MemoryService.open(message.profileId, embedder) : null;
    if (!service) {
      post({ type: 'error', code: 'memory:storage', message: 'Memory is open in another tab; this tab runs without memory.' });
      return;
    }
    post({ type: 'ready', backend: embedder?.backend ?? 'none', embedder: embedder?.id ?? null, records: service.space.records.size });
    return;
  }
  if (message.type === 'dispose') {
    service?.dispose();
    embedder?.dispose();
    service = null;
    releaseLock?.();
    releaseLock = null;
    return;
  }
  if (!service) return;
  switch (message.type) {
    case 'ingest':
      post({ type: 'ingested', requestId: message.requestId, ids: await service.ingest({ ...message.turn, at: new Date(message.turn.at) }) });
      break;
    case 'search': {
      const { hits, searchMs, embedMs } = await service.search(message.query, message.k, message.personaId);
      post({ type: 'results', requestId: message.requestId, hits, searchMs, embedMs });
      break;
    }
    case 'mark-used':
      await service.markUsed(message.ids);
      break;
    case 'list':
      post({ type: 'records', requestId: message.requestId, records: service.list() });
      break;
    case 'delete':
      post({ type: 'done', requestId: message.requestId, changed: (await service.delete(message.id)) ? 1 : 0 });
      break;
    case 'pin':
      await service.pin(message.id, message.pinned);
      post({ type: 'done', requestId: message.requestId, changed: 1 });
      break;
    case 'update':
      try {
        post({ type: 'done', requestId: message.requestId, changed: (await service.update(message.id, message.text)) ? 1 : 0 });
      } catch (error) {
        post({ type: 'error', requestId: message.requestId, code: 'memory:edit', message: error instanceof Error ? error.message : String(error) });
      }
      break;
    case 'scope':
      post({ type: 'done', requestId: message.requestId, changed: (await service.setScope(message.id, message.onlyFor)) ? 1 : 0 });
      break;
    case 'forget-session':
      post({ type: 'done', requestId: message.requestId, changed: await service.forgetSession(message.sessionId) });
      break;
    case 'forget-all':
      await service.forgetAll();
      post({ type: 'done', requestId: message.requestId, changed: 1 });
      break;
    case 'pause':
      service.space.paused = message.paused;
      break;
    case 'export':
      post({ type: 'exported', requestId: message.requestId, json: await service.exportJson() });
      break;
    case 'import':
      try {
        post({ type: 'done', requestId: message.requestId, changed: await service.importJson(message.json) });
      } catch (error) {
        if (!(error instanceof MemoryImportError)) throw error;
        post({ type: 'error', requestId: message.requestId, code: 'memory:import', message: error.message });
      }
      break;
  }
}

self.onmessage = (event: MessageEvent<MemoryRequest>) => {
  const message = event.data;
  // Prefetch runs beside the queue (the newest partial wins inside MemoryService.prefetch), so a
  // pending write never delays it; the search at turn end waits for it and reuses its vector.
  if (message.type === 'prepare-query') {
    if (service) void service.prefetch(message.text);
    return;
  }
  queue = queue.then(() => handle(message)).catch((error: unknown) => {
    post({ type: 'error', requestId: 'requestId' in message ? message.requestId : undefined, code: 'memory:storage', message: String(error) });
  });
};
