import { describe, expect, test } from 'vitest';
import { contactLabel, escalationMailto, sendEscalationWebhook, validateContact } from './escalation';
import { appendEvent, markEscalated, MAX_EVENTS } from './events';
import { deployerContact } from './store';

const at = new Date('2026-11-25T14:00:00Z');

describe('escalation contact', () => {
  test.each([
    [{ kind: 'email', address: 'sam@example.org' }, null],
    [{ kind: 'email', address: 'not an email' }, /email address/],
    [{ kind: 'webhook', url: 'https://hooks.example.org/kin' }, null],
    [{ kind: 'webhook', url: 'http://hooks.example.org/kin' }, /https/],
    [{ kind: 'webhook', url: 'http://localhost:8080/x' }, null],
    [{ kind: 'webhook', url: 'nope' }, /web address/],
  ] as const)('%j', (contact, problem) => {
    const result = validateContact(contact);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toMatch(problem);
  });

  test('the mailto link carries a short message and no transcript', () => {
    const href = escalationMailto({ kind: 'email', address: 'sam@example.org' }, 'self-harm', at);
    expect(href.startsWith('mailto:sam%40example.org?subject=Kin%3A%20please%20check%20in&body=')).toBe(true);
    expect(decodeURIComponent(href)).toContain('2026-11-25 14:00 UTC');
    expect(contactLabel({ kind: 'webhook', url: 'https://hooks.example.org/kin' })).toBe('hooks.example.org');
    expect(contactLabel({ kind: 'email', address: 'a@b.co', name: 'Sam' })).toBe('Sam');
  });

  test('the webhook posts JSON and reports failures without throwing', async () => {
    const sent: { url: string; body: string }[] = [];
    const ok = (async (url: string, init: RequestInit) => { sent.push({ url, body: String(init.body) }); return new Response('', { status: 200 }); }) as unknown as typeof fetch;
    expect(await sendEscalationWebhook({ kind: 'webhook', url: 'https://h.example.org/x' }, 'abuse', at, ok)).toEqual({ ok: true });
    expect(JSON.parse(sent[0].body)).toMatchObject({ type: 'kin.crisis', category: 'abuse', at: at.toISOString() });
    const down = (async () => { throw new TypeError('network'); }) as unknown as typeof fetch;
    expect(await sendEscalationWebhook({ kind: 'webhook', url: 'https://h.example.org/x' }, 'abuse', at, down)).toMatchObject({ ok: false });
    const refused = (async () => new Response('', { status: 500 })) as unknown as typeof fetch;
    expect(await sendEscalationWebhook({ kind: 'webhook', url: 'https://h.example.org/x' }, 'abuse', at, refused)).toMatchObject({ ok: false, error: expect.stringContaining('500') });
  });

  test('the deployer contact comes from env and must be valid', () => {
    expect(deployerContact({ NEXT_PUBLIC_KIN_ESCALATION_EMAIL: 'care@example.org', NEXT_PUBLIC_KIN_ESCALATION_NAME: 'Care team' })).toEqual({ kind: 'email', address: 'care@example.org', name: 'Care team' });
    expect(deployerContact({ NEXT_PUBLIC_KIN_ESCALATION_WEBHOOK: 'http://insecure.example.org' })).toBeNull();
    expect(deployerContact({})).toBeNull();
  });
});

describe('safety event log', () => {
  test('keeps the newest events, with a short excerpt, and marks escalation', () => {
    let events = appendEvent([], { id: 'a', at: at.toISOString(), category: 'self-harm', confidence: 0.9, personaId: 'friend', text: 'x'.repeat(500) });
    expect(events[0].excerpt.length).toBe(120);
    for (let i = 0; i < MAX_EVENTS + 5; i++) events = appendEvent(events, { id: `e${i}`, at: at.toISOString(), category: 'abuse', confidence: 0.8, personaId: 'friend', text: 'hi' });
    expect(events).toHaveLength(MAX_EVENTS);
    expect(events.at(-1)?.id).toBe(`e${MAX_EVENTS + 4}`);
    expect(markEscalated(events, 'e10', 'email').find((e) => e.id === 'e10')?.escalated).toBe('email');
  });
});
