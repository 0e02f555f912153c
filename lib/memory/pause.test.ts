import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import type { MemoryPort } from '../call/conversation';
import { pausableMemory } from './pause';
import { MemoryService } from './service';

const MONDAY = Date.UTC(2023, 4, 8, 12);
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** A port over a real MemoryService in Node, the way the worker serves the app (writes in order). */
function servicePort(service: MemoryService): MemoryPort & { pending: Promise<unknown> } {
  const port = {
    pending: Promise.resolve() as Promise<unknown>,
    recall: async (text: string) => (await service.search(text, 3)).hits.map((h) => ({ id: h.id, text: h.text, tier: h.tier })),
    remember(text: string, turnId: string) {
      port.pending = port.pending.then(() => service.ingest({ spaceId: 'p', sessionId: 'call-1', turnId, speaker: 'user', text, at: new Date(MONDAY) }));
    },
    markUsed: (ids: string[]) => void service.markUsed(ids),
    flush: async () => void (await port.pending),
  };
  return port;
}

describe('pausableMemory (incognito mid-call)', () => {
  test('turns said while paused are never stored; turns before and after are; recall keeps working', async () => {
    const service = await MemoryService.open('p', null, () => MONDAY);
    const workerPaused: boolean[] = [];
    const port = pausableMemory(servicePort(service), (p) => {
      workerPaused.push(p);
      service.space.paused = p;
    });
    port.remember('My sister Anna is visiting on Saturday.', 'u1');
    await port.flush();
    port.setPaused(true);
    expect(port.paused).toBe(true);
    port.remember('I am secretly applying for a job at the circus.', 'u2');
    expect((await port.recall('Anna visiting')).length).toBeGreaterThan(0);
    await port.flush();
    port.setPaused(false);
    port.remember('I adopted a dog called Biscuit.', 'u3');
    await port.flush();
    const quotes = service.list().map((r) => r.provenance.quote);
    expect(quotes).toContain('My sister Anna is visiting on Saturday.');
    expect(quotes).toContain('I adopted a dog called Biscuit.');
    expect(quotes.some((q) => q.includes('circus'))).toBe(false);
    expect(workerPaused).toEqual([false, true, false]);
    service.dispose();
  });

  test('use marks are dropped while paused; a call may start paused', async () => {
    const calls: string[] = [];
    const inner: MemoryPort = { recall: async () => [], remember: (t) => void calls.push(`remember:${t}`), markUsed: (ids) => void calls.push(`used:${ids.join()}`), flush: async () => {} };
    const changes: boolean[] = [];
    const port = pausableMemory(inner, (p) => changes.push(p), true);
    port.remember('hello there', 'u1');
    port.markUsed(['a']);
    port.setPaused(true);
    port.setPaused(false);
    port.markUsed(['b']);
    expect(calls).toEqual(['used:b']);
    expect(changes).toEqual([true, false]);
  });

  test('a write already queued in the worker when the user pauses is refused there too', async () => {
    const service = await MemoryService.open('q', null, () => MONDAY);
    const port = pausableMemory({ recall: async () => [], remember: () => {}, markUsed: () => {}, flush: async () => {} }, (p) => (service.space.paused = p));
    port.setPaused(true);
    expect(await service.ingest({ spaceId: 'q', sessionId: 's', turnId: 'u1', speaker: 'user', text: 'I love sushi.', at: new Date(MONDAY) })).toEqual([]);
    expect(service.list()).toEqual([]);
    service.dispose();
  });
});
