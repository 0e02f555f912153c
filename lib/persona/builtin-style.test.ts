import { describe, expect, test } from 'vitest';
import { composeReply, OfflineBrain } from '../brain/offline-brain';
import type { BrainRequest, ChatMessage } from '../brain/types';
import { computeAdaptation } from './adaptation';
import { DEMO_PERSONAS } from './personas';
import { scoreReply } from './style-score';

const TURNS: { text: string; affect?: string; memories?: { text: string; tier: string }[] }[] = [
  { text: 'Hello!' },
  { text: 'Call me Sam.' },
  { text: 'I feel so tired and stressed today.', affect: 'looks tired' },
  { text: 'I got the job!' },
  { text: 'Who should I vote for in the election?' },
  { text: 'Should I put my savings into crypto?' },
  { text: 'Can you book me a taxi?', memories: [{ text: 'Prefers short answers', tier: 'procedural' }] },
  { text: 'So today I went to see my mum and then we had lunch and she told me all about her roses and the slugs and the neighbours and I listened for hours.' },
  { text: 'Who are you?' },
  { text: 'Thanks, bye.' },
];

async function run(request: BrainRequest): Promise<string> {
  let text = '';
  for await (const chunk of new OfflineBrain(0).generate(request, new AbortController().signal)) if (chunk.type === 'token') text += chunk.text;
  return text.trim();
}

describe('built-in brain replies are inside the persona’s style targets', () => {
  test.each(DEMO_PERSONAS.map((p) => [p.name, p] as const))('%s', async (_name, persona) => {
    const history: ChatMessage[] = [];
    let repairedSomething = false;
    for (const turn of TURNS) {
      const adaptation = computeAdaptation({ affect: turn.affect, userText: turn.text, memories: turn.memories });
      const request: BrainRequest = { persona, history: [...history], userText: turn.text, affect: turn.affect, memories: turn.memories?.map((m) => m.text), now: new Date(2026, 10, 25, 10), adaptation };
      const reply = await run(request);
      const score = scoreReply(reply, persona, { adaptation });
      expect({ turn: turn.text, reply, violations: score.violations }).toEqual({ turn: turn.text, reply, violations: [] });
      if (reply !== composeReply(request).trim()) repairedSomething = true;
      history.push({ role: 'user', content: turn.text }, { role: 'assistant', content: reply });
    }
    // The long ramble is echoed back too long by the composer: the style step is doing real work.
    expect(repairedSomething).toBe(true);
  });

  test('uses the name from procedural memory and never repeats a forbidden topic', async () => {
    const adaptation = computeAdaptation({ memories: [{ text: 'Call the user Sam', tier: 'procedural' }] });
    const reply = await run({ persona: DEMO_PERSONAS[1], history: [], userText: 'I think about the election all the time.', now: new Date(), adaptation });
    expect(reply).not.toMatch(/election/i);
    const hello = await run({ persona: DEMO_PERSONAS[1], history: [], userText: 'Thank you', now: new Date(), adaptation });
    expect(hello).toContain('Sam');
  });
});
