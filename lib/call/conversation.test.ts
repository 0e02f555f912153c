import { describe, expect, test } from 'vitest';
import { ScriptedBrain } from '../brain/scripted-brain';
import type { BrainProvider } from '../brain/types';
import { DEMO_PERSONAS } from '../persona/personas';
import { FakeVoice } from '../speech/fake-voice';
import { PacedCaptions } from '../speech/paced-captions';
import { COMMIT_RECALL_BUDGET_MS, Conversation, RECALL_BUDGET_MS, sameWords, takeSentences, type MemoryPort } from './conversation';
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

describe('clause-wise speech with a voice that synthesizes ahead', () => {
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const REPLY = 'I’m sorry to hear that, it sounds like a really long day. What made it so long?';

  function withVoice(voice: FakeVoice, reply = REPLY) {
    const store = createCallStore();
    store.getState().dispatch({ type: 'start' });
    store.getState().dispatch({ type: 'ready' });
    const brain = new ScriptedBrain([reply]);
    const conversation = new Conversation({ store, brain, speech: voice, persona: DEMO_PERSONAS[1] });
    return { store, brain, conversation };
  }

  test('the first clause is spoken on its own, then the rest; captions and history keep the whole reply', async () => {
    const voice = new FakeVoice(2, 2);
    const { store, conversation } = withVoice(voice);
    await conversation.userTurn('I had a long day at work');
    expect(voice.texts('play-end')).toEqual(['I’m sorry to hear that,', 'it sounds like a really long day.', 'What made it so long?']);
    expect(store.getState().captions[1].text).toBe(REPLY);
    expect(conversation.history[1].content).toBe(REPLY);
  });

  test('speculate synthesizes the first chunk only and plays nothing; commit plays it without synthesizing again', async () => {
    const voice = new FakeVoice(10, 5);
    const { store, brain, conversation } = withVoice(voice);
    conversation.prepare('I had a long day at work');
    await wait(120);
    expect(voice.texts('synth-end')).toEqual(['I’m sorry to hear that,']);
    expect(voice.events.filter((e) => e.kind.startsWith('play'))).toEqual([]);
    expect(store.getState().phase).toBe('listening');
    const done = conversation.commit('i had a long day at work');
    await wait(0);
    // Audio of the prepared chunk starts at once (no synthesis between commit and sound).
    expect(voice.texts('play-start')).toEqual(['I’m sorry to hear that,']);
    const index = (kind: string) => voice.events.findIndex((e) => e.kind === kind && e.text === 'I’m sorry to hear that,');
    expect(index('synth-end')).toBeLessThan(index('play-start'));
    await done;
    expect(voice.texts('synth-start')).toEqual(['I’m sorry to hear that,', 'it sounds like a really long day.', 'What made it so long?']);
    expect(voice.texts('play-end')).toEqual(voice.texts('synth-start'));
    expect(brain.requests).toHaveLength(1);
    const [turn] = store.getState().turns;
    expect(turn.speculated).toBe(true);
    expect(turn.speechStartMs!).toBeLessThan(10);
  });

  test('cancel after speculate: the prepared audio is dropped and no audio ever plays', async () => {
    const voice = new FakeVoice(10, 5);
    const { store, conversation } = withVoice(voice);
    conversation.prepare('I had a long day at work');
    await wait(20); // the first chunk is being synthesized
    conversation.dropSpeculation();
    await wait(200);
    expect(voice.events.filter((e) => e.kind.startsWith('play'))).toEqual([]);
    expect(voice.texts('synth-start')).toEqual(['I’m sorry to hear that,']);
    expect(store.getState().captions).toEqual([]);
    expect(store.getState().turns).toEqual([]);
  });

  test('commit with other words: the prepared audio is dropped and the new reply is spoken', async () => {
    const voice = new FakeVoice(5, 2);
    const store = createCallStore();
    store.getState().dispatch({ type: 'start' });
    store.getState().dispatch({ type: 'ready' });
    const conversation = new Conversation({ store, brain: new ScriptedBrain(['Never heard, not once at all.', 'Second answer.']), speech: voice, persona: DEMO_PERSONAS[1] });
    conversation.prepare('I went to the shop');
    await wait(30);
    await conversation.commit('I went to the shop and bought bread');
    expect(voice.texts('play-start')).toEqual(['Second answer.']);
  });

  test('barge-in stops the audio within 150 ms and nothing after it plays', async () => {
    const voice = new FakeVoice(5, 80);
    const { store, conversation } = withVoice(voice);
    const done = conversation.userTurn('I had a long day at work');
    await wait(150);
    expect(store.getState().phase).toBe('speaking');
    const barged = Date.now();
    conversation.bargeIn();
    await done;
    expect(Date.now() - barged).toBeLessThan(150);
    expect(voice.texts('play-stopped')).toHaveLength(1);
    await wait(300);
    expect(voice.texts('play-start')).toHaveLength(1);
    expect(store.getState().captions[1].text.endsWith('—')).toBe(true);
  });

  test('the eval baseline (whole sentences) synthesizes nothing before the commit', async () => {
    const voice = new FakeVoice(10, 5);
    const store = createCallStore();
    store.getState().dispatch({ type: 'start' });
    store.getState().dispatch({ type: 'ready' });
    const conversation = new Conversation({ store, brain: new ScriptedBrain([REPLY]), speech: voice, persona: DEMO_PERSONAS[1], speechChunking: 'sentences' });
    conversation.prepare('I had a long day at work');
    await wait(60);
    expect(voice.events).toEqual([]);
    await conversation.commit('I had a long day at work');
    expect(voice.texts('play-end')).toEqual(['I’m sorry to hear that, it sounds like a really long day.', 'What made it so long?']);
  });

  test('the opening clause is synthesized while its sentence still streams, and played once', async () => {
    const voice = new FakeVoice(2, 2);
    const store = createCallStore();
    store.getState().dispatch({ type: 'start' });
    store.getState().dispatch({ type: 'ready' });
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const brain: BrainProvider = {
      id: 'halting', kind: 'test', label: 'halting',
      async *generate() {
        for (const t of ['I’m ', 'sorry ', 'to ', 'hear ', 'that, ', 'it ', 'sounds ', 'like ']) yield { type: 'token', text: t };
        await held; // the sentence is not finished until the test says so
        for (const t of ['a ', 'really ', 'long ', 'day. ', 'What ', 'made ', 'it ', 'so ', 'long?']) yield { type: 'token', text: t };
      },
    };
    const conversation = new Conversation({ store, brain, speech: voice, persona: DEMO_PERSONAS[1] });
    const done = conversation.userTurn('I had a long day at work');
    for (let i = 0; i < 100 && !voice.texts('synth-end').length; i++) await wait(10);
    expect(voice.texts('synth-end')).toEqual(['I’m sorry to hear that,']);
    expect(voice.texts('play-start')).toEqual([]);
    release();
    await done;
    expect(voice.texts('synth-start')).toEqual(['I’m sorry to hear that,', 'it sounds like a really long day.', 'What made it so long?']);
    expect(voice.texts('play-end')).toEqual(voice.texts('synth-start'));
  });
});

describe('recall and document search for voice turns (started at speculate, short budget at commit)', () => {
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  /** A memory whose recall answers after `delayMs` (per text; Infinity: never), logging each call. */
  function slowMemory(delayMs: (text: string) => number, calls: string[]): MemoryPort {
    return {
      recall: (text) => {
        calls.push(text);
        const ms = delayMs(text);
        return new Promise((resolve) => { if (Number.isFinite(ms)) setTimeout(() => resolve([{ id: `m-${text}`, text: `memory for ${text}` }]), ms); });
      },
      remember: () => undefined,
      markUsed: () => undefined,
      flush: async () => undefined,
    };
  }

  function withMemory(memory: MemoryPort) {
    const store = createCallStore();
    store.getState().dispatch({ type: 'start' });
    store.getState().dispatch({ type: 'ready' });
    const brain = new ScriptedBrain(['Okay. Tell me more.']);
    const searches: string[] = [];
    const conversation = new Conversation({
      store, brain, speech: new PacedCaptions(2000), persona: DEMO_PERSONAS[1], memory,
      knowledge: { search: async (text) => { searches.push(text); return []; } },
    });
    return { store, brain, conversation, searches };
  }

  test('a kept speculation answers with the recall started at speculate; nothing is looked up twice', async () => {
    const calls: string[] = [];
    const { brain, conversation, searches } = withMemory(slowMemory(() => 150, calls));
    conversation.prepare('I called my sister');
    await wait(200);
    expect(brain.requests).toHaveLength(1); // the brain ran once the recall was in, before the commit
    await conversation.commit('i called my sister');
    expect(calls).toEqual(['I called my sister']);
    expect(searches).toEqual(['I called my sister']);
    expect(brain.requests[0].memories).toEqual(['memory for I called my sister']);
  });

  test('a recall still running at the commit holds the kept reply back only COMMIT_RECALL_BUDGET_MS', async () => {
    const calls: string[] = [];
    const { store, brain, conversation } = withMemory(slowMemory(() => Infinity, calls));
    conversation.prepare('I called my sister');
    await wait(30);
    expect(brain.requests).toHaveLength(0); // still waiting for the recall
    const committed = performance.now();
    const done = conversation.commit('I called my sister');
    for (let i = 0; i < 100 && !brain.requests.length; i++) await wait(5);
    const waited = performance.now() - committed;
    await done;
    expect(waited).toBeGreaterThanOrEqual(COMMIT_RECALL_BUDGET_MS - 5);
    expect(waited).toBeLessThan(RECALL_BUDGET_MS - 100);
    expect(brain.requests[0].memories).toEqual([]);
    expect(store.getState().turns[0].speculated).toBe(true);
  });

  test('final words one longer than the speculation: the exact recall gets the short budget, then the speculation\'s recall stands in', async () => {
    const calls: string[] = [];
    const { brain, conversation } = withMemory(slowMemory((text) => (text.endsWith('tonight') ? Infinity : 20), calls));
    conversation.prepare('should I call my sister');
    await wait(60);
    const committed = performance.now();
    const done = conversation.commit('should I call my sister tonight');
    for (let i = 0; i < 100 && brain.requests.length < 2; i++) await wait(5);
    const waited = performance.now() - committed;
    await done;
    expect(calls).toEqual(['should I call my sister', 'should I call my sister tonight']);
    expect(brain.requests.map((r) => r.userText)).toEqual(['should I call my sister', 'should I call my sister tonight']);
    expect(brain.requests[1].memories).toEqual(['memory for should I call my sister']);
    expect(waited).toBeLessThan(RECALL_BUDGET_MS - 100);
  });

  test('the exact recall is used when it is ready within the budget; unrelated earlier words never stand in', async () => {
    const calls: string[] = [];
    const { brain, conversation } = withMemory(slowMemory((text) => (text.startsWith('so') ? 10 : 30), calls));
    conversation.prepare('so anyway');
    await wait(40);
    await conversation.commit('I had a long day');
    expect(brain.requests.at(-1)!.memories).toEqual(['memory for I had a long day']);
    const late: string[] = [];
    const other = withMemory(slowMemory((text) => (text.startsWith('so') ? 10 : Infinity), late));
    other.conversation.prepare('so anyway');
    await wait(40);
    await other.conversation.commit('I had a long day');
    expect(other.brain.requests.at(-1)!.memories).toEqual([]);
  });

  test('a typed turn still waits for a recall that finishes within RECALL_BUDGET_MS', async () => {
    const calls: string[] = [];
    const { brain, conversation } = withMemory(slowMemory(() => 200, calls));
    await conversation.userTurn('Hello there');
    expect(brain.requests[0].memories).toEqual(['memory for Hello there']);
  });
});
