import { describe, expect, test } from 'vitest';
import { DEMO_PERSONAS } from '../persona/personas';
import { assemblePrompt } from './prompt';
import type { ChatMessage } from './types';

const base = { persona: DEMO_PERSONAS[1], userText: 'Shall we talk about my garden?', now: new Date('2026-11-25T10:00:00Z') };

describe('assemblePrompt', () => {
  test('includes persona, mood, memories and the dialogue in order', () => {
    const history: ChatMessage[] = [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }];
    const messages = assemblePrompt({ ...base, history, affect: 'tired; speaking softly', memories: ['Anna is the user’s sister'] });
    expect(messages[0].role).toBe('system');
    expect(messages[0].content).toContain('You are Walter');
    expect(messages[0].content).toContain('tired; speaking softly');
    expect(messages[0].content).toContain('- <data source="memory">Anna is the user’s sister</data>');
    expect(messages[0].content).toContain('Wed Nov 25 2026');
    expect(messages.slice(1).map((m) => m.content)).toEqual(['Hi', 'Hello!', 'Shall we talk about my garden?']);
  });

  test('over budget, drops the oldest dialogue first and always keeps the user turn', () => {
    const history: ChatMessage[] = Array.from({ length: 40 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: `message ${i} `.repeat(20) }));
    const messages = assemblePrompt({ ...base, history }, { total: 600, memories: 100 });
    expect(messages.at(-1)?.content).toBe(base.userText);
    expect(messages.length).toBeLessThan(12);
    expect(messages[messages.length - 2].content).toContain('message 39');
    expect(messages.map((m) => m.content).join('')).not.toContain('message 0 ');
  });

  test('memories beyond their budget are left out', () => {
    const memories = Array.from({ length: 50 }, (_, i) => `memory number ${i} with some words in it`);
    const system = assemblePrompt({ ...base, history: [], memories }, { total: 2000, memories: 60 })[0].content;
    expect(system).toContain('memory number 0');
    expect(system).not.toContain('memory number 10');
  });
});
