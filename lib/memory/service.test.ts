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

describe('MemoryService.prefetch', () => {
  /** A hash embedder that counts texts and can be held until released. */
  function countingEmbedder() {
    const inner = createHashEmbedder();
    const texts: string[] = [];
    let gate: Promise<void> = Promise.resolve();
    let open: () => void = () => {};
    return {
      texts,
      hold() {
        gate = new Promise((resolve) => (open = resolve));
      },
      release: () => open(),
      embedder: { ...inner, embed: async (batch: readonly string[]) => (texts.push(...batch), await gate, inner.embed(batch)) },
    };
  }

  test('the final search reuses the vector of the partial transcript (no second embedding)', async () => {
    const counting = countingEmbedder();
    const s = await MemoryService.open('pf1', counting.embedder, () => MONDAY);
    await s.ingest({ spaceId: 'pf1', sessionId: 's', turnId: '1', speaker: 'user', text: 'My sister Anna is visiting on Saturday.', at: new Date(MONDAY) });
    counting.texts.length = 0;
    expect(await s.prefetch('is my sister Anna')).toBeGreaterThanOrEqual(0);
    const { hits, embedMs } = await s.search('Is my sister, Anna, coming?', 3);
    expect(counting.texts).toEqual(['is my sister Anna']);
    expect(embedMs).toBe(0);
    expect(hits[0].quote).toContain('Anna');
    s.dispose();
  });

  test('a different final text is embedded itself; the newest partial wins while one is running', async () => {
    const counting = countingEmbedder();
    const s = await MemoryService.open('pf2', counting.embedder, () => MONDAY);
    counting.hold();
    const first = s.prefetch('what did I');
    const second = s.prefetch('what did I do last');
    const third = s.prefetch('what did I do last weekend');
    counting.release();
    await Promise.all([first, second, third]);
    expect(counting.texts).toEqual(['what did I', 'what did I do last weekend']);
    expect(await second).toBe(0);
    const { embedMs } = await s.search('tell me about the dog', 3);
    expect(counting.texts.at(-1)).toBe('tell me about the dog');
    expect(embedMs).toBeGreaterThanOrEqual(0);
    s.dispose();
  });

  test('a failing prefetch leaves search working', async () => {
    const inner = createHashEmbedder();
    let fail = false;
    const embedder = { ...inner, embed: async (batch: readonly string[]) => { if (fail) throw new Error('model crashed'); return inner.embed(batch); } };
    const s = await MemoryService.open('pf3', embedder, () => MONDAY);
    fail = true;
    expect(await s.prefetch('where is Anna going')).toBe(0);
    fail = false;
    await expect(s.search('where is Anna going', 3)).resolves.toMatchObject({ hits: [] });
    s.dispose();
  });
});

describe('MemoryService.update (edit in the ledger)', () => {
  test('search finds the edited text and not the old one, after a reopen too; the old text is kept as an edit', async () => {
    let now = MONDAY;
    const s = await MemoryService.open('ed1', createHashEmbedder(), () => now);
    const ids = await s.ingest({ spaceId: 'ed1', sessionId: 'call-1', turnId: 'u1', speaker: 'user', text: 'My sister Anna is visiting on Saturday.', at: new Date(now) });
    await s.ingest({ spaceId: 'ed1', sessionId: 'call-1', turnId: 'u2', speaker: 'user', text: 'I had pasta for dinner.', at: new Date(now) });
    const id = ids[0];
    const before = s.list().find((r) => r.id === id);
    expect((await s.search('visiting Saturday', 3)).hits[0].id).toBe(id);
    now += 1000;
    expect(await s.update(id, 'My sister Anna is coming for the harpsichord concert on Sunday.')).toBe(true);
    const edited = s.list().find((r) => r.id === id);
    expect(edited?.text).toBe('My sister Anna is coming for the harpsichord concert on Sunday.');
    expect(edited?.edits).toEqual([{ at: now, previousText: before?.text }]);
    expect(edited?.provenance).toEqual(before?.provenance);
    expect(edited?.updatedAt).toBe(now);
    expect((await s.search('harpsichord concert', 3)).hits[0]?.id).toBe(id);
    expect((await s.search('visiting Saturday', 10)).hits.some((h) => h.id === id)).toBe(false);
    s.dispose();
    const reopened = await MemoryService.open('ed1', createHashEmbedder(), () => now);
    const persisted = reopened.list().find((r) => r.id === id);
    expect(persisted?.text).toContain('harpsichord');
    expect(persisted?.edits?.length).toBe(1);
    expect((await reopened.search('harpsichord concert', 3)).hits[0]?.id).toBe(id);
    expect((await reopened.search('visiting Saturday', 10)).hits.some((h) => h.id === id)).toBe(false);
    // An export with the edit history imports again (the optional field passes validation).
    const json = await reopened.exportJson();
    await reopened.forgetAll();
    expect(await reopened.importJson(json)).toBeGreaterThan(0);
    expect(reopened.list().find((r) => r.id === id)?.edits?.[0].previousText).toBe(before?.text);
    reopened.dispose();
  });

  test('empty text is refused and changes nothing; an unknown id reports false', async () => {
    const s = await MemoryService.open('ed2', null, () => MONDAY);
    const [id] = await s.ingest({ spaceId: 'ed2', sessionId: 's', turnId: '1', speaker: 'user', text: 'I love sushi.', at: new Date(MONDAY) });
    const before = s.list();
    await expect(s.update(id, '   ')).rejects.toThrow(/cannot be empty/);
    await expect(s.update(id, 'x'.repeat(2_001))).rejects.toThrow(/at most/);
    expect(s.list()).toEqual(before);
    expect(await s.update('nope', 'text')).toBe(false);
    s.dispose();
  });
});
