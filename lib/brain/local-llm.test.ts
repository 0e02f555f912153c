import { describe, expect, test } from 'vitest';
import { DeferredBrain } from './deferred-brain';
import { chooseLocalModel, formatPrompt } from './local-llm';
import { ScriptedBrain } from './scripted-brain';
import { DEMO_PERSONAS } from '../persona/personas';

describe('local model choice', () => {
  test.each([
    [8, 'qwen2.5-1.5b-instruct-q4_k_m'],
    [4, 'qwen2.5-0.5b-instruct-q4_k_m'],
    [null, 'qwen2.5-0.5b-instruct-q4_k_m'],
    [2, null],
  ])('device memory %s GB → %s', (memory, id) => {
    expect(chooseLocalModel({ deviceMemoryGb: memory })?.id ?? null).toBe(id);
  });

  test('a configured URL wins, with the prompt format guessed from the name', () => {
    expect(chooseLocalModel({ deviceMemoryGb: 2 }, '/models/stories260K.gguf')).toMatchObject({ id: 'stories260K.gguf', promptFormat: 'plain' });
    expect(chooseLocalModel({ deviceMemoryGb: 2 }, 'https://host/x/llama-3.2-1b-instruct-q4.gguf?download=1')).toMatchObject({ id: 'llama-3.2-1b-instruct-q4.gguf', promptFormat: 'chatml' });
  });
});

describe('formatPrompt', () => {
  const messages = [{ role: 'system', content: 'Be kind.' }, { role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello!' }, { role: 'user', content: 'How are you?' }];
  test('chatml', () => {
    const { prompt, stop } = formatPrompt(messages, 'chatml');
    expect(prompt).toBe('<|im_start|>system\nBe kind.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n<|im_start|>user\nHow are you?<|im_end|>\n<|im_start|>assistant\n');
    expect(stop).toContain('<|im_end|>');
  });
  test('plain', () => {
    expect(formatPrompt(messages, 'plain').prompt).toBe('Be kind.\nUser: Hi\nAssistant: Hello!\nUser: How are you?\nAssistant:');
  });
});

describe('DeferredBrain', () => {
  test('waits for the loading brain, then streams from it', async () => {
    let resolve: (b: ScriptedBrain) => void = () => undefined;
    const brain = new DeferredBrain(new Promise((r) => (resolve = r)), { id: 'local-llm', kind: 'local-llm', label: 'Loading…' });
    expect(brain.label).toBe('Loading…');
    setTimeout(() => resolve(new ScriptedBrain(['Ready now.'])), 20);
    let text = '';
    for await (const c of brain.generate({ persona: DEMO_PERSONAS[0], history: [], userText: 'hi', now: new Date() }, new AbortController().signal)) {
      if (c.type === 'token') text += c.text;
    }
    expect(text).toBe('Ready now.');
    expect(brain.label).toBe('Scripted (test only)');
  });

  test('a failed load surfaces as an error on generate', async () => {
    const brain = new DeferredBrain(Promise.reject(new Error('404')), { id: 'local-llm', kind: 'local-llm', label: 'Loading…' });
    const run = async () => { for await (const _ of brain.generate({ persona: DEMO_PERSONAS[0], history: [], userText: 'hi', now: new Date() }, new AbortController().signal)) { /* drain */ } };
    await expect(run()).rejects.toThrow('404');
  });
});
