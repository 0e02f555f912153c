import type { Embedder } from '../memory/embedder';
import type { KnowledgeDb, StoredChunk } from './db';
import { buildChunks, parseDocument, searchableText, sectionLabel, type IncomingFile } from './ingest';
import type { PdfJsLike } from './parse-pdf';
import { KnowledgeIndex } from './search-index';
import { KnowledgeError, type KnowledgeDoc, type KnowledgeHit } from './types';

/** Progress of one indexing job: stage and 0..1. */
export type IndexProgress = (stage: 'reading' | 'embedding' | 'saving', fraction: number) => void;

interface ChunkMeta {
  docId: string;
  section: string;
  text: string;
}

interface PersonaIndex {
  index: KnowledgeIndex;
  meta: Map<string, ChunkMeta>;
  titles: Map<string, string>;
}

const EMBED_BATCH = 16;
const KEYWORD_ONLY_DIM = 32;

/** A short random id part (crypto where available). */
function randomId(): string {
  const bytes = new Uint8Array(6);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Per-persona knowledge: ingest (parse → chunk → embed → store), list, preview, re-index, delete
 * and hybrid search. Indexes load lazily from IndexedDB the first time a persona is searched.
 * Runs in the knowledge worker; in Node for tests and benches.
 */
export class KnowledgeService {
  private readonly personas = new Map<string, Promise<PersonaIndex>>();

  constructor(
    private readonly db: KnowledgeDb,
    private readonly embedder: Embedder | null,
    private readonly loadPdf: () => Promise<PdfJsLike>,
  ) {}

  /** Embedding model id, or null when search is keyword-only. */
  get embedderId(): string | null {
    return this.embedder?.id ?? null;
  }

  private async embedAll(texts: readonly string[], onProgress?: IndexProgress): Promise<(Float32Array | null)[]> {
    if (!this.embedder) return texts.map(() => null);
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += EMBED_BATCH) {
      try {
        out.push(...(await this.embedder.embed(texts.slice(i, i + EMBED_BATCH))));
      } catch (error) {
        throw new KnowledgeError('knowledge:model', `The embedding model failed: ${String(error)}`, { cause: error });
      }
      onProgress?.('embedding', Math.min(1, (i + EMBED_BATCH) / texts.length));
    }
    return out;
  }

  private persona(personaId: string): Promise<PersonaIndex> {
    let loading = this.personas.get(personaId);
    if (!loading) {
      loading = (async () => {
        const [docs, chunks] = await Promise.all([this.db.listDocs(personaId), this.db.chunksOfPersona(personaId)]);
        const state: PersonaIndex = { index: new KnowledgeIndex(this.embedder?.dim ?? KEYWORD_ONLY_DIM, chunks.length + 64), meta: new Map(), titles: new Map(docs.map((d) => [d.id, d.title])) };
        for (const chunk of chunks) this.addToIndex(state, chunk);
        return state;
      })();
      this.personas.set(personaId, loading);
      loading.catch(() => this.personas.delete(personaId));
    }
    return loading;
  }

  private addToIndex(state: PersonaIndex, chunk: StoredChunk): void {
    const title = state.titles.get(chunk.docId) ?? '';
    // Vectors from another model (or none) are left out; the document should be re-indexed.
    const vector = chunk.embedding && chunk.embedding.length === state.index.dim ? chunk.embedding : null;
    state.index.add(chunk.id, searchableText(title, chunk), vector);
    state.meta.set(chunk.id, { docId: chunk.docId, section: sectionLabel(chunk.section), text: chunk.text });
  }

  private async dropFromIndex(personaId: string, docId: string): Promise<void> {
    const state = await this.persona(personaId);
    for (const [chunkId, meta] of state.meta) {
      if (meta.docId !== docId) continue;
      state.index.remove(chunkId);
      state.meta.delete(chunkId);
    }
    state.titles.delete(docId);
  }

  /**
   * Adds (or, with `docId`, replaces) a document. On any error nothing is stored and the persona's
   * existing documents are untouched.
   */
  async addFile(personaId: string, file: IncomingFile, options: { origin?: KnowledgeDoc['origin']; docId?: string; onProgress?: IndexProgress } = {}): Promise<KnowledgeDoc> {
    const { onProgress } = options;
    onProgress?.('reading', 0);
    const parsed = await parseDocument(file, this.loadPdf, (f) => onProgress?.('reading', f));
    const docId = options.docId ?? `${personaId}:${randomId()}`;
    const chunks = buildChunks(parsed, docId, personaId);
    const vectors = await this.embedAll(chunks.map((c) => searchableText(parsed.title, c)), onProgress);
    const doc: KnowledgeDoc = {
      id: docId,
      personaId,
      title: parsed.title,
      fileName: file.name,
      format: parsed.format,
      bytes: file.bytes.byteLength,
      chunks: chunks.length,
      addedAt: Date.now(),
      origin: options.origin ?? 'user',
      embedder: this.embedder?.id ?? null,
    };
    onProgress?.('saving', 0);
    const stored: StoredChunk[] = chunks.map((c, i) => ({ ...c, embedding: vectors[i] }));
    await this.db.putDocument(doc, stored, { name: file.name, mime: file.mime ?? '', bytes: file.bytes });
    await this.dropFromIndex(personaId, docId);
    const state = await this.persona(personaId);
    state.titles.set(docId, doc.title);
    for (const chunk of stored) this.addToIndex(state, chunk);
    onProgress?.('saving', 1);
    return doc;
  }

  /** Parses and embeds a stored document again from its original file. */
  async reindex(docId: string, onProgress?: IndexProgress): Promise<KnowledgeDoc> {
    const [doc, source] = await Promise.all([this.db.getDoc(docId), this.db.getSource(docId)]);
    if (!doc || !source) throw new KnowledgeError('knowledge:storage', 'That document is no longer stored.');
    return this.addFile(doc.personaId, { name: source.name, mime: source.mime, bytes: source.bytes }, { origin: doc.origin, docId, onProgress });
  }

  async remove(docId: string): Promise<void> {
    const doc = await this.db.getDoc(docId);
    await this.db.deleteDocument(docId);
    if (doc) await this.dropFromIndex(doc.personaId, docId);
  }

  async list(personaId: string): Promise<KnowledgeDoc[]> {
    return (await this.db.listDocs(personaId)).sort((a, b) => a.addedAt - b.addedAt);
  }

  async hasDoc(docId: string): Promise<boolean> {
    return (await this.db.getDoc(docId)) !== undefined;
  }

  /** A document and its chunks in order, for the preview. */
  async preview(docId: string): Promise<{ doc: KnowledgeDoc; chunks: { id: string; section: string; text: string }[] } | null> {
    const doc = await this.db.getDoc(docId);
    if (!doc) return null;
    const chunks = await this.db.chunksOfDoc(docId);
    return { doc, chunks: chunks.map((c) => ({ id: c.id, section: sectionLabel(c.section), text: c.text })) };
  }

  /** Embeds the query (timed apart) and runs the hybrid search over one persona's chunks. */
  async search(personaId: string, query: string, k: number): Promise<{ hits: KnowledgeHit[]; searchMs: number; embedMs: number }> {
    const state = await this.persona(personaId);
    if (!query.trim() || state.index.size === 0) return { hits: [], searchMs: 0, embedMs: 0 };
    const embedStart = performance.now();
    let vector: Float32Array | null = null;
    if (this.embedder) {
      try {
        [vector] = await this.embedder.embed([query]);
      } catch {
        vector = null; // keyword-only for this query rather than no answer
      }
    }
    const searchStart = performance.now();
    const rows = state.index.search(query, vector, k);
    const searchMs = performance.now() - searchStart;
    const hits = rows.map((r) => {
      const chunkId = state.index.idAt(r.row);
      const meta = state.meta.get(chunkId) as ChunkMeta;
      return { chunkId, docId: meta.docId, title: state.titles.get(meta.docId) ?? '', section: meta.section, text: meta.text, score: r.score };
    });
    return { hits, searchMs, embedMs: searchStart - embedStart };
  }
}
