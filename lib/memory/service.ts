import { MemoryDb } from './db';
import type { Embedder } from './embedder';
import type { MemoryHit } from './protocol';
import { serializeRecord, type SerializedRecord } from './schema';
import { MemorySpace } from './space';
import type { MemoryRecord, TurnInput } from './types';

/** Lower-case words only, so ASR punctuation and capitalisation changes still match. */
function normalizeForPrefetch(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * Glue between the in-memory space (indexes, write path, retrieval) and the encrypted database.
 * The memory worker owns one; everything here also runs in Node for tests.
 */
export class MemoryService {
  private cachedQuery: { text: string; vector: Float32Array } | null = null;
  private prefetchLatest: string | null = null;
  private prefetchRunning: Promise<void> | null = null;

  private constructor(readonly space: MemorySpace, private readonly db: MemoryDb, private readonly embedder: Embedder | null) {}

  /** Opens the profile's database and rebuilds the indexes from it. */
  static async open(profileId: string, embedder: Embedder | null, clock: () => number = () => Date.now()): Promise<MemoryService> {
    const db = await MemoryDb.open(profileId);
    const space = new MemorySpace(profileId, embedder, clock);
    const records = (await db.all()).sort((a, b) => a.provenance.saidAt - b.provenance.saidAt);
    for (const record of records) {
      space.put(record);
      if (record.tier === 'episodic') {
        space.positionOf.set(record.id, space.sequence.length);
        space.sequence.push(record.id);
      }
      space.speakers.add(record.provenance.speaker);
    }
    const service = new MemoryService(space, db, embedder);
    await service.persist(await service.embedPending());
    return service;
  }

  private async embedPending(): Promise<MemoryRecord[]> {
    const before = new Map([...this.space.records.values()].map((r) => [r.id, r.embedding]));
    await this.space.flushEmbeddings();
    return [...this.space.records.values()].filter((r) => r.embedding !== before.get(r.id));
  }

  private async persist(records: readonly MemoryRecord[]): Promise<void> {
    if (records.length) await this.db.putMany(records);
  }

  /** The write path for one turn, persisted; returns the ids written. */
  async ingest(turn: TurnInput): Promise<string[]> {
    const written = this.space.ingestTurn(turn);
    await this.embedPending();
    await this.persist(written);
    return written.map((r) => r.id);
  }

  /** Same as prefetch (kept for older callers). */
  prepareQuery(text: string): Promise<number> {
    return this.prefetch(text);
  }

  /**
   * Embeds the user's partial transcript while they are still speaking, so the search at the end
   * of the turn can skip the model. Call it with every new partial; the newest text wins: a call
   * that is overtaken while an embedding runs is dropped. Resolves with the embedding time in ms
   * (0 when skipped or already prepared).
   */
  async prefetch(partialText: string): Promise<number> {
    const text = partialText.trim();
    if (!this.embedder || text.length < 3) return 0;
    this.prefetchLatest = text;
    while (this.prefetchRunning) await this.prefetchRunning;
    if (this.prefetchLatest !== text || this.cachedQuery?.text === text) return 0;
    const embedder = this.embedder;
    const t0 = performance.now();
    this.prefetchRunning = embedder
      .embed([text])
      .then(([vector]) => {
        this.cachedQuery = { text, vector };
      })
      // A failed prefetch only means the search embeds the final text itself.
      .catch(() => undefined)
      .finally(() => {
        this.prefetchRunning = null;
      });
    await this.prefetchRunning;
    return this.cachedQuery?.text === text ? performance.now() - t0 : 0;
  }

  /** Whether a prepared vector stands for the final query: same words, at most a few more at the end. */
  private prefetchedVectorFor(query: string): Float32Array | null {
    if (!this.cachedQuery) return null;
    const prepared = normalizeForPrefetch(this.cachedQuery.text);
    const final = normalizeForPrefetch(query);
    return final.startsWith(prepared) && final.length - prepared.length <= 24 ? this.cachedQuery.vector : null;
  }

  /** Hybrid search; reuses the prefetched query vector when the final text still matches it (embedMs is then 0). */
  async search(query: string, k = 5, personaId?: string): Promise<{ hits: MemoryHit[]; searchMs: number; embedMs: number }> {
    let embedMs = 0;
    let vector: Float32Array | null = null;
    if (this.embedder) {
      while (this.prefetchRunning) await this.prefetchRunning;
      vector = this.prefetchedVectorFor(query);
      if (!vector) {
        const t0 = performance.now();
        [vector] = await this.embedder.embed([query]);
        this.cachedQuery = { text: query, vector };
        embedMs = performance.now() - t0;
      }
    }
    const t0 = performance.now();
    const results = this.space.search(query, vector, { k, includeSensitive: true, personaId });
    const searchMs = performance.now() - t0;
    const hits = results.map(({ record, score }) => ({ id: record.id, tier: record.tier, text: record.text, score, quote: record.provenance.quote, saidAt: record.provenance.saidAt, turnIds: record.provenance.turnIds }));
    return { hits, searchMs, embedMs };
  }

  /** Strengthens the memories a reply used, persisted. */
  async markUsed(ids: readonly string[]): Promise<void> {
    this.space.markUsed(ids);
    await this.persist(ids.map((id) => this.space.records.get(id)).filter((r): r is MemoryRecord => !!r));
  }

  /** Every record for the ledger (embeddings dropped). */
  list(): SerializedRecord[] {
    return [...this.space.records.values()].map((r) => ({ ...serializeRecord(r), embedding: null }));
  }

  /** Deletes a record from the database and every index. */
  async delete(id: string): Promise<boolean> {
    await this.db.delete(id);
    return this.space.delete(id);
  }

  /**
   * Replaces a memory's text (the user's edit in the ledger): re-indexed, re-embedded and persisted;
   * the old text is kept in `edits`. Throws on empty or overlong text; returns false for an unknown id.
   */
  async update(id: string, text: string): Promise<boolean> {
    const clean = text.trim();
    if (!clean) throw new Error('A memory cannot be empty; delete it instead.');
    if (clean.length > 2_000) throw new Error('A memory can be at most 2,000 characters.');
    const record = this.space.updateText(id, clean);
    if (!record) return false;
    await this.embedPending();
    await this.persist([record]);
    return true;
  }

  /** Persona scope: only `personaId` may recall the memory, or all companions (null). */
  async setScope(id: string, onlyFor: string | null): Promise<boolean> {
    const record = this.space.records.get(id);
    if (!record) return false;
    record.onlyFor = onlyFor;
    record.updatedAt = this.space.now();
    await this.persist([record]);
    return true;
  }

  /** Pins or unpins (pinned memories never fade). */
  async pin(id: string, pinned: boolean): Promise<void> {
    const record = this.space.records.get(id);
    if (!record) return;
    record.pinned = pinned;
    await this.persist([record]);
  }

  /** "Forget this conversation". */
  async forgetSession(sessionId: string): Promise<number> {
    await this.db.deleteSession(sessionId);
    const removed = this.space.forgetSession(sessionId);
    await this.persist([...this.space.records.values()]);
    return removed;
  }

  /** "Forget everything". */
  async forgetAll(): Promise<void> {
    await this.db.clear();
    this.space.forgetAll();
  }

  /** Export as a JSON string (decrypted: the user asked for it). */
  async exportJson(): Promise<string> {
    return JSON.stringify(await this.db.exportJson());
  }

  /** Validates and imports an export; a bad file throws MemoryImportError and changes nothing. */
  async importJson(json: string): Promise<number> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      const { MemoryImportError } = await import('./schema');
      throw new MemoryImportError('$', 'not valid JSON');
    }
    const count = await this.db.importJson(parsed);
    for (const record of await this.db.all()) if (!this.space.records.has(record.id)) this.space.put(record);
    await this.embedPending();
    return count;
  }

  dispose(): void {
    this.db.close();
  }
}
