import { tokenize } from './bm25';
import type { EpisodicMemory, MemoryRecord, SemanticMemory } from './types';
import { isoDay } from './time';

/** What consolidation needs from a space. */
export interface ConsolidationTarget {
  readonly records: Map<string, MemoryRecord>;
  put(record: MemoryRecord): MemoryRecord;
}

/** Jaccard overlap of two token sets, 0..1. */
export function tokenOverlap(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  let shared = 0;
  for (const t of setA) if (setB.has(t)) shared++;
  return shared / (setA.size + setB.size - shared || 1);
}

function similar(a: EpisodicMemory, b: EpisodicMemory, tokens: Map<string, string[]>): boolean {
  if (a.embedding && b.embedding && a.embedding.length === b.embedding.length) {
    let dot = 0;
    for (let i = 0; i < a.embedding.length; i++) dot += a.embedding[i] * b.embedding[i];
    if (dot >= 0.8) return true;
  }
  return tokenOverlap(tokens.get(a.id) ?? [], tokens.get(b.id) ?? []) >= 0.5;
}

/**
 * Turns episodes repeated in at least `minSessions` different sessions (same speaker, similar words
 * or embeddings) into one semantic fact with its supporting episodes. Returns the facts written.
 */
export function consolidateRepeats(target: ConsolidationTarget, now: number, minSessions = 3): SemanticMemory[] {
  const episodes = [...target.records.values()].filter((r): r is EpisodicMemory => r.tier === 'episodic' && !r.archived && !r.id.startsWith('sum-'));
  const tokens = new Map(episodes.map((e) => [e.id, tokenize(e.what)]));
  const used = new Set<string>();
  const existing = new Set([...target.records.values()].filter((r): r is SemanticMemory => r.tier === 'semantic').flatMap((r) => (r.predicate === 'repeatedly' ? r.supportingEpisodes : [])));
  const written: SemanticMemory[] = [];
  for (const seed of episodes) {
    if (used.has(seed.id) || existing.has(seed.id) || (tokens.get(seed.id)?.length ?? 0) < 2) continue;
    const group = episodes.filter((e) => e.provenance.speaker === seed.provenance.speaker && !used.has(e.id) && (e === seed || similar(seed, e, tokens)));
    const sessions = new Set(group.map((e) => e.provenance.sessionId));
    if (sessions.size < minSessions) continue;
    group.forEach((e) => used.add(e.id));
    const latest = group.reduce((a, b) => (b.provenance.saidAt > a.provenance.saidAt ? b : a));
    const first = group.reduce((a, b) => (b.provenance.saidAt < a.provenance.saidAt ? b : a));
    const fact: SemanticMemory = {
      id: `con-${seed.id}`,
      tier: 'semantic',
      text: `${latest.provenance.speaker} repeatedly: ${latest.what}`,
      subject: latest.provenance.speaker,
      predicate: 'repeatedly',
      value: latest.what,
      confidence: Math.min(1, 0.4 + 0.15 * sessions.size),
      firstConfirmed: first.provenance.saidAt,
      lastConfirmed: latest.provenance.saidAt,
      supportingEpisodes: group.map((e) => e.id),
      history: [],
      provenance: { ...latest.provenance, turnIds: group.flatMap((e) => e.provenance.turnIds), recordedAt: now },
      support: group.map((e) => e.provenance),
      importance: Math.min(1, Math.max(...group.map((e) => e.importance)) + 0.1),
      accessHistory: [],
      decayScore: 1,
      pinned: false,
      sensitive: group.some((e) => e.sensitive),
      sensitiveKinds: [...new Set(group.flatMap((e) => e.sensitiveKinds))],
      archived: false,
      entities: [...new Set(group.flatMap((e) => e.entities))],
      dates: group.map((e) => e.when),
      embedding: null,
      embeddingModel: null,
      createdAt: now,
      updatedAt: now,
    };
    written.push(target.put(fact) as SemanticMemory);
  }
  return written;
}

/** Writes an extractive summary record per session (its most important turns, in order). Returns them. */
export function summarizeSessions(target: ConsolidationTarget, now: number, turnsPerSummary = 3): EpisodicMemory[] {
  const bySession = new Map<string, EpisodicMemory[]>();
  for (const r of target.records.values()) {
    if (r.tier !== 'episodic' || r.id.startsWith('sum-')) continue;
    const list = bySession.get(r.provenance.sessionId) ?? [];
    list.push(r);
    bySession.set(r.provenance.sessionId, list);
  }
  const written: EpisodicMemory[] = [];
  for (const [sessionId, episodes] of bySession) {
    const top = [...episodes].sort((a, b) => b.importance - a.importance || a.provenance.saidAt - b.provenance.saidAt).slice(0, turnsPerSummary).sort((a, b) => a.provenance.saidAt - b.provenance.saidAt);
    const first = episodes.reduce((a, b) => (b.provenance.saidAt < a.provenance.saidAt ? b : a));
    const day = isoDay(first.provenance.saidAt);
    const what = top.map((e) => `${e.provenance.speaker}: ${e.what}`).join(' / ');
    const summary: EpisodicMemory = {
      ...first,
      id: `sum-${first.provenance.spaceId}-${sessionId}`,
      text: `Conversation on ${day}: ${what}`,
      what,
      who: [...new Set(top.flatMap((e) => e.who))],
      when: { start: day, end: day, phrase: 'session' },
      feeling: top.find((e) => e.feeling)?.feeling ?? null,
      provenance: { ...first.provenance, turnIds: top.flatMap((e) => e.provenance.turnIds), quote: what.slice(0, 500), recordedAt: now },
      support: [],
      importance: Math.max(...top.map((e) => e.importance)),
      accessHistory: [],
      entities: [...new Set(top.flatMap((e) => e.entities))],
      dates: top.flatMap((e) => e.dates),
      embedding: null,
      embeddingModel: null,
      createdAt: now,
      updatedAt: now,
    };
    written.push(target.put(summary) as EpisodicMemory);
  }
  return written;
}
