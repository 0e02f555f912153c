import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { generateMemoryKey, keyFromPassphrase, openJson, sealJson } from './crypto';
import { MemoryDb, packRecord, unpackRecord } from './db';
import { MemoryImportError, serializeRecord } from './schema';
import { MemorySpace } from './space';
import type { MemoryRecord } from './types';

const MONDAY = Date.UTC(2023, 4, 8, 12);
let db: MemoryDb;

beforeEach(async () => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
  db = await MemoryDb.open('test');
});
afterEach(() => db.close());

function sampleRecords(): MemoryRecord[] {
  const space = new MemorySpace('u1', null, () => MONDAY);
  space.ingestTurn({ spaceId: 'u1', sessionId: 's1', turnId: 'D1:1', speaker: 'user', text: 'My sister Anna is visiting on Saturday.', at: new Date(MONDAY) });
  space.ingestTurn({ spaceId: 'u1', sessionId: 's2', turnId: 'D2:1', speaker: 'user', text: 'Please call me Sam.', at: new Date(MONDAY) });
  const records = [...space.records.values()];
  records[0].embedding = Float32Array.from([0.6, 0.8]);
  return records;
}

describe('MemoryDb', () => {
  test('round-trips every tier, embedding included', async () => {
    const records = sampleRecords();
    expect(new Set(records.map((r) => r.tier))).toEqual(new Set(['episodic', 'semantic', 'procedural']));
    await db.putMany(records);
    const back = await db.all();
    expect(back.map(serializeRecord).sort((a, b) => a.id.localeCompare(b.id))).toEqual(records.map(serializeRecord).sort((a, b) => a.id.localeCompare(b.id)));
    expect((await db.get(records[0].id))?.embedding).toEqual(Float32Array.from([0.6, 0.8]));
  });

  test('text and embeddings are encrypted at rest', async () => {
    await db.putMany(sampleRecords());
    const raw = await db.rawAll();
    expect(raw.length).toBeGreaterThan(0);
    for (const row of raw) {
      const bytes = new TextDecoder().decode(new Uint8Array(row.data));
      expect(bytes).not.toContain('Anna');
      expect(bytes).not.toContain('Sam');
      expect(JSON.stringify(row)).not.toContain('Anna');
    }
  });

  test('the key persists in IndexedDB and is not extractable', async () => {
    await db.putMany(sampleRecords());
    db.close();
    db = await MemoryDb.open('test');
    expect((await db.all()).length).toBeGreaterThan(0);
    const key = await generateMemoryKey();
    expect(key.extractable).toBe(false);
    await expect(globalThis.crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  test('a wrong key cannot read, and tampering is detected', async () => {
    const sealed = await sealJson(await generateMemoryKey(), { secret: 'Anna' });
    await expect(openJson(await generateMemoryKey(), sealed)).rejects.toThrow();
    const key = await generateMemoryKey();
    const good = await sealJson(key, { secret: 'Anna' });
    const tampered = new Uint8Array(good.data.slice(0));
    tampered[0] ^= 1;
    await expect(openJson(key, { iv: good.iv, data: tampered.buffer })).rejects.toThrow();
    expect(await openJson(key, good)).toEqual({ secret: 'Anna' });
  });

  test('a passphrase key decrypts only with the same passphrase and salt', async () => {
    const salt = new Uint8Array(16).fill(7);
    const sealed = await sealJson(await keyFromPassphrase('correct horse', salt, 1000), [1, 2]);
    expect(await openJson(await keyFromPassphrase('correct horse', salt, 1000), sealed)).toEqual([1, 2]);
    await expect(openJson(await keyFromPassphrase('wrong', salt, 1000), sealed)).rejects.toThrow();
  });

  test('delete, deleteSession and clear really remove the rows', async () => {
    const records = sampleRecords();
    await db.putMany(records);
    await db.delete(records[0].id);
    expect(await db.get(records[0].id)).toBeUndefined();
    expect((await db.rawAll()).some((r) => r.id === records[0].id)).toBe(false);
    const s2 = records.filter((r) => r.provenance.sessionId === 's2').length;
    expect(await db.deleteSession('s2')).toBe(s2);
    expect((await db.all()).some((r) => r.provenance.sessionId === 's2')).toBe(false);
    await db.clear();
    expect(await db.rawAll()).toEqual([]);
  });

  test('embeddings are stored as binary Float32, not JSON text', async () => {
    const records = sampleRecords();
    const vector = Float32Array.from({ length: 512 }, (_, i) => Math.sin(i) * 0.9);
    records[0].embedding = vector;
    await db.putMany(records);
    const row = (await db.rawAll()).find((r) => r.id === records[0].id);
    expect(row?.format).toBe(2);
    // 512 floats as JSON text are ~10 KB; as Float32 bytes 2 KB plus the record.
    const jsonBytes = new TextEncoder().encode(JSON.stringify(serializeRecord(records[0]))).length;
    expect(row?.data.byteLength).toBeLessThan(jsonBytes - 5_000);
    expect((await db.get(records[0].id))?.embedding).toEqual(vector);
  });

  test.each([[null], [[0.25, -1, 3.5e-8]], [[1, 2, 3, 4, 5, 6, 7]]])('pack/unpack round-trips embedding %j at any JSON length', (embedding) => {
    for (const text of ['a', 'ab', 'abc', 'abcd']) {
      const record = { ...sampleRecords()[1], text, embedding: embedding ? Float32Array.from(embedding) : null } as MemoryRecord;
      const back = unpackRecord(packRecord(record).slice());
      expect(serializeRecord(back)).toEqual(serializeRecord(record));
    }
  });

  test('old rows (embedding as JSON text) are read and rewritten in the binary format', async () => {
    const records = sampleRecords();
    const raw = await openDB('kin-memory-test');
    const key = (await raw.get('keys', 'main')) as CryptoKey;
    for (const record of records) {
      const sealed = await sealJson(key, serializeRecord(record));
      await raw.put('records', { id: record.id, spaceId: record.provenance.spaceId, sessionId: record.provenance.sessionId, tier: record.tier, updatedAt: record.updatedAt, iv: sealed.iv, data: sealed.data });
    }
    raw.close();
    expect((await db.rawAll()).every((r) => r.format === undefined)).toBe(true);
    const back = await db.all();
    expect(back.map(serializeRecord).sort((a, b) => a.id.localeCompare(b.id))).toEqual(records.map(serializeRecord).sort((a, b) => a.id.localeCompare(b.id)));
    const rows = await db.rawAll();
    expect(rows.every((r) => r.format === 2)).toBe(true);
    expect((await db.get(records[0].id))?.embedding).toEqual(Float32Array.from([0.6, 0.8]));
  });

  test('export then import into a fresh profile gives the same records', async () => {
    const records = sampleRecords();
    await db.putMany(records);
    const file = JSON.parse(JSON.stringify(await db.exportJson()));
    const other = await MemoryDb.open('other');
    expect(await other.importJson(file)).toBe(records.length);
    expect((await other.all()).map((r) => r.text).sort()).toEqual(records.map((r) => r.text).sort());
    other.close();
  });
});

describe('import validation', () => {
  const good = () => ({ format: 'kin-memory', version: 1, exportedAt: '2023-05-08T00:00:00Z', records: sampleRecords().map(serializeRecord) });
  const mutate = (f: (file: ReturnType<typeof good>) => void) => {
    const file = JSON.parse(JSON.stringify(good()));
    f(file);
    return file;
  };
  test.each([
    ['not an object', () => 'hello', '$'],
    ['wrong format', () => mutate((f) => (f.format = 'other')), '$.format'],
    ['future version', () => mutate((f) => (f.version = 2 as 1)), '$.version'],
    ['bad tier', () => mutate((f) => ((f.records[0] as { tier: string }).tier = 'evil')), '$.records[0].tier'],
    ['importance out of range', () => mutate((f) => (f.records[0].importance = 5)), '$.records[0].importance'],
    ['huge text', () => mutate((f) => (f.records[0].text = 'x'.repeat(20_000))), '$.records[0].text'],
    ['script-like id', () => mutate((f) => (f.records[0].id = '<img onerror=x>')), '$.records[0].id'],
    ['prototype pollution', () => JSON.parse(JSON.stringify(good()).replace('"tier":', '"__proto__":{"x":1},"tier":')), '$.records[0].__proto__'],
    ['duplicate ids', () => mutate((f) => (f.records[1].id = f.records[0].id)), '$.records'],
    ['bad date', () => mutate((f) => (f.records[0].dates = [{ start: 'yesterday', end: '2023-01-01', phrase: '' }])), '$.records[0].dates[0].start'],
  ])('%s → clear error, nothing changed', async (_name, makeFile, path) => {
    const existing = sampleRecords();
    await db.putMany(existing.slice(0, 1));
    const before = await db.rawAll();
    const error = await db.importJson(makeFile()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MemoryImportError);
    expect((error as MemoryImportError).path).toBe(path);
    expect((error as Error).message).toContain('Nothing was changed');
    expect(await db.rawAll()).toEqual(before);
  });
});
