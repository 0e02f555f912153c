'use client';
import type { ConversationDeps } from '@/lib/call/conversation';
import { KNOWLEDGE_MIN_SCORE } from '@/lib/knowledge/cite';
import { getKnowledgeClient, searchKnowledge } from './knowledge-client';

/** What a call's conversation needs from the persona's knowledge: relevant chunks only. Starts indexing the pack now. */
export function knowledgePort(personaId: string): NonNullable<ConversationDeps['knowledge']> {
  void getKnowledgeClient().ensurePack(personaId).catch(() => {});
  return {
    async search(text) {
      const hits = await searchKnowledge(personaId, text, 3);
      return hits.filter((h) => h.score >= KNOWLEDGE_MIN_SCORE);
    },
  };
}
