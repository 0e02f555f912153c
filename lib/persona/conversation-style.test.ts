import { beforeEach, describe, expect, test } from 'vitest';
import { ScriptedBrain } from '../brain/scripted-brain';
import { Conversation } from '../call/conversation';
import { createCallStore } from '../call/store';
import { PacedCaptions } from '../speech/paced-captions';
import type { SpeakCallbacks, SpeechOutput } from '../speech/types';
import { adaptationStore } from './adaptation-store';
import { DEMO_PERSONAS } from './personas';
import { scoreReply } from './style-score';

/** Captions-only voice that records what it was asked to say and at which rate. */
class RecordingVoice implements SpeechOutput {
  readonly id = 'recording';
  readonly label = 'recording';
  readonly audible = false;
  readonly said: string[] = [];
  readonly rates: number[] = [];
  private readonly inner = new PacedCaptions(5000);
  setRate(scale: number): void {
    this.rates.push(scale);
  }
  speak(text: string, signal: AbortSignal, callbacks?: SpeakCallbacks): Promise<void> {
    this.said.push(text);
    return this.inner.speak(text, signal, callbacks);
  }
}

function setup(reply: string, options: { styleCheck?: boolean; affect?: string; memories?: { id: string; text: string; tier?: string }[] } = {}) {
  const store = createCallStore();
  store.getState().dispatch({ type: 'start' });
  store.getState().dispatch({ type: 'ready' });
  const brain = new ScriptedBrain([reply]);
  const speech = new RecordingVoice();
  const memory = options.memories
    ? { recall: async () => options.memories!, remember: () => undefined, markUsed: () => undefined, flush: async () => undefined }
    : undefined;
  const persona = DEMO_PERSONAS[2];
  const conversation = new Conversation({ store, brain, speech, persona, styleCheck: options.styleCheck, affect: () => options.affect, memory });
  return { store, brain, speech, conversation, persona };
}

const LLM_REPLY =
  'Oh wow, that is awesome! Honestly, elections always make people feel like that. What happened? How did it start? Tell me everything about it. I want every detail, from the start to the very end, slowly.';

describe('persona style in a call', () => {
  beforeEach(() => adaptationStore.setState({ adaptation: null, style: null }));

  test('an LLM reply is checked sentence by sentence before it is spoken: in band, nothing off-style said', async () => {
    const { store, speech, conversation, persona } = setup(LLM_REPLY, { styleCheck: true });
    await conversation.userTurn('I had a strange day.');
    const spoken = speech.said.join(' ');
    expect(spoken).not.toMatch(/election|!/i);
    expect(scoreReply(spoken, persona).inBand).toBe(true);
    expect(conversation.history.at(-1)).toEqual({ role: 'assistant', content: spoken });
    expect(store.getState().captions.at(-1)?.text).toBe(spoken);
    expect(adaptationStore.getState().style).toMatchObject({ inBand: true, repaired: expect.arrayContaining(['forbidden-topic', 'too-many-exclamations', 'too-many-questions']) });
  });

  test('without the check (built-in brain, test brain) the reply is spoken as generated', async () => {
    const { speech, conversation } = setup(LLM_REPLY, { styleCheck: false });
    await conversation.userTurn('I had a strange day.');
    expect(speech.said.join(' ')).toBe(LLM_REPLY);
    expect(adaptationStore.getState().style?.inBand).toBe(false);
  });

  test('a tired user and a brevity preference: the brain gets the adaptation, the voice slows down, the HUD has the reasons', async () => {
    const { brain, speech, conversation } = setup('Rest well.', {
      affect: 'looks tired',
      memories: [{ id: 'p1', text: 'Prefers short answers', tier: 'procedural' }],
    });
    await conversation.userTurn('Long day at the office.');
    const adaptation = brain.requests[0].adaptation!;
    expect(adaptation.reasons).toEqual(['you seem tired', 'you prefer brevity']);
    expect(adaptation.lengthScale).toBeLessThan(0.5);
    expect(speech.rates).toEqual([adaptation.rate]);
    expect(adaptation.rate).toBeLessThan(1);
    expect(adaptationStore.getState().adaptation?.reasons).toEqual(['you seem tired', 'you prefer brevity']);
  });

  test('a preference said earlier in the call adapts the next replies without waiting for memory', async () => {
    const { brain, conversation } = setup('All right.');
    await conversation.userTurn('Please keep your answers short, and call me Sam.');
    await conversation.userTurn('What shall we talk about?');
    expect(brain.requests[1].adaptation).toMatchObject({ lengthScale: 0.6, callName: 'Sam', reasons: ['you prefer brevity'] });
  });
});
