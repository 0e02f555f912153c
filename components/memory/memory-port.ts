import type { MemoryPort } from '@/lib/call/conversation';
import { pausableMemory, type PausableMemoryPort } from '@/lib/memory/pause';
import type { MemoryClient } from './memory-client';

/**
 * Adapts the memory worker client to what a call's conversation needs. The port can be paused
 * during the call (incognito); pausing also tells the worker, and a new port clears an earlier pause.
 * With `personaId`, turns are stored with it and recall returns only memories that persona may see.
 */
export function memoryPort(client: MemoryClient, spaceId: string, sessionId: string, options: { personaId?: string; paused?: boolean } = {}): PausableMemoryPort {
  return pausableMemory(workerPort(client, spaceId, sessionId, options.personaId), (p) => client.post({ type: 'pause', paused: p }), options.paused ?? false);
}

function workerPort(client: MemoryClient, spaceId: string, sessionId: string, personaId: string | undefined): MemoryPort {
  return {
    async recall(text) {
      const response = await client.request({ type: 'search', query: text, k: 3, now: Date.now(), personaId });
      return response.type === 'results' ? response.hits.filter((h) => h.score > 0).map((h) => ({ id: h.id, text: h.text, tier: h.tier })) : [];
    },
    remember(text, turnId) {
      void client.request({ type: 'ingest', turn: { spaceId, sessionId, turnId, speaker: 'user', text, at: Date.now(), personaId } });
    },
    prefetch(partialText) {
      client.prefetch(partialText);
    },
    markUsed(ids) {
      client.post({ type: 'mark-used', ids });
    },
    async flush() {
      // The worker handles messages in order: a reply to this one means all earlier writes are done.
      await client.request({ type: 'list' });
    },
  };
}
