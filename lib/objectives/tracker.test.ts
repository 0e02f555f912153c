import { describe, expect, test } from 'vitest';
import { OfflineBrain } from '../brain/offline-brain';
import type { BrainRequest, ChatMessage } from '../brain/types';
import { assemblePrompt } from '../brain/prompt';
import { DEMO_PERSONAS } from '../persona/personas';
import { DEMO_OBJECTIVES } from './catalog';
import { ObjectiveBrain } from './steering';
import { ObjectiveTracker, stillDone } from './tracker';

const walter = DEMO_PERSONAS.find((p) => p.id === 'friend')!;

function memoryStorage() {
  const map = new Map<string, string>();
  return { map, storage: { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) } };
}

/** Plays a conversation through ObjectiveBrain(OfflineBrain): returns the companion's replies. */
async function converse(brain: ObjectiveBrain, userTurns: string[], history: ChatMessage[] = []): Promise<string[]> {
  const replies: string[] = [];
  for (const userText of userTurns) {
    let text = '';
    const request: BrainRequest = { persona: walter, history: [...history], userText, now: new Date() };
    for await (const c of brain.generate(request, new AbortController().signal)) if (c.type === 'token') text += c.text;
    history.push({ role: 'user', content: userText }, { role: 'assistant', content: text.trim() });
    replies.push(text.trim());
  }
  return replies;
}

describe('objectives', () => {
  test('every demo persona has ordered objectives with valid patterns; Walter and Maya have the ones asked for', () => {
    for (const persona of DEMO_PERSONAS) {
      expect(persona.objectives?.length).toBeGreaterThanOrEqual(2);
      for (const o of persona.objectives!) {
        expect(() => new RegExp(o.askedPattern)).not.toThrow();
        expect(new RegExp(o.askedPattern, 'i').test(o.question)).toBe(true);
      }
    }
    expect(DEMO_OBJECTIVES.friend.map((o) => o.id)).toEqual(['sleep', 'medication', 'memory']);
    expect(DEMO_OBJECTIVES.coach.map((o) => o.id)).toEqual(['weekly-goal', 'first-step']);
  });

  test('the built-in brain steers after a few turns, the answer completes it, and the next one follows', async () => {
    const { storage } = memoryStorage();
    const tracker = new ObjectiveTracker('friend', walter.objectives!, storage);
    const brain = new ObjectiveBrain(new OfflineBrain(0), tracker);
    const history: ChatMessage[] = [];
    const asked = await converse(brain, ['Hello Walter', 'I had some soup for lunch', 'The garden looks nice today'], history);
    expect(tracker.progress()[0].status).toBe('asked'); // shown as soon as the question was said
    const replies = [...asked, ...(await converse(brain, ['I slept quite well, thank you', 'I watched the birds', 'Yes, I took them with breakfast'], history))];
    expect(replies[0]).not.toMatch(/sleep/);
    expect(replies[1]).not.toMatch(/sleep/);
    expect(replies[2]).toContain('How did you sleep last night?');
    expect(replies[4]).toContain('Have you taken your medication today?');
    expect(tracker.progress().map((p) => p.status)).toEqual(['done', 'done', 'open']);
    expect(tracker.progress()[0].evidence).toBe('I slept quite well, thank you');
  });

  test('no steering on an emotional turn; a non-answer does not complete it', async () => {
    const tracker = new ObjectiveTracker('friend', walter.objectives!, undefined);
    const brain = new ObjectiveBrain(new OfflineBrain(0), tracker);
    const history: ChatMessage[] = [];
    await converse(brain, ['Hello Walter', 'Nice weather'], history);
    const [sad] = await converse(brain, ['I feel so lonely and sad today'], history);
    expect(sad).not.toContain('sleep');
    // Asked, but the user answers something else → asked, not done.
    tracker.observe(99, 'How did you sleep last night?', 'Let us talk about football');
    expect(tracker.progress()[0].status).toBe('asked');
    tracker.observe(100, 'Have you taken your medication today?', 'No, I forgot');
    expect(tracker.progress()[1].status).toBe('asked');
  });

  test('a repeated observation of the same turn (speculative reply redone) counts once', () => {
    const tracker = new ObjectiveTracker('friend', walter.objectives!, undefined);
    tracker.observe(0, undefined, 'hi');
    tracker.observe(0, undefined, 'hi');
    tracker.observe(2, 'nice', 'ok');
    expect(tracker.next()).toBeNull();
    tracker.observe(4, 'really', 'yes');
    expect(tracker.next()?.id).toBe('sleep');
  });

  test('progress persists across calls with its date, renews daily, and can be reset', () => {
    const { storage, map } = memoryStorage();
    let now = new Date(2026, 10, 25, 10, 0).getTime();
    const first = new ObjectiveTracker('friend', walter.objectives!, storage, () => now);
    first.observe(0, 'How did you sleep last night?', 'Like a log');
    expect(first.progress()[0].status).toBe('asked'); // "like a log" is not an answer the rules know
    first.observe(2, 'How did you sleep last night?', 'I slept badly');
    expect(first.progress()[0]).toMatchObject({ status: 'done', doneAt: now });
    const second = new ObjectiveTracker('friend', walter.objectives!, storage, () => now);
    expect(second.progress()[0].status).toBe('done');
    now += 86_400_000; // the next day the daily check-in is open again
    expect(new ObjectiveTracker('friend', walter.objectives!, storage, () => now).progress()[0].status).toBe('open');
    second.reset();
    expect(JSON.parse(map.get('kin.objectives.v1.friend')!)).toEqual({});
    expect(stillDone(walter.objectives![2], now - 3 * 86_400_000, now)).toBe(true); // weekly
  });

  test('corrupt saved progress is moved aside, not lost', () => {
    const { storage, map } = memoryStorage();
    map.set('kin.objectives.v1.friend', '[broken');
    expect(new ObjectiveTracker('friend', walter.objectives!, storage).progress().every((p) => p.status === 'open')).toBe(true);
    expect(map.get('kin.objectives.v1.friend.corrupt')).toBe('[broken');
  });

  test('LLM prompts carry the open objective as a gentle goal', () => {
    const messages = assemblePrompt({ persona: walter, history: [], userText: 'hi', now: new Date(), objective: { title: 'Ask how they slept', question: 'How did you sleep last night?' } });
    expect(messages[0].content).toContain('never force it): Ask how they slept. You could ask: “How did you sleep last night?”');
  });
});
