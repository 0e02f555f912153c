import { describe, expect, test } from 'vitest';
import { ScriptedBrain } from '../brain/scripted-brain';
import type { BrainProvider } from '../brain/types';
import { DEMO_PERSONAS } from '../persona/personas';
import { PacedCaptions } from '../speech/paced-captions';
import { Conversation, RECALL_BUDGET_MS, takeSentences } from './conversation';
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
