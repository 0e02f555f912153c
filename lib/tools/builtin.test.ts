import { describe, expect, test } from 'vitest';
import { builtinTools, normaliseLink, type ToolDeps } from './builtin';
import { ReminderBook, parseWhen } from './reminders';

// Wednesday 25 November 2026, 14:00 local time.
const NOW = new Date(2026, 10, 25, 14, 0);
const yes = async () => true;

function setup(extra: Partial<ToolDeps> = {}) {
  const store = new Map<string, string>();
  const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
  const reminders = new ReminderBook(storage);
  const remembered: string[] = [];
  const memories = ['The user’s sister Anna visits on Saturday.', 'The user takes tablets at 8.'];
  const deps: ToolDeps = {
    reminders,
    memory: {
      remember: (fact) => void remembered.push(fact),
      forget: async (about) => memories.filter((m) => m.toLowerCase().includes(about.toLowerCase().split(' ').pop()!)),
      recall: async (query) => memories.filter((m) => m.toLowerCase().includes(query.toLowerCase())).map((text) => ({ text })),
    },
    ...extra,
  };
  return { registry: builtinTools(deps), reminders, remembered, storage };
}

describe('parseWhen', () => {
  test.each([
    ['5pm', new Date(2026, 10, 25, 17, 0)],
    ['at 5 pm', new Date(2026, 10, 25, 17, 0)],
    ['5:30 p.m.', new Date(2026, 10, 25, 17, 30)],
    ['at 17:00', new Date(2026, 10, 25, 17, 0)],
    ['at 9', new Date(2026, 10, 25, 21, 0)], // 9 am has passed: 9 pm today
    ['at 9am', new Date(2026, 10, 26, 9, 0)],
    ['tomorrow at 9', new Date(2026, 10, 26, 9, 0)],
    ['tomorrow', new Date(2026, 10, 26, 9, 0)],
    ['in 10 minutes', new Date(2026, 10, 25, 14, 10)],
    ['in an hour', new Date(2026, 10, 25, 15, 0)],
    ['in half an hour', new Date(2026, 10, 25, 14, 30)],
    ['tonight', new Date(2026, 10, 25, 20, 0)],
    ['at noon', new Date(2026, 10, 26, 12, 0)],
  ])('%s', (text, expected) => {
    expect(parseWhen(text, NOW)?.getTime()).toBe(expected.getTime());
  });

  test.each(['', 'whenever', 'at 25:00', 'someday soon'])('%j → null', (text) => {
    expect(parseWhen(text, NOW)).toBeNull();
  });
});

describe('built-in tools', () => {
  test('get_datetime says the local time and date', async () => {
    const outcome = await setup().registry.call('get_datetime', '{}', { now: NOW });
    expect(outcome).toMatchObject({ status: 'ok', say: 'It’s 2:00 pm on Wednesday, 25 November 2026.' });
  });

  test('set_reminder asks first, then stores the reminder (persisted) and it falls due', async () => {
    const { registry, reminders, storage } = setup();
    const cards: string[] = [];
    const outcome = await registry.call('set_reminder', { text: 'call Anna', when: '5 pm' }, { now: NOW, confirm: async (c) => { cards.push(`${c.title} ${c.detail}`); return true; } });
    expect(cards).toEqual(['Set a reminder? call Anna — today at 17:00']);
    expect(outcome.status).toBe('ok');
    expect(reminders.list().map((r) => [r.text, new Date(r.dueAt).getHours()])).toEqual([['call Anna', 17]]);
    expect(new ReminderBook(storage).list()).toHaveLength(1);
    expect(reminders.due(new Date(2026, 10, 25, 16, 59))).toHaveLength(0);
    const [due] = reminders.due(new Date(2026, 10, 25, 17, 0));
    reminders.markNotified(due.id, NOW);
    expect(reminders.due(new Date(2026, 10, 25, 17, 1))).toHaveLength(0);
  });

  test.each([
    [{ text: 'call Anna', when: 'whenever' }, 'can’t tell when'],
    [{ text: '', when: '5pm' }, 'empty'],
    [{ text: 'x', when: '2020-01-01T10:00:00Z' }, 'already passed'],
  ])('set_reminder refuses %j', async (args, reason) => {
    const { registry, reminders } = setup();
    let asked = false;
    const outcome = await registry.call('set_reminder', args, { now: NOW, confirm: async () => (asked = true) });
    expect(outcome.status).toBe('refused');
    expect(outcome.say).toContain(reason);
    expect(asked).toBe(false);
    expect(reminders.list()).toHaveLength(0);
  });

  test('cancelling a reminder stores nothing', async () => {
    const { registry, reminders } = setup();
    expect((await registry.call('set_reminder', { text: 'a', when: 'in 5 minutes' }, { now: NOW, confirm: async () => false })).status).toBe('cancelled');
    expect(reminders.list()).toHaveLength(0);
  });

  test('corrupt saved reminders are kept aside, not overwritten', () => {
    const store = new Map([['kin.reminders.v1', '{oops']]);
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(new ReminderBook(storage).list()).toEqual([]);
    expect(store.get('kin.reminders.v1.corrupt')).toBe('{oops');
  });

  test('remember, forget and recall go through memory', async () => {
    const { registry, remembered } = setup();
    expect(await registry.call('remember', { fact: 'I take my tablets at 8' }, { confirm: yes })).toMatchObject({ status: 'ok', say: 'Got it. I’ll remember that I take my tablets at 8.' });
    expect(remembered).toEqual(['I take my tablets at 8']);
    expect(await registry.call('forget', { about: 'Anna' }, { confirm: yes })).toMatchObject({ status: 'ok', result: { forgotten: ['The user’s sister Anna visits on Saturday.'] } });
    expect(await registry.call('recall_conversation', { query: 'tablets' })).toMatchObject({ status: 'ok', say: 'I remember this: The user takes tablets at 8.' });
    expect((await registry.call('recall_conversation', { query: 'boat' })).say).toBe('I don’t remember us talking about that.');
  });

  test('without memory (incognito), memory tools refuse', async () => {
    const { registry } = setup({ memory: undefined });
    expect(await registry.call('remember', { fact: 'x is y' }, { confirm: yes })).toMatchObject({ status: 'refused', reason: 'memory is turned off for this call' });
  });

  test('search_knowledge uses the injected search, or says the knowledge base is not available', async () => {
    expect(await setup().registry.call('search_knowledge', { query: 'opening hours' })).toMatchObject({ status: 'refused', reason: 'the knowledge base is not available yet' });
    const { registry } = setup({ searchKnowledge: async () => [{ title: 'Care guide', section: 'Visiting', text: 'Visits are from 2 to 5 pm.' }] });
    expect(await registry.call('search_knowledge', { query: 'visiting hours' })).toMatchObject({ status: 'ok', say: 'Here’s what I found. Visits are from 2 to 5 pm.', caption: 'knowledge: 1 passage (Care guide › Visiting)' });
  });

  test('a found passage is spoken as its first sentences only', async () => {
    const long = 'Heat the rooms you use most to at least 18 degrees. Close the curtains at dusk. ' + 'Draught excluders help a lot and are cheap to buy in most shops. '.repeat(4);
    const { registry } = setup({ searchKnowledge: async () => [{ title: 'Winter', text: long }] });
    const { say } = await registry.call('search_knowledge', { query: 'warm rooms' });
    expect(say).toMatch(/^Here’s what I found\. Heat the rooms you use most to at least 18 degrees\. Close the curtains at dusk\. Draught/);
    expect(say.endsWith('shops.')).toBe(true); // whole sentences only
    expect(say.length).toBeLessThanOrEqual('Here’s what I found. '.length + 160);
  });

  test('end_call asks, then ends', async () => {
    let ended = 0;
    const { registry } = setup({ endCall: () => ended++ });
    expect((await registry.call('end_call', {}, { confirm: async () => false })).status).toBe('cancelled');
    expect(ended).toBe(0);
    expect((await registry.call('end_call', {}, { confirm: yes })).status).toBe('ok');
    expect(ended).toBe(1);
  });

  test('open_link always asks, normalises the address, and refuses non-web links', async () => {
    const opened: string[] = [];
    const { registry } = setup({ openLink: (u) => opened.push(u) });
    const cards: string[] = [];
    expect(await registry.call('open_link', { url: 'bbc.co.uk' }, { confirm: async (c) => { cards.push(c.detail); return true; } })).toMatchObject({ status: 'ok', say: 'I’ve opened bbc.co.uk in a new tab.' });
    expect(cards).toEqual(['https://bbc.co.uk/']);
    expect(opened).toEqual(['https://bbc.co.uk/']);
    expect((await registry.call('open_link', { url: 'javascript:alert(1)' }, { confirm: yes })).status).toBe('refused');
    expect(opened).toHaveLength(1);
  });

  test.each([
    ['bbc.co.uk', 'https://bbc.co.uk/'],
    ['http://example.org/a?b=1', 'http://example.org/a?b=1'],
    ['file:///etc/passwd', null],
    ['not a link', null],
    ['localhost', null],
  ])('normaliseLink(%s)', (raw, href) => {
    expect(normaliseLink(raw)?.href ?? null).toBe(href);
  });
});
