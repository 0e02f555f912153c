import { describe, expect, test } from 'vitest';
import { DEMO_PERSONAS } from '../persona/personas';
import { classify, OfflineBrain, reflect } from './offline-brain';
import type { BrainRequest } from './types';

async function reply(request: Partial<BrainRequest> & { userText: string }, signal = new AbortController().signal) {
  const brain = new OfflineBrain(0);
  let text = '';
  for await (const chunk of brain.generate({ persona: DEMO_PERSONAS[0], history: [], now: new Date(), ...request }, signal)) {
    if (chunk.type === 'token') text += chunk.text;
  }
  return text;
}

describe('offline brain', () => {
  test.each([
    ['Hello there', 'greeting'],
    ['I feel so tired and stressed today', 'negative'],
    ['I got the job!', 'positive'],
    ['My name is Sam', 'name'],
    ['What should I do about it?', 'question'],
    ['Who are you?', 'about-you'],
    ['Thanks a lot', 'thanks'],
    ['Okay, bye for now', 'farewell'],
    ['I walked to the market this morning', 'statement'],
    // Relief is good news, though it names the worry.
    ['I finally finished the report I was worried about', 'positive'],
    ['I passed the exam I was so nervous about', 'positive'],
    ['I was worried about the report', 'negative'],
  ])('classifies %j as %s', (text, intent) => {
    expect(classify(text)).toBe(intent);
  });

  test('reflects first person to second person', () => {
    expect(reflect('I lost my keys.')).toBe('you lost your keys');
    // Verb agreement and object pronouns after the swap.
    expect(reflect('I finally finished the report I was worried about.')).toBe('you finally finished the report you were worried about');
    expect(reflect('You are kind to me')).toBe('I am kind to you');
    expect(reflect('I told you so')).toBe('you told me so');
    expect(reflect('I miss you')).toBe('you miss me');
    expect(reflect('Are you there?')).toBe('am I there');
  });

  test('greets in the persona’s name and remembers the user’s name within the call', async () => {
    expect(await reply({ userText: 'Hi!' })).toContain('I’m Maya');
    const later = await reply({
      userText: 'I feel a bit nervous',
      history: [{ role: 'user', content: 'call me Sam' }, { role: 'assistant', content: 'Hi Sam' }],
    });
    expect(later).toContain('Sam');
  });

  test('different personas answer in different styles', async () => {
    const coach = await reply({ userText: 'I had an awful day', persona: DEMO_PERSONAS[0] });
    const listener = await reply({ userText: 'I had an awful day', persona: DEMO_PERSONAS[2] });
    expect(coach).not.toEqual(listener);
    expect(listener).toContain('you had an awful day');
  });

  test('greets with a follow-up from memory, the date said relative to today', async () => {
    const memories = ["Anna is the user's sister", 'Prefers short answers', 'My sister Anna is visiting on Saturday [2026-11-28].'];
    const before = await reply({ userText: 'Good morning!', memories, now: new Date(2026, 10, 25, 9) });
    expect(before).toContain('good to see you again');
    expect(before).toMatch(/your sister Anna is visiting on Saturday\. (Are you looking forward to it|How are you feeling about it)\?/);
    const after = await reply({ userText: 'Good morning!', memories, now: new Date(2026, 11, 1, 9) });
    expect(after).toMatch(/your sister Anna was visiting last Saturday\. How did it go\?/);
  });

  test('stops streaming when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await reply({ userText: 'Hello' }, controller.signal)).toBe('');
  });
});
