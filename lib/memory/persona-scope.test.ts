import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, test } from 'vitest';
import { createHashEmbedder } from './embedder';
import { matchesPersonaFilter, personasIn, visibleToPersona } from './persona-scope';
import { validateRecord } from './schema';
import { MemoryService } from './service';

const MONDAY = Date.UTC(2023, 4, 8, 12);
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const rec = (personaId: string | undefined, onlyFor?: string | null) => ({ onlyFor, provenance: personaId ? { personaId } : {} });

describe('persona scope filters', () => {
  test.each([
    [rec(undefined), 'mia', true],
    [rec('mia'), 'leo', true],
    [rec('mia', null), 'leo', true],
    [rec('mia', 'mia'), 'mia', true],
    [rec('mia', 'mia'), 'leo', false],
    [rec(undefined, 'leo'), 'mia', false],
    [rec(undefined, 'leo'), 'leo', true],
  ])('visibleToPersona(%j, %s) = %s', (record, persona, expected) => {
    expect(visibleToPersona(record, persona)).toBe(expected);
  });

  test.each([
    [rec('mia'), 'all', true],
    [rec('mia'), 'mia', true],
    [rec('mia'), 'leo', false],
    [rec('mia', 'leo'), 'leo', true],
    [rec(undefined), 'none', true],
    [rec('mia'), 'none', false],
    [rec(undefined, 'mia'), 'none', false],
  ])('matchesPersonaFilter(%j, %s) = %s', (record, filter, expected) => {
    expect(matchesPersonaFilter(record, filter)).toBe(expected);
  });

  test('personasIn lists sources and scopes once, sorted', () => {
    expect(personasIn([rec('mia'), rec('leo', 'mia'), rec(undefined, 'zoe'), rec(undefined)])).toEqual(['leo', 'mia', 'zoe']);
  });
});

describe('persona scope in the service', () => {
  test('records keep the persona they were said to; "only for" hides them from other personas’ recall, after a reopen too', async () => {
    const s = await MemoryService.open('ps', createHashEmbedder(), () => MONDAY);
    const [secret] = await s.ingest({ spaceId: 'ps', sessionId: 'c1', turnId: 'u1', speaker: 'user', text: 'My sister Anna is visiting on Saturday.', at: new Date(MONDAY), personaId: 'mia' });
    expect(s.list().find((r) => r.id === secret)?.provenance.personaId).toBe('mia');
    // All companions by default.
    expect((await s.search('Anna visiting Saturday', 5, 'leo')).hits.some((h) => h.id === secret)).toBe(true);
    expect(await s.setScope(secret, 'mia')).toBe(true);
    expect((await s.search('Anna visiting Saturday', 5, 'leo')).hits.some((h) => h.id === secret)).toBe(false);
    expect((await s.search('Anna visiting Saturday', 5, 'mia')).hits[0]?.id).toBe(secret);
    // Without a persona (tools, evals) nothing is filtered.
    expect((await s.search('Anna visiting Saturday', 5)).hits.some((h) => h.id === secret)).toBe(true);
    s.dispose();
    const reopened = await MemoryService.open('ps', createHashEmbedder(), () => MONDAY);
    expect(reopened.list().find((r) => r.id === secret)?.onlyFor).toBe('mia');
    expect((await reopened.search('Anna visiting Saturday', 5, 'leo')).hits.some((h) => h.id === secret)).toBe(false);
    expect(await reopened.setScope(secret, null)).toBe(true);
    expect((await reopened.search('Anna visiting Saturday', 5, 'leo')).hits.some((h) => h.id === secret)).toBe(true);
    expect(await reopened.setScope('missing', 'mia')).toBe(false);
    reopened.dispose();
  });

  test('import validates the optional scope fields and still accepts records without them', async () => {
    const s = await MemoryService.open('pv', null, () => MONDAY);
    await s.ingest({ spaceId: 'pv', sessionId: 'c1', turnId: 'u1', speaker: 'user', text: 'I love sushi.', at: new Date(MONDAY), personaId: 'mia' });
    const [record] = s.list();
    expect(validateRecord({ ...record, onlyFor: 'mia' }).onlyFor).toBe('mia');
    const { personaId: _drop, ...oldProvenance } = record.provenance;
    expect(validateRecord({ ...record, provenance: oldProvenance }).provenance.personaId).toBeUndefined();
    expect(() => validateRecord({ ...record, onlyFor: 42 })).toThrow(/onlyFor/);
    expect(() => validateRecord({ ...record, provenance: { ...record.provenance, personaId: ['x'] } })).toThrow(/personaId/);
    s.dispose();
  });
});
