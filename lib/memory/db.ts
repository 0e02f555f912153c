import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { generateMemoryKey, openBytes, openJson, sealBytes } from './crypto';
import { deserializeRecord, serializeRecord, validateExport, type MemoryExport, type SerializedRecord } from './schema';
import type { MemoryRecord } from './types';

/** A record at rest: ids and session in clear (for indexes and deletion), everything else sealed. */
interface StoredRecord {
  id: string;
  spaceId: string;
  sessionId: string;
  tier: MemoryRecord['tier'];
  updatedAt: number;
  iv: Uint8Array;
  data: ArrayBuffer;
  /**
   * Payload layout. Absent (version 1): `data` is the JSON record with the embedding as a number
   * array. 2: `data` is [u32 JSON length][JSON without the embedding][padding to 4][Float32 bytes].
   */
  format?: 2;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A record as bytes: JSON (embedding left out) followed by the embedding as raw Float32 (4× smaller than JSON text, no parsing). */
export function packRecord(record: MemoryRecord): Uint8Array {
  const json = encoder.encode(JSON.stringify(serializeRecord({ ...record, embedding: null } as MemoryRecord)));
  const vectorAt = (4 + json.length + 3) & ~3;
  const vector = record.embedding;
  const bytes = new Uint8Array(vectorAt + (vector ? vector.length * 4 : 0));
  new DataView(bytes.buffer).setUint32(0, json.length, true);
  bytes.set(json, 4);
  if (vector) new Float32Array(bytes.buffer, vectorAt, vector.length).set(vector);
  return bytes;
}

/** Inverse of packRecord. */
export function unpackRecord(bytes: Uint8Array): MemoryRecord {
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  const record = deserializeRecord(JSON.parse(decoder.decode(bytes.subarray(4, 4 + jsonLength))) as SerializedRecord);
  const vectorAt = (4 + jsonLength + 3) & ~3;
  const vectorBytes = bytes.byteLength - vectorAt;
  if (vectorBytes > 0) {
    // Copy into a fresh, aligned buffer (the decrypted buffer's offset may not be a multiple of 4).
    record.embedding = new Float32Array(bytes.slice(vectorAt).buffer, 0, vectorBytes / 4);
  }
  return record;
}

interface MemoryDbSchema extends DBSchema {
  records: { key: string; value: StoredRecord; indexes: { bySession: string; bySpace: string } };
  keys: { key: string; value: CryptoKey };
}

/** One IndexedDB database per profile: records sealed with AES-GCM under a non-extractable key. */
export class MemoryDb {
  private constructor(private readonly db: IDBPDatabase<MemoryDbSchema>, private readonly key: CryptoKey) {}

  /** Opens (or creates) the profile's database and its key; pass a passphrase-derived key to use that instead. */
  static async open(profileId: string, options: { key?: CryptoKey; factory?: IDBFactory } = {}): Promise<MemoryDb> {
    const name = `kin-memory-${profileId}`;
    const open = () =>
      openDB<MemoryDbSchema>(name, 1, {
        upgrade(db) {
          const records = db.createObjectStore('records', { keyPath: 'id' });
          records.createIndex('bySession', 'sessionId');
          records.createIndex('bySpace', 'spaceId');
          db.createObjectStore('keys');
        },
      });
    const db = await open();
    let key = options.key ?? (await db.get('keys', 'main'));
    if (!key) {
      key = await generateMemoryKey();
      await db.put('keys', key, 'main');
    }
    return new MemoryDb(db, key);
  }

  close(): void {
    this.db.close();
  }

  private async seal(record: MemoryRecord): Promise<StoredRecord> {
    const sealed = await sealBytes(this.key, packRecord(record));
    return { id: record.id, spaceId: record.provenance.spaceId, sessionId: record.provenance.sessionId, tier: record.tier, updatedAt: record.updatedAt, iv: sealed.iv, data: sealed.data, format: 2 };
  }

  private async unseal(stored: StoredRecord): Promise<MemoryRecord> {
    if (stored.format === 2) return unpackRecord(await openBytes(this.key, stored));
    return deserializeRecord(await openJson<SerializedRecord>(this.key, stored));
  }

  /** Writes records in one transaction (all or nothing). */
  async putMany(records: readonly MemoryRecord[]): Promise<void> {
    const sealed = await Promise.all(records.map((r) => this.seal(r)));
    const tx = this.db.transaction('records', 'readwrite');
    await Promise.all([...sealed.map((s) => tx.store.put(s)), tx.done]);
  }

  /** Reads one record, or undefined. */
  async get(id: string): Promise<MemoryRecord | undefined> {
    const stored = await this.db.get('records', id);
    return stored ? this.unseal(stored) : undefined;
  }

  /** Reads every record (decrypted); rows still in the old JSON-embedding format are rewritten in the binary one. */
  async all(): Promise<MemoryRecord[]> {
    const stored = await this.db.getAll('records');
    const records = await Promise.all(stored.map((s) => this.unseal(s)));
    const legacy = records.filter((_, i) => stored[i].format !== 2);
    if (legacy.length) await this.putMany(legacy);
    return records;
  }

  /** The raw stored rows (for tests and storage-size reports). */
  rawAll(): Promise<StoredRecord[]> {
    return this.db.getAll('records');
  }

  /** Deletes one record. */
  async delete(id: string): Promise<void> {
    await this.db.delete('records', id);
  }

  /** Deletes every record from one session; returns how many. */
  async deleteSession(sessionId: string): Promise<number> {
    const tx = this.db.transaction('records', 'readwrite');
    const keys = await tx.store.index('bySession').getAllKeys(sessionId);
    await Promise.all([...keys.map((k) => tx.store.delete(k)), tx.done]);
    return keys.length;
  }

  /** Deletes every record (the key stays, so new memories stay encrypted). */
  async clear(): Promise<void> {
    await this.db.clear('records');
  }

  /** Everything, decrypted, as a JSON export object. */
  async exportJson(now = new Date()): Promise<MemoryExport> {
    return { format: 'kin-memory', version: 1, exportedAt: now.toISOString(), records: (await this.all()).map(serializeRecord) };
  }

  /** Validates a parsed export and writes it in one transaction; a bad file throws MemoryImportError and changes nothing. */
  async importJson(value: unknown): Promise<number> {
    const file = validateExport(value);
    await this.putMany(file.records.map(deserializeRecord));
    return file.records.length;
  }
}
