import { describe, expect, test } from 'vitest';
import { ScriptedBrain } from '../brain/scripted-brain';
import type { BrainProvider } from '../brain/types';
import { DEMO_PERSONAS } from '../persona/personas';
import { PacedCaptions } from '../speech/paced-captions';
import { Conversation, RECALL_BUDGET_MS, sameWords, takeSentences } from './conversation';
import { createCallStore } from './store';

function setup(brain: BrainProvider, charsPerSecond = 2000) {
  const store = createCallStore();
  store.getState().dispatch({ type: 'start' });
  store.getState().dispatch({ type: 'ready' });
  const phases: string[] = [];
  store.subscribe((s, prev) => { if (s.phase !== prev.phase) phases.push(s.phase); });
  const conversation = new Conversation({ store, brain, speech: new PacedCaptions(charsPerSecond), persona: DEMO_PERSONAS[1] });
  return { store, conversation, phases };
}

describe('takeSentences', () => {
  test.each([
    ['Hello there. How are', false, ['Hello there.'], 'How are'],
    ['Really?! Yes. ', false, ['Really?!', 'Yes.'], ''],
    ['No end yet', false, [], 'No end yet'],
    ['No end yet', true, ['No end yet'], ''],
    ['Version 2.5 is out. Ok', false, ['Version 2.5 is out.'], 'Ok'],
  ])('%j (final=%s)', (buffer, final, sentences, rest) => {
    expect(takeSentences(buffer, final)).toEqual({ sentences, rest });
  });
});

describe('Conversation', () => {
  test('a typed turn goes thinking → speaking → listening, with captions and latencies', async () => {
    const brain = new ScriptedBrain(['Hello Sam. Nice to see you again.']);
    const { store, conversation, phases } = setup(brain);
    await conversation.userTurn('  hi, it is Sam  ');
    expect(phases).toEqual(['thinking', 'speaking', 'listening']);
    const captions = store.getState().captions;
    expect(captions.map((c) => [c.speaker, c.text, c.final])).toEqual([
      ['user', 'hi, it is Sam', true],
      ['companion', 'Hello Sam. Nice to see you again.', true],
    ]);
    const [turn] = store.getState().turns;
    expect(turn.interrupted).toBe(false);
    expect(turn.firstTokenMs).not.toBeNull();
    expect(turn.speechStartMs!).toBeGreaterThanOrEqual(turn.firstTokenMs!);
    expect(turn.totalMs!).toBeGreaterThanOrEqual(turn.speechStartMs!);
    expect(brain.requests[0].persona.id).toBe('friend');
    expect(conversation.history).toEqual([
      { role: 'user', content: 'hi, it is Sam' },
      { role: 'assistant', content: 'Hello Sam. Nice to see you again.' },
    ]);
  });

  test('barge-in stops the reply mid-sentence and marks the turn interrupted', async () => {
    const brain = new ScriptedBrain(['This is a long reply that will take a while to say out loud. And more.']);
    const { store, conversation, phases } = setup(brain, 40);
    const done = conversation.userTurn('tell me a story');
    await new Promise((r) => setTimeout(r, 300));
    expect(store.getState().phase).toBe('speaking');
    conversation.bargeIn();
    await done;
    expect(phases).toEqual(['thinking', 'speaking', 'user-speaking']);
    const reply = store.getState().captions[1];
    expect(reply.final).toBe(true);
    expect(reply.text.endsWith('—')).toBe(true);
    expect(store.getState().turns[0].interrupted).toBe(true);
    expect(conversation.replying).toBe(false);
  });

  test('a brain failure is reported and the call goes back to listening', async () => {
    const failing: BrainProvider = {
      id: 'broken', kind: 'test', label: 'broken',
      async *generate() { throw new Error('boom'); },
    };
    const { store, conversation } = setup(failing);
    await conversation.userTurn('hello?');
    expect(store.getState().phase).toBe('listening');
    expect(store.getState().notices.map((n) => n.code)).toEqual(['brain:failed']);
  });

  test('recalls memories for the brain, shows them, strengthens them, and remembers the turn', async () => {
    const brain = new ScriptedBrain(['Hello again.']);
    const store = createCallStore();
    store.getState().dispatch({ type: 'start' });
    store.getState().dispatch({ type: 'ready' });
    const calls: string[] = [];
    const conversation = new Conversation({
      store, brain, speech: new PacedCaptions(2000), persona: DEMO_PERSONAS[1],
      memory: {
        recall: async (text) => { calls.push(`recall:${text}`); return [{ id: 'm1', text: 'Anna is your sister' }]; },
        remember: (text, turnId) => calls.push(`remember:${turnId}:${text}`),
        markUsed: (ids) => calls.push(`used:${ids.join(',')}`),
        flush: async () => undefined,
      },
    });
    await conversation.userTurn('Hi Walter');
    expect(brain.requests[0].memories).toEqual(['Anna is your sister']);
    expect(store.getState().captions[1].used).toEqual(['Anna is your sister']);
    expect(calls).toEqual(['recall:Hi Walter', 'remember:u1:Hi Walter', 'used:m1']);
  });

  test('a slow memory does not hold up the reply, and an incognito call remembers nothing', async () => {
    const brain = new ScriptedBrain(['Hi.']);
    const store = createCallStore();
    store.getState().dispatch({ type: 'start' });
    store.getState().dispatch({ type: 'ready' });
    const remembered: string[] = [];
    const conversation = new Conversation({
      store, brain, speech: new PacedCaptions(2000), persona: DEMO_PERSONAS[1], rememberTurns: false,
      memory: { recall: () => new Promise(() => undefined), remember: (t) => remembered.push(t), markUsed: () => undefined, flush: async () => undefined },
    });
    const started = Date.now();
    await conversation.userTurn('Hello');
    expect(Date.now() - started).toBeLessThan(RECALL_BUDGET_MS + 400);
    expect(brain.requests[0].memories).toEqual([]);
    expect(remembered).toEqual([]);
  });

  test('empty input does nothing', async () => {
    const { store, conversation } = setup(new ScriptedBrain(['x']));
    await conversation.userTurn('   ');
    expect(store.getState().captions).toEqual([]);
    expect(store.getState().phase).toBe('listening');
  });
});

describe('speculative replies (turn-taking speculate → commit / cancel)', () => {
  test('sameWords ignores case and punctuation only', () => {
    expect(sameWords('I went to the shop.', 'i went to the shop')).toBe(true);
    expect(sameWords('I went to the shop', 'i went to the shop and')).toBe(false);
  });

  test('a prepared reply shows and says nothing until commit keeps it', async () => {
    const brain = new ScriptedBrain(['Good to hear. Tell me more.']);
    const { store, conversation, phases } = setup(brain);
    conversation.prepare('I went to the shop');
    await new Promise((r) => setTimeout(r, 50));
    // The brain already ran, but nothing is visible or audible yet.
    expect(brain.requests).toHaveLength(1);
    expect(store.getState().captions).toEqual([]);
    expect(phases).toEqual([]);
    await conversation.commit('i went to the shop.');
    expect(brain.requests).toHaveLength(1);
    expect(phases).toEqual(['thinking', 'speaking', 'listening']);
    expect(store.getState().captions.map((c) => [c.speaker, c.text])).toEqual([
      ['user', 'i went to the shop.'],
      ['companion', 'Good to hear. Tell me more.'],
    ]);
    expect(store.getState().turns).toHaveLength(1);
    expect(store.getState().turns[0].interrupted).toBe(false);
  });

  test('commit with different words drops the speculation and answers the final words', async () => {
    const brain = new ScriptedBrain(['First answer.', 'Second answer.']);
    const { store, conversation } = setup(brain);
    conversation.prepare('I went to the shop');
    await new Promise((r) => setTimeout(r, 20));
    await conversation.commit('I went to the shop and bought bread');
    expect(brain.requests.map((r) => r.userText)).toEqual(['I went to the shop', 'I went to the shop and bought bread']);
    expect(store.getState().captions.map((c) => c.text)).toEqual(['I went to the shop and bought bread', 'Second answer.']);
    expect(store.getState().turns).toHaveLength(1);
  });

  test('a dropped speculation (the user went on) leaves no trace', async () => {
    const brain = new ScriptedBrain(['Never said.'], 5);
    const { store, conversation, phases } = setup(brain);
    conversation.prepare('so the thing is');
    expect(conversation.speculating).toBe(true);
    conversation.dropSpeculation();
    await new Promise((r) => setTimeout(r, 60));
    expect(conversation.speculating).toBe(false);
    expect(store.getState().captions).toEqual([]);
    expect(store.getState().turns).toEqual([]);
    expect(phases).toEqual([]);
    expect(conversation.history).toEqual([]);
  });
});
