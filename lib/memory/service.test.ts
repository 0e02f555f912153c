import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { createHashEmbedder } from './embedder';
import { MemoryImportError } from './schema';
import { MemoryService } from './service';

const DAY = 86_400_000;
const MONDAY = Date.UTC(2023, 4, 8, 12);
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('MemoryService', () => {
  test('a memory from one call is found in the next day’s call, and never again once deleted', async () => {
    let now = MONDAY;
    const first = await MemoryService.open('p1', createHashEmbedder(), () => now);
    await first.ingest({ spaceId: 'p1', sessionId: 'call-1', turnId: 'u1', speaker: 'user', text: 'My sister Anna is visiting on Saturday.', at: new Date(now) });
    first.dispose();
    now += DAY;
    const second = await MemoryService.open('p1', createHashEmbedder(), () => now);
    const { hits } = await second.search('Is Anna still coming to visit?', 3);
    expect(hits[0].quote).toBe('My sister Anna is visiting on Saturday.');
    expect(hits[0].text).toContain('2023-05-13');
    const episodeId = hits[0].id;
    await second.delete(episodeId);
    const after = await second.search('Is Anna still coming to visit?', 10);
    expect(after.hits.some((h) => h.id === episodeId)).toBe(false);
    second.dispose();
    const third = await MemoryService.open('p1', createHashEmbedder(), () => now);
    expect(third.list().some((r) => r.id === episodeId)).toBe(false);
    third.dispose();
  });

  test('profiles are separate databases', async () => {
    const a = await MemoryService.open('alice', null, () => MONDAY);
    await a.ingest({ spaceId: 'alice', sessionId: 's', turnId: '1', speaker: 'user', text: 'I love sushi.', at: new Date(MONDAY) });
    const b = await MemoryService.open('bob', null, () => MONDAY);
    expect(b.list()).toEqual([]);
    expect(a.list().length).toBeGreaterThan(0);
    a.dispose();
    b.dispose();
  });

  test('import of invalid JSON is rejected and changes nothing', async () => {
    const s = await MemoryService.open('p2', null, () => MONDAY);
    await s.ingest({ spaceId: 'p2', sessionId: 's', turnId: '1', speaker: 'user', text: 'I love sushi.', at: new Date(MONDAY) });
    const before = s.list();
    await expect(s.importJson('{not json')).rejects.toBeInstanceOf(MemoryImportError);
    expect(s.list()).toEqual(before);
    s.dispose();
  });
});
