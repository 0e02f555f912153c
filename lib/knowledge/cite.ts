import { tokenize } from '../memory/bm25';
import { splitSentences } from './chunk';
import type { KnowledgeHit } from './types';

/** Lowest hybrid score for a chunk to be offered to the brain in a call (cosine ≈ 0.3 plus a keyword match). */
export const KNOWLEDGE_MIN_SCORE = 0.5;

/** A source shown under a reply: "source: title › section", opening /knowledge?doc=…#chunk. */
export interface CitedSource {
  title: string;
  section: string;
  href: string;
}

/** Where the knowledge view shows a chunk. */
export function sourceLink(docId: string, chunkId: string): string {
  return `/knowledge?doc=${encodeURIComponent(docId)}#${encodeURIComponent(chunkId)}`;
}

/**
 * The chunks a reply actually used: it names the title ("According to …"), or at least three of
 * its content words and 40 % of them come from the chunk. Each document section is listed once.
 */
export function citedSources(reply: string, hits: readonly KnowledgeHit[]): CitedSource[] {
  const replyLower = reply.toLowerCase();
  const replyTokens = [...new Set(tokenize(reply))];
  const out: CitedSource[] = [];
  for (const hit of hits) {
    const named = hit.title.length > 2 && replyLower.includes(hit.title.toLowerCase());
    const chunkTokens = new Set(tokenize(hit.text));
    const shared = replyTokens.filter((t) => chunkTokens.has(t)).length;
    const overlaps = shared >= 3 && shared / Math.max(1, replyTokens.length) >= 0.4;
    if (!named && !overlaps) continue;
    if (out.some((s) => s.title === hit.title && s.section === hit.section)) continue;
    out.push({ title: hit.title, section: hit.section, href: sourceLink(hit.docId, hit.chunkId) });
  }
  return out;
}

/**
 * For the built-in brain: the one or two sentences of the best chunk that share the most content
 * words with the question, phrased "According to <title> (<section>): …"; null when no chunk
 * shares a content word with the question.
 */
export function answerFromKnowledge(question: string, hits: readonly KnowledgeHit[]): string | null {
  const asked = new Set(tokenize(question));
  if (!asked.size) return null;
  let best: { hit: KnowledgeHit; index: number; sentences: string[]; overlap: number } | null = null;
  for (const hit of hits.slice(0, 3)) {
    const sentences = splitSentences(hit.text.replace(/\s+/g, ' ')).map((s) => s.trim()).filter((s) => s.length > 2);
    sentences.forEach((sentence, index) => {
      const overlap = tokenize(sentence).filter((t) => asked.has(t)).length;
      if (overlap > 0 && (!best || overlap > best.overlap)) best = { hit, index, sentences, overlap };
    });
  }
  if (!best) return null;
  const { hit, index, sentences } = best as { hit: KnowledgeHit; index: number; sentences: string[] };
  let answer = sentences[index].replace(/^[-*]\s*/, '');
  // A short sentence rarely stands alone: add the next one.
  if (answer.length < 80 && sentences[index + 1]) answer += ` ${sentences[index + 1]}`;
  const where = hit.section ? ` (${hit.section})` : '';
  return `According to ${hit.title}${where}: ${answer.length > 400 ? `${answer.slice(0, 397).trimEnd()}…` : answer}`;
}
