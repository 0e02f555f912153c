import type { ToolDeps } from '@/lib/tools/builtin';
import type { MemoryClient } from '@/components/memory/memory-client';

/** Hits within this share of the best score are forgotten together (at most three). */
const FORGET_SHARE = 0.8;

/** The memory tools' port onto the memory worker: store a fact, forget the best matches, recall. */
export function toolMemory(client: MemoryClient, spaceId: string, sessionId: string): NonNullable<ToolDeps['memory']> {
  const search = async (query: string, k: number) => {
    const response = await client.request({ type: 'search', query, k, now: Date.now() });
    return response.type === 'results' ? response.hits.filter((h) => h.score > 0) : [];
  };
  return {
    async remember(fact) {
      const response = await client.request({ type: 'ingest', turn: { spaceId, sessionId, turnId: `tool-${Date.now()}`, speaker: 'user', text: fact, at: Date.now() } });
      if (response.type === 'error') throw new Error(response.message);
    },
    async forget(about) {
      const hits = await search(about, 5);
      const best = hits[0]?.score ?? 0;
      const chosen = hits.filter((h) => h.score >= best * FORGET_SHARE).slice(0, 3);
      for (const hit of chosen) await client.request({ type: 'delete', id: hit.id });
      return chosen.map((h) => h.text);
    },
    async recall(query) {
      return (await search(query, 3)).map((h) => ({ text: h.text }));
    },
  };
}
