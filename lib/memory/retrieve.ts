import type { Bm25Index } from './bm25';
import type { EntityRegistry } from './coref';
import { retention } from './decay';
import { visibleToPersona } from './persona-scope';
import { normalizeTimes } from './time';
import type { MemoryRecord, ScoredMemory } from './types';
import type { VectorIndex } from './vector-index';

/** Weights of the hybrid ranking; defaults were chosen on LoCoMo conversation-level CV (see docs/memory.md). */
export interface RankWeights {
  bm25: number;
  dense: number;
  entity: number;
  time: number;
  /** Share of the best adjacent turn's score a turn inherits (conversation context). */
  neighbour: number;
  /** Share of the best score in the same session (an evening's conversation hangs together). */
  session: number;
  recency: number;
  importance: number;
  /** How much decay lowers a score: 0 = ignore, 1 = multiply by retention. */
  decay: number;
  /** Context expansion: turns within 2 of a strong hit (same session) enter the candidates with this share of its score, halved per step. */
  expand: number;
  /** Extra boost for records said by a speaker the query names ("what does Melanie…"). */
  speaker: number;
  /** "When …?" questions: boost for records that carry a normalized date of their own. */
  when: number;
  /** Per-session diversity: the n-th result from one session is scaled by (1 − diversity)^n. */
  diversity: number;
  /** Pseudo-relevance feedback: weight of a second BM25 pass with the query plus the words of the best hits. */
  feedback: number;
}

export const DEFAULT_WEIGHTS: RankWeights = { bm25: 0.6, dense: 0.4, entity: 0.1, time: 0.3, neighbour: 0.3, session: 0.1, recency: 0.02, importance: 0.03, decay: 0.15, expand: 0, speaker: 0.3, when: 0.15, diversity: 0, feedback: 0 };

/** Retrieval options. */
export interface SearchOptions {
  k?: number;
  now?: number;
  weights?: Partial<RankWeights>;
  tiers?: readonly MemoryRecord['tier'][];
  includeArchived?: boolean;
  includeSensitive?: boolean;
  /** Only records that mention one of these entity ids. */
  entityIds?: readonly string[];
  /** Only records whose dates overlap [start, end] (ISO days). */
  dateRange?: { start: string; end: string };
  /** Only records this persona may see (`visibleToPersona`); unset = no persona filter. */
  personaId?: string;
  /** How many top BM25 and top dense hits are ranked in full (default max(300, 5·k)). */
  candidatePool?: number;
}

/** What retrieval needs from a space. */
export interface SearchTarget {
  readonly records: Map<string, MemoryRecord>;
  readonly bm25: Bm25Index;
  readonly vectors: VectorIndex | null;
  readonly entities: EntityRegistry;
  readonly sequence: readonly string[];
  readonly positionOf: Map<string, number>;
  readonly speakers: Set<string>;
}

const DAY_MS = 86_400_000;
/** How many of the best hits pull their neighbouring turns into the candidates. */
const EXPAND_FROM = 30;
/** Questions that ask for a time: "when …", "what year/date/month/day …", "how long ago …". */
const WHEN_QUESTION = /\b(when|what (?:year|date|month|day|time)|which (?:year|month|day)|how long ago)\b/i;

function overlaps(record: MemoryRecord, start: string, end: string): boolean {
  if (record.tier === 'episodic' && record.when.start <= end && record.when.end >= start) return true;
  for (const r of record.dates) if (r.start <= end && r.end >= start) return true;
  return false;
}

/** Indices of the n largest values among the first length entries, largest first (min-heap, O(length·log n)). */
export function topIndices(values: Float32Array, length: number, n: number): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number) => values[heap[a]] < values[heap[b]];
  const swap = (a: number, b: number) => ([heap[a], heap[b]] = [heap[b], heap[a]]);
  for (let i = 0; i < length; i++) {
    if (heap.length < n) {
      heap.push(i);
      for (let c = heap.length - 1; c > 0 && less(c, (c - 1) >> 1); c = (c - 1) >> 1) swap(c, (c - 1) >> 1);
    } else if (values[i] > values[heap[0]]) {
      heap[0] = i;
      for (let p = 0; ; ) {
        const l = 2 * p + 1, r = l + 1;
        let m = p;
        if (l < heap.length && less(l, m)) m = l;
        if (r < heap.length && less(r, m)) m = r;
        if (m === p) break;
        swap(p, m);
        p = m;
      }
    }
  }
  return heap.sort((a, b) => values[b] - values[a]);
}

/** Entity ids and speaker names a query refers to. */
export function queryEntities(target: SearchTarget, query: string): { ids: Set<string>; speakers: Set<string> } {
  const ids = new Set<string>();
  const speakers = new Set<string>();
  const lower = query.toLowerCase();
  for (const e of target.entities.entities.values()) {
    if (e.name && new RegExp(`\\b${e.name.toLowerCase().split(' ')[0]}\\b`).test(lower)) ids.add(e.id);
    if (e.relation && new RegExp(`\\bmy ${e.relation}\\b`).test(lower)) ids.add(e.id);
  }
  for (const s of target.speakers) if (new RegExp(`\\b${s.toLowerCase()}\\b`).test(lower)) speakers.add(s);
  return { ids, speakers };
}

/** Hybrid ranking: BM25 + dense cosine + entity/time match + neighbour context, scaled by recency, importance and decay. */
export function searchSpace(target: SearchTarget, query: string, queryEmbedding: Float32Array | null, options: SearchOptions & { now: number }): ScoredMemory[] {
  const w = { ...DEFAULT_WEIGHTS, ...options.weights };
  const k = options.k ?? 10;
  const now = options.now;
  // A deeper result list needs a deeper candidate pool; the app's k ≤ 10 keeps the 300 its latency was measured with.
  const pool = options.candidatePool ?? Math.max(300, 5 * k);
  const filterEntities = options.entityIds ? new Set(options.entityIds) : null;
  const allowedRecord = (record: MemoryRecord): boolean => {
    if (record.archived && !options.includeArchived) return false;
    if (record.sensitive && options.includeSensitive === false) return false;
    if (options.tiers && !options.tiers.includes(record.tier)) return false;
    if (filterEntities && !record.entities.some((e) => filterEntities.has(e))) return false;
    if (options.dateRange && !overlaps(record, options.dateRange.start, options.dateRange.end)) return false;
    if (options.personaId !== undefined && !visibleToPersona(record, options.personaId)) return false;
    return true;
  };
  const allowed = (id: string): boolean => {
    const record = target.records.get(id);
    return !!record && allowedRecord(record);
  };
  // Restrictive filters run inside the top-k selection (asked only about rows that would enter the
  // list); the default ones (archived, missing) are rare and are dropped afterwards in consider().
  const restrictive = !!(options.tiers || filterEntities || options.dateRange || options.includeSensitive === false || options.personaId !== undefined);
  const accept = restrictive ? allowed : undefined;
  const bm25Hits = target.bm25.top(query, pool, accept);
  const bm25 = new Map<string, number>();
  for (let i = 0; i < bm25Hits.ids.length; i++) bm25.set(bm25Hits.ids[i], bm25Hits.scores[i]);
  const maxBm25 = bm25Hits.max;
  const dense = new Map<string, number>();
  if (queryEmbedding && target.vectors && target.vectors.size) {
    const hits = target.vectors.top(queryEmbedding, pool, { accept });
    const mean = hits.mean;
    const max = hits.scores.length ? hits.scores[0] : 0;
    const spread = max - mean || 1;
    for (let i = 0; i < hits.ids.length; i++) if (hits.scores[i] > mean) dense.set(hits.ids[i], (hits.scores[i] - mean) / spread);
  }
  const { ids: wantedEntities, speakers: wantedSpeakers } = queryEntities(target, query);
  const timeMentions = normalizeTimes(query, new Date(now));
  const asksWhen = w.when > 0 && WHEN_QUESTION.test(query);

  const base = new Map<string, ScoredMemory>();
  const consider = (id: string, inherited = 0) => {
    if (base.has(id)) return;
    const record = target.records.get(id);
    if (!record || !allowedRecord(record)) return;
    const bm25Part = maxBm25 ? (bm25.get(id) ?? 0) / maxBm25 : 0;
    const densePart = dense.get(id) ?? 0;
    const spokenByNamed = wantedSpeakers.has(record.provenance.speaker);
    const entityHit = record.entities.some((e) => wantedEntities.has(e)) || spokenByNamed ? 1 : 0;
    const timeHit = timeMentions.some((t) => overlaps(record, t.start, t.end)) ? 1 : 0;
    const ageDays = Math.max(0, now - record.provenance.saidAt) / DAY_MS;
    const recency = Math.exp(-ageDays / 30);
    const decay = retention(record, now);
    const parts = { bm25: bm25Part, dense: densePart, entity: entityHit, time: timeHit, recency, importance: record.importance, decay };
    const relevance = w.bm25 * bm25Part + w.dense * densePart + (feedback.get(id) ?? 0) + inherited;
    const facets = w.entity * entityHit + w.time * timeHit + (spokenByNamed ? w.speaker : 0) + (asksWhen && record.dates.length ? w.when : 0);
    const score = relevance + (relevance > 0 ? facets : 0) + w.recency * recency + w.importance * record.importance;
    base.set(id, { record, score: score * (1 - w.decay + w.decay * decay), parts });
  };
  const feedback = new Map<string, number>();
  for (const id of bm25.keys()) consider(id);
  for (const id of dense.keys()) consider(id);
  if (!base.size && !query.trim()) for (const id of target.records.keys()) consider(id);

  const strongest = () => [...base.values()].sort((a, b) => b.score - a.score);
  if (w.feedback > 0 && base.size) {
    // Pseudo-relevance feedback: the words of the three best hits find records that share them
    // but not the query's words (the second hop of a multi-hop question).
    const expanded = `${query} ${strongest()
      .slice(0, 3)
      .map((s) => s.record.provenance.quote)
      .join(' ')}`;
    const hits = target.bm25.top(expanded, pool, accept);
    for (let i = 0; i < hits.ids.length; i++) feedback.set(hits.ids[i], (w.feedback * hits.scores[i]) / (hits.max || 1));
    const previous = [...base.keys()];
    base.clear();
    for (const id of previous) consider(id);
    for (const id of feedback.keys()) consider(id);
  }
  if (w.expand > 0) {
    // Context expansion: an answer often spans a question and its reply, so the turns around a
    // strong hit enter the candidates even when they share no words with the query.
    for (const parent of strongest().slice(0, EXPAND_FROM)) {
      const position = target.positionOf.get(parent.record.id);
      if (position === undefined) continue;
      for (const step of [-2, -1, 1, 2]) {
        const id = target.sequence[position + step];
        const near = id ? target.records.get(id) : undefined;
        if (!near || base.has(id) || near.provenance.sessionId !== parent.record.provenance.sessionId) continue;
        consider(id, (w.expand * parent.score) / 2 ** (Math.abs(step) - 1));
      }
    }
  }

  const sessionBest = new Map<string, number>();
  for (const scored of base.values()) {
    const sessionId = scored.record.provenance.sessionId;
    sessionBest.set(sessionId, Math.max(sessionBest.get(sessionId) ?? 0, scored.score));
  }
  const results: ScoredMemory[] = [];
  const baseScore = new Map<string, number>();
  for (const [id, scored] of base) baseScore.set(id, scored.score);
  for (const [id, scored] of base) {
    let score = scored.score;
    const position = target.positionOf.get(id);
    if (w.neighbour && position !== undefined) {
      let best = 0;
      for (const p of [position - 1, position + 1]) {
        const neighbourId = target.sequence[p];
        const neighbourScore = neighbourId ? baseScore.get(neighbourId) : undefined;
        if (neighbourScore !== undefined && base.get(neighbourId)?.record.provenance.sessionId === scored.record.provenance.sessionId) best = Math.max(best, neighbourScore);
      }
      score += w.neighbour * best;
    }
    score += w.session * (sessionBest.get(scored.record.provenance.sessionId) ?? 0);
    // The entries of base are this call's own objects: update in place instead of copying.
    scored.score = score;
    results.push(scored);
  }
  results.sort((a, b) => b.score - a.score);
  if (w.diversity > 0) {
    // Within one session the order stays; the n-th hit from a session is scaled by (1 − d)^n, which
    // equals a greedy pick that penalises repeats, so evidence from several sessions reaches the top.
    const seen = new Map<string, number>();
    for (const r of results) {
      const sessionId = r.record.provenance.sessionId;
      const n = seen.get(sessionId) ?? 0;
      seen.set(sessionId, n + 1);
      r.score *= (1 - w.diversity) ** n;
    }
    results.sort((a, b) => b.score - a.score);
  }
  return results.slice(0, k);
}
