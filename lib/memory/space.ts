import { Bm25Index } from './bm25';
import { EntityRegistry } from './coref';
import { applyDecay, recordAccess } from './decay';
import type { Embedder } from './embedder';
import { describeEvent, extractCandidates, feelingOf, importanceOf } from './extract';
import { factKey, mergeCandidate } from './merge';
import { searchSpace, type SearchOptions } from './retrieve';
import { sensitiveKinds } from './sensitive';
import { isoDay, normalizeTimes } from './time';
import type { EpisodicMemory, MemoryRecord, Provenance, ScoredMemory, TurnInput } from './types';
import { VectorIndex } from './vector-index';

let counter = 0;
/** A unique record id (time-ordered, collision-safe within a process). */
export function newMemoryId(prefix: string): string {
  counter = (counter + 1) % 1_000_000;
  return `${prefix}-${Date.now().toString(36)}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
}

/** Text that BM25 and the embedder see for a record. */
export function indexTextOf(record: MemoryRecord, labelOf: (id: string) => string = (id) => id): string {
  const names = record.entities.map(labelOf).join(' ');
  if (record.tier === 'episodic') return `${record.provenance.speaker}: ${record.what} ${names}`.trim();
  return `${record.text} ${names}`.trim();
}

/**
 * One memory space (a user profile, or one LoCoMo conversation): records, entity registry,
 * BM25 and vector indexes, the write path and retrieval. Pure in-memory; persistence is db.ts.
 */
export class MemorySpace {
  readonly records = new Map<string, MemoryRecord>();
  readonly factsByKey = new Map<string, Set<string>>();
  readonly entities = new EntityRegistry();
  readonly bm25 = new Bm25Index();
  vectors: VectorIndex | null = null;
  /** Episodic ids in the order they were said (for neighbour context). */
  readonly sequence: string[] = [];
  readonly positionOf = new Map<string, number>();
  private pendingEmbeddings: string[] = [];
  /** Speakers seen (their names are not third-party entities). */
  readonly speakers = new Set<string>();
  paused = false;

  constructor(readonly id: string, readonly embedder: Embedder | null = null, private readonly clock: () => number = () => Date.now()) {
    if (embedder) this.vectors = new VectorIndex(embedder.dim);
  }

  /** The write path for one turn: coreference, time normalization, extraction, merge, sensitive tags. Returns the records written or updated. */
  ingestTurn(turn: TurnInput): MemoryRecord[] {
    if (this.paused) return [];
    this.speakers.add(turn.speaker);
    const text = turn.text.trim();
    if (!text) return [];
    const resolutions = this.entities.resolve(text, { speakerNames: [...this.speakers] });
    const times = normalizeTimes(text, turn.at);
    const label = (entityId: string) => this.entities.label(entityId);
    const now = this.clock();
    const saidAt = turn.at.getTime();
    const provenance: Provenance = { spaceId: this.id, sessionId: turn.sessionId, turnIds: [turn.turnId], quote: text.slice(0, 500), speaker: turn.speaker, saidAt, recordedAt: now, ...(turn.personaId ? { personaId: turn.personaId } : {}) };
    const fullText = turn.attachmentText ? `${text} [shared: ${turn.attachmentText}]` : text;
    const kinds = sensitiveKinds(fullText);
    const entityIds = [...new Set(resolutions.map((r) => r.entityId))];
    const importance = importanceOf(text, entityIds.length, times.length);
    const day = isoDay(saidAt);
    const episode: EpisodicMemory = {
      id: newMemoryId('ep'),
      tier: 'episodic',
      text: describeEvent(text, resolutions, label, times),
      what: fullText,
      who: entityIds.map(label),
      where: /\b(?:at|in) the ([a-z]+(?: [a-z]+)?)\b/i.exec(text)?.[1] ?? null,
      when: times[0] ? { start: times[0].start, end: times[0].end, phrase: times[0].phrase } : { start: day, end: day, phrase: 'said' },
      feeling: feelingOf(text),
      provenance,
      support: [],
      importance,
      accessHistory: [],
      decayScore: 1,
      pinned: /\b(never forget|always remember)\b/i.test(text),
      sensitive: kinds.length > 0,
      sensitiveKinds: kinds,
      archived: false,
      entities: entityIds,
      dates: times.map((t) => ({ start: t.start, end: t.end, phrase: t.phrase })),
      embedding: null,
      embeddingModel: null,
      createdAt: saidAt,
      updatedAt: now,
    };
    const written: MemoryRecord[] = [this.put(episode)];
    this.positionOf.set(episode.id, this.sequence.length);
    this.sequence.push(episode.id);
    for (const candidate of extractCandidates(text, resolutions, label)) {
      const record = mergeCandidate(this, candidate, provenance, episode, kinds);
      if (record) written.push(this.put(record));
    }
    return written;
  }

  /** Adds or replaces a record and re-indexes it (embedding queued). */
  put(record: MemoryRecord): MemoryRecord {
    this.records.set(record.id, record);
    if (record.tier !== 'episodic') {
      const key = factKey(record);
      const ids = this.factsByKey.get(key) ?? new Set<string>();
      this.factsByKey.set(key, ids.add(record.id));
    }
    this.bm25.add(record.id, indexTextOf(record, (id) => this.entities.label(id)));
    if (this.embedder && (!record.embedding || record.embeddingModel !== this.embedder.id)) this.pendingEmbeddings.push(record.id);
    else if (record.embedding && this.vectors) this.vectors.set(record.id, record.embedding);
    return record;
  }

  /** Embeds every queued record in batches (run off the main thread in the app). */
  async flushEmbeddings(): Promise<number> {
    if (!this.embedder || !this.vectors) return 0;
    const ids = [...new Set(this.pendingEmbeddings)].filter((id) => this.records.has(id));
    this.pendingEmbeddings = [];
    const texts = ids.map((id) => this.embeddingTextOf(this.records.get(id) as MemoryRecord));
    const vectors = await this.embedder.embed(texts);
    ids.forEach((id, i) => {
      const record = this.records.get(id);
      if (!record) return;
      record.embedding = vectors[i];
      record.embeddingModel = this.embedder?.id ?? null;
      this.vectors?.set(id, vectors[i]);
    });
    return ids.length;
  }

  /** What the embedder sees: an episode with the turn before it, so replies keep their topic. */
  embeddingTextOf(record: MemoryRecord): string {
    if (record.tier !== 'episodic') return record.text;
    const position = this.positionOf.get(record.id);
    const previous = position ? this.records.get(this.sequence[position - 1]) : undefined;
    const context = previous && previous.provenance.sessionId === record.provenance.sessionId ? `${previous.provenance.quote.slice(0, 200)} ` : '';
    return `${context}${record.provenance.speaker}: ${record.what}`;
  }

  /** The space's clock (ms since epoch). */
  now(): number {
    return this.clock();
  }

  /** Hybrid retrieval: scored records with provenance, best first. */
  search(query: string, queryEmbedding: Float32Array | null, options: SearchOptions = {}): ScoredMemory[] {
    return searchSpace(this, query, queryEmbedding, { now: this.clock(), ...options });
  }

  /** Marks records as used in a reply (strengthens them on the forgetting curve). */
  markUsed(ids: readonly string[]): void {
    const now = this.clock();
    for (const id of ids) {
      const record = this.records.get(id);
      if (record) recordAccess(record, now);
    }
  }

  /** Recomputes decay for all records; returns ids newly archived. */
  decay(): string[] {
    return applyDecay(this.records.values(), this.clock());
  }

  /**
   * The user's correction of a memory's text: the old text goes into `edits` (provenance and the
   * original quote stay), and BM25 and the vector index are rebuilt for the record (its embedding
   * is queued again, so the caller flushes embeddings). Returns the record, or null if unknown.
   */
  updateText(id: string, text: string): MemoryRecord | null {
    const record = this.records.get(id);
    const clean = text.trim();
    if (!record || !clean) return null;
    if (clean === record.text) return record;
    const now = this.clock();
    record.edits = [...(record.edits ?? []), { at: now, previousText: record.text }];
    record.text = clean;
    // Episodes are indexed and embedded by what happened; an edit replaces that too.
    if (record.tier === 'episodic') record.what = clean;
    record.updatedAt = now;
    record.embedding = null;
    record.embeddingModel = null;
    this.vectors?.delete(id);
    return this.put(record);
  }

  /** Deletes a record from the map and every index. */
  delete(id: string): boolean {
    const record = this.records.get(id);
    if (record && record.tier !== 'episodic') this.factsByKey.get(factKey(record))?.delete(id);
    const existed = this.records.delete(id);
    this.bm25.remove(id);
    this.vectors?.delete(id);
    const position = this.positionOf.get(id);
    if (position !== undefined) {
      this.sequence[position] = '';
      this.positionOf.delete(id);
    }
    return existed;
  }

  /** Deletes every record that came from one session; returns how many. */
  forgetSession(sessionId: string): number {
    const ids = [...this.records.values()].filter((r) => r.provenance.sessionId === sessionId).map((r) => r.id);
    ids.forEach((id) => this.delete(id));
    for (const record of this.records.values()) record.support = record.support.filter((p) => p.sessionId !== sessionId);
    return ids.length;
  }

  /** Deletes everything in this space. */
  forgetAll(): void {
    for (const id of [...this.records.keys()]) this.delete(id);
    this.sequence.length = 0;
    this.entities.entities.clear();
  }
}
