import { describe, expect, test } from 'vitest';
import { consolidateRepeats, summarizeSessions } from './consolidate';
import { ARCHIVE_THRESHOLD, applyDecay, recordAccess, retention, stabilityDays } from './decay';
import { createHashEmbedder } from './embedder';
import { sensitiveKinds } from './sensitive';
import { MemorySpace } from './space';
import type { ProceduralMemory, SemanticMemory, TurnInput } from './types';

const DAY = 86_400_000;
const MONDAY = Date.UTC(2023, 4, 8, 12);

function turn(text: string, overrides: Partial<TurnInput> = {}): TurnInput {
  return { spaceId: 'u1', sessionId: 's1', turnId: `t${Math.random().toString(36).slice(2, 6)}`, speaker: 'user', text, at: new Date(MONDAY), ...overrides };
}

function semantic(space: MemorySpace): SemanticMemory[] {
  return [...space.records.values()].filter((r): r is SemanticMemory => r.tier === 'semantic');
}

describe('write path', () => {
  test('an episode carries resolved people, an absolute date, provenance and the quote', () => {
    const space = new MemorySpace('u1', null, () => MONDAY);
    space.ingestTurn(turn('My sister Anna is visiting on Saturday.', { turnId: 'D1:1' }));
    const [episode] = space.ingestTurn(turn('She is bringing her new puppy!', { turnId: 'D1:2' }));
    expect(episode.tier).toBe('episodic');
    if (episode.tier !== 'episodic') return;
    expect(episode.who).toEqual(['Anna (sister)']);
    expect(episode.text).toContain('She [Anna (sister)]');
    expect(episode.provenance).toMatchObject({ turnIds: ['D1:2'], quote: 'She is bringing her new puppy!', sessionId: 's1' });
    const first = [...space.records.values()].find((r) => r.provenance.turnIds[0] === 'D1:1' && r.tier === 'episodic');
    expect(first?.tier === 'episodic' && first.when).toMatchObject({ start: '2023-05-13', end: '2023-05-13' });
  });

  test('a relation becomes one semantic fact; saying it again confirms instead of duplicating', () => {
    const space = new MemorySpace('u1', null, () => MONDAY);
    space.ingestTurn(turn('My sister Anna is visiting.'));
    space.ingestTurn(turn('Anna is my sister, she is great.', { at: new Date(MONDAY + DAY) }));
    const facts = semantic(space).filter((f) => f.subject === 'Anna');
    expect(facts).toHaveLength(1);
    expect(facts[0].value).toBe('sister');
    expect(facts[0].support).toHaveLength(1);
    expect(facts[0].confidence).toBeGreaterThan(0.6);
    expect(facts[0].lastConfirmed).toBe(MONDAY + DAY);
  });

  test('a contradiction replaces the value and keeps the old one in history', () => {
    const space = new MemorySpace('u1', null, () => MONDAY);
    space.ingestTurn(turn('I work as a nurse.'));
    space.ingestTurn(turn('I work as a teacher now.', { at: new Date(MONDAY + 30 * DAY) }));
    const jobs = semantic(space).filter((f) => f.predicate === 'works as');
    expect(jobs).toHaveLength(1);
    expect(jobs[0].value).toBe('teacher now');
    expect(jobs[0].history.map((h) => h.value)).toEqual(['nurse']);
    expect(jobs[0].history[0].until).toBe(MONDAY + 30 * DAY);
  });

  test.each([
    ['Please call me Sam.', 'name', 'Sam'],
    ['I prefer short answers in the morning.', 'reply-length:morning', 'short'],
    ["Please don't talk about my ex.", 'avoid:my ex', 'my ex'],
    ['A breathing exercise helps before exams.', 'helps:breathing exercise', 'breathing exercise — before exams'],
  ])('procedural: %s', (text, rule, value) => {
    const space = new MemorySpace('u1', null, () => MONDAY);
    space.ingestTurn(turn(text));
    const rules = [...space.records.values()].filter((r): r is ProceduralMemory => r.tier === 'procedural');
    expect(rules.map((r) => [r.rule, r.value])).toContainEqual([rule, value]);
  });

  test('a changed preference keeps history', () => {
    const space = new MemorySpace('u1', null, () => MONDAY);
    space.ingestTurn(turn('Call me Sam.'));
    space.ingestTurn(turn('Actually, call me Samantha.'));
    const names = [...space.records.values()].filter((r): r is ProceduralMemory => r.tier === 'procedural' && r.rule === 'name');
    expect(names).toHaveLength(1);
    expect(names[0].value).toBe('Samantha');
    expect(names[0].history.map((h) => h.value)).toEqual(['Sam']);
  });

  test.each([
    ['I was diagnosed with anxiety last year.', ['health']],
    ['We are deep in credit card debt.', ['money']],
    ['I came out to my parents as gay.', ['sexuality-gender']],
    ['I had a lovely walk in the park.', []],
  ])('sensitive tags: %s', (text, kinds) => {
    expect(sensitiveKinds(text)).toEqual(kinds);
    const space = new MemorySpace('u1', null, () => MONDAY);
    const [episode] = space.ingestTurn(turn(text));
    expect(episode.sensitive).toBe(kinds.length > 0);
  });

  test('paused memory writes nothing', () => {
    const space = new MemorySpace('u1', null, () => MONDAY);
    space.paused = true;
    expect(space.ingestTurn(turn('My sister Anna is visiting.'))).toEqual([]);
    expect(space.records.size).toBe(0);
  });
});

describe('retrieval', () => {
  async function seeded() {
    const space = new MemorySpace('u1', createHashEmbedder(), () => MONDAY + 7 * DAY);
    space.ingestTurn(turn('My sister Anna is visiting on Saturday.', { turnId: 'a' }));
    space.ingestTurn(turn('I baked a chocolate cake for the party.', { turnId: 'b', sessionId: 's2', at: new Date(MONDAY + DAY) }));
    space.ingestTurn(turn('Work was stressful, my boss yelled at me.', { turnId: 'c', sessionId: 's3', at: new Date(MONDAY + 2 * DAY) }));
    await space.flushEmbeddings();
    return space;
  }
  test('finds the record by words and returns provenance and score parts', async () => {
    const space = await seeded();
    const query = 'what cake did I bake';
    const [top] = space.search(query, (await createHashEmbedder().embed([query]))[0]);
    expect(top.record.provenance.turnIds).toEqual(['b']);
    expect(top.parts.bm25).toBe(1);
    expect(top.score).toBeGreaterThan(0);
  });
  test('entity filter keeps only records about that person', async () => {
    const space = await seeded();
    const anna = space.entities.byName('Anna');
    const results = space.search('visiting', null, { entityIds: [anna?.id ?? 'none'] });
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.record.entities.includes(anna?.id ?? ''))).toBe(true);
  });
  test('date filter: "Saturday the 13th" finds the visit', async () => {
    const space = await seeded();
    const results = space.search('visiting', null, { dateRange: { start: '2023-05-13', end: '2023-05-13' }, tiers: ['episodic'] });
    expect(results.map((r) => r.record.provenance.turnIds[0])).toEqual(['a']);
  });
  test('deleting removes a record from the map, BM25 and vectors', async () => {
    const space = await seeded();
    const target = space.search('chocolate cake', null)[0].record;
    expect(space.delete(target.id)).toBe(true);
    expect(space.records.has(target.id)).toBe(false);
    expect(space.bm25.contains(target.id)).toBe(false);
    expect(space.vectors?.has(target.id)).toBe(false);
    expect(space.search('chocolate cake', null).some((r) => r.record.id === target.id)).toBe(false);
  });
  test('forgetSession removes only that session', async () => {
    const space = await seeded();
    const before = space.records.size;
    const removed = space.forgetSession('s2');
    expect(removed).toBeGreaterThan(0);
    expect(space.records.size).toBe(before - removed);
    expect([...space.records.values()].some((r) => r.provenance.sessionId === 's2')).toBe(false);
  });
  test('archived records are not returned unless asked for', async () => {
    const space = await seeded();
    const target = space.search('chocolate cake', null)[0].record;
    target.archived = true;
    expect(space.search('chocolate cake', null).some((r) => r.record.id === target.id)).toBe(false);
    expect(space.search('chocolate cake', null, { includeArchived: true }).some((r) => r.record.id === target.id)).toBe(true);
  });
});

describe('decay', () => {
  const record = (importance: number, pinned = false) => ({ importance, pinned, accessHistory: [] as number[], createdAt: 0 });
  test.each([
    [0, 0, 7],
    [1, 0, 70],
    [0, 1, 12.6],
  ])('stability(importance %d, recalls %d) = %d days', (importance, recalls, days) => {
    expect(stabilityDays(importance, recalls)).toBeCloseTo(days, 5);
  });
  test('retention follows exp(-t/S) and important memories fade slower', () => {
    expect(retention(record(0), 7 * DAY)).toBeCloseTo(Math.exp(-1), 6);
    expect(retention(record(1), 7 * DAY)).toBeGreaterThan(retention(record(0), 7 * DAY));
  });
  test('pinned memories never fade', () => {
    expect(retention(record(0, true), 10_000 * DAY)).toBe(1);
  });
  test('faded memories are archived, not deleted; a recall brings one back and slows its decay', () => {
    const space = new MemorySpace('u1', null, () => MONDAY);
    const [episode] = space.ingestTurn(turn('I had toast.'));
    const [pinned] = space.ingestTurn(turn('Never forget: my sister Anna loves tulips.'));
    const later = MONDAY + 200 * DAY;
    const archived = applyDecay(space.records.values(), later);
    expect(archived).toContain(episode.id);
    expect(archived).not.toContain(pinned.id);
    expect(space.records.get(episode.id)?.archived).toBe(true);
    expect(episode.decayScore).toBeLessThan(ARCHIVE_THRESHOLD);
    recordAccess(episode, later);
    expect(episode.archived).toBe(false);
    expect(retention(episode, later + 14 * DAY)).toBeGreaterThan(Math.exp(-14 / stabilityDays(episode.importance, 0)));
  });
});

describe('consolidation', () => {
  test('an activity repeated across three sessions becomes one semantic fact', () => {
    const space = new MemorySpace('u1', null, () => MONDAY);
    ['s1', 's2', 's3'].forEach((sessionId, i) => space.ingestTurn(turn('I went running in the park this morning.', { sessionId, at: new Date(MONDAY + i * DAY) })));
    space.ingestTurn(turn('I bought a new lamp.', { sessionId: 's3' }));
    const facts = consolidateRepeats(space, MONDAY + 3 * DAY);
    expect(facts).toHaveLength(1);
    expect(facts[0].supportingEpisodes).toHaveLength(3);
    expect(facts[0].text).toContain('running in the park');
    // Running it again does not duplicate.
    expect(consolidateRepeats(space, MONDAY + 4 * DAY)).toHaveLength(0);
  });
  test('two sessions are not enough', () => {
    const space = new MemorySpace('u1', null, () => MONDAY);
    ['s1', 's2'].forEach((sessionId) => space.ingestTurn(turn('I went running in the park.', { sessionId })));
    expect(consolidateRepeats(space, MONDAY)).toHaveLength(0);
  });
  test('one summary per session, quoting its most important turns', () => {
    const space = new MemorySpace('u1', null, () => MONDAY);
    space.ingestTurn(turn('ok'));
    space.ingestTurn(turn('I have a job interview tomorrow and I am nervous.'));
    space.ingestTurn(turn('Cool.', { sessionId: 's2' }));
    const summaries = summarizeSessions(space, MONDAY, 1);
    expect(summaries).toHaveLength(2);
    expect(summaries.find((s) => s.provenance.sessionId === 's1')?.what).toContain('job interview');
  });
});
