import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { KnowledgeError, type KnowledgeChunk, type KnowledgeDoc } from './types';

/** A chunk at rest, with its embedding (or null when it was indexed without the model). */
export interface StoredChunk extends KnowledgeChunk {
  embedding: Float32Array | null;
}

/** The original file, kept so a document can be re-indexed and previewed. */
interface StoredSource {
  docId: string;
  name: string;
  mime: string;
  bytes: Uint8Array;
}

interface KnowledgeDbSchema extends DBSchema {
  docs: { key: string; value: KnowledgeDoc; indexes: { byPersona: string } };
  chunks: { key: string; value: StoredChunk; indexes: { byDoc: string; byPersona: string } };
  sources: { key: string; value: StoredSource };
}

/** Database name; one database holds every persona's documents, keyed by persona. */
export const KNOWLEDGE_DB_NAME = 'kin-knowledge';

function storageError(error: unknown): KnowledgeError {
  const quota = error instanceof DOMException && error.name === 'QuotaExceededError';
  return new KnowledgeError('knowledge:storage', quota ? 'Device storage is full; the document was not saved.' : `The knowledge store could not be written: ${String(error)}`, { cause: error });
}

/** IndexedDB for knowledge documents, their chunks (with embeddings) and original files. */
export class KnowledgeDb {
  private constructor(private readonly db: IDBPDatabase<KnowledgeDbSchema>) {}

  static async open(options: { name?: string } = {}): Promise<KnowledgeDb> {
    const db = await openDB<KnowledgeDbSchema>(options.name ?? KNOWLEDGE_DB_NAME, 1, {
      upgrade(database) {
        database.createObjectStore('docs', { keyPath: 'id' }).createIndex('byPersona', 'personaId');
        const chunks = database.createObjectStore('chunks', { keyPath: 'id' });
        chunks.createIndex('byDoc', 'docId');
        chunks.createIndex('byPersona', 'personaId');
        database.createObjectStore('sources', { keyPath: 'docId' });
      },
    });
    return new KnowledgeDb(db);
  }

  close(): void {
    this.db.close();
  }

  /** Writes a document, its chunks and its source in one transaction (all or nothing), replacing old chunks. */
  async putDocument(doc: KnowledgeDoc, chunks: readonly StoredChunk[], source: { name: string; mime: string; bytes: Uint8Array }): Promise<void> {
    try {
      const tx = this.db.transaction(['docs', 'chunks', 'sources'], 'readwrite');
      const chunkStore = tx.objectStore('chunks');
      const oldKeys = await chunkStore.index('byDoc').getAllKeys(doc.id);
      await Promise.all([
        ...oldKeys.map((key) => chunkStore.delete(key)),
        tx.objectStore('docs').put(doc),
        ...chunks.map((c) => chunkStore.put(c)),
        tx.objectStore('sources').put({ docId: doc.id, ...source }),
        tx.done,
      ]);
    } catch (error) {
      throw storageError(error);
    }
  }

  async deleteDocument(docId: string): Promise<void> {
    const tx = this.db.transaction(['docs', 'chunks', 'sources'], 'readwrite');
    const chunkStore = tx.objectStore('chunks');
    const keys = await chunkStore.index('byDoc').getAllKeys(docId);
    await Promise.all([...keys.map((k) => chunkStore.delete(k)), tx.objectStore('docs').delete(docId), tx.objectStore('sources').delete(docId), tx.done]);
  }

  listDocs(personaId: string): Promise<KnowledgeDoc[]> {
    return this.db.getAllFromIndex('docs', 'byPersona', personaId);
  }

  getDoc(docId: string): Promise<KnowledgeDoc | undefined> {
    return this.db.get('docs', docId);
  }

  chunksOfPersona(personaId: string): Promise<StoredChunk[]> {
    return this.db.getAllFromIndex('chunks', 'byPersona', personaId);
  }

  async chunksOfDoc(docId: string): Promise<StoredChunk[]> {
    const chunks = await this.db.getAllFromIndex('chunks', 'byDoc', docId);
    return chunks.sort((a, b) => a.ordinal - b.ordinal);
  }

  getSource(docId: string): Promise<StoredSource | undefined> {
    return this.db.get('sources', docId);
  }
}
