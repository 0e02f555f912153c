import { describe, expect, test } from 'vitest';
import { DeferredBrain } from './deferred-brain';
import { chooseLocalModel, formatPrompt, LocalLlmBrain, type LocalModelSpec, type WllamaLike } from './local-llm';
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

describe('LocalLlmBrain prompt budget', () => {
  // An engine whose tokenizer cuts finely (1 token per 2 characters, like a 512-token vocabulary):
  // llama.cpp refuses a prompt longer than its context with this message.
  function fineEngine(contextTokens: number) {
    const prompts: string[] = [];
    const engine: WllamaLike = {
      loadModelFromUrl: async () => undefined,
      exit: async () => undefined,
      createCompletion: async ({ prompt }) => {
        prompts.push(prompt);
        const tokens = Math.ceil(prompt.length / 2);
        if (tokens > contextTokens) throw new Error(`request (${tokens} tokens) exceeds the available context size (${contextTokens} tokens), try increasing it`);
        return (async function* () {
          yield { choices: [{ text: 'Once' }] };
          yield { choices: [{ text: ' upon a time.' }] };
        })();
      },
    };
    return { engine, prompts };
  }
  const spec: LocalModelSpec = { id: 'tiny.gguf', label: 'tiny.gguf', url: '/tiny.gguf', sizeMb: 1, minMemoryGb: 0, promptFormat: 'plain', contextTokens: 2048 };
  const long = Array.from({ length: 40 }, (_, i) => ({ role: (i % 2 ? 'assistant' : 'user') as 'user' | 'assistant', content: `Turn ${i}: ${'we talked about the garden and the weather and the neighbours '.repeat(3)}` }));

  test('a prompt the engine says is over its context is assembled again, shorter, and the reply streams', async () => {
    const { engine, prompts } = fineEngine(2048);
    const brain = LocalLlmBrain.fromEngine(engine, spec);
    let text = '';
    // Document chunks have their own budget, which shrinks with the rest.
    const knowledge = Array.from({ length: 4 }, (_, i) => ({ chunkId: `c${i}`, docId: 'd', title: 'Staying well in winter', section: '', text: 'Arrange regular phone calls with family. '.repeat(12), score: 0.9 - i / 10 }));
    for await (const chunk of brain.generate({ persona: DEMO_PERSONAS[1], history: long, userText: 'What did we talk about?', memories: ['The user likes gardening.'], knowledge, now: new Date(2026, 11, 4) }, new AbortController().signal)) {
      if (chunk.type === 'token') text += chunk.text;
    }
    expect(text).toBe('Once upon a time.');
    expect(prompts.length).toBeGreaterThan(1);
    expect(Math.ceil(prompts.at(-1)!.length / 2)).toBeLessThanOrEqual(2048);
    expect(prompts.at(-1)).toContain('What did we talk about?');
    // The next turn starts from the learned budget: one attempt.
    prompts.length = 0;
    for await (const chunk of brain.generate({ persona: DEMO_PERSONAS[1], history: long, userText: 'And then?', now: new Date(2026, 11, 4) }, new AbortController().signal)) void chunk;
    expect(prompts).toHaveLength(1);
  });

  test('other engine errors are not retried', async () => {
    const engine: WllamaLike = { loadModelFromUrl: async () => undefined, exit: async () => undefined, createCompletion: async () => { throw new Error('out of memory'); } };
    const brain = LocalLlmBrain.fromEngine(engine, spec);
    const run = async () => { for await (const chunk of brain.generate({ persona: DEMO_PERSONAS[1], history: [], userText: 'Hi', now: new Date() }, new AbortController().signal)) void chunk; };
    await expect(run()).rejects.toThrow('The in-browser model stopped: out of memory');
  });
});
