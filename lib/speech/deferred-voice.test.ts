import { describe, expect, test } from 'vitest';
import { DeferredVoice } from './deferred-voice';
import { PacedCaptions } from './paced-captions';

describe('DeferredVoice', () => {
  test('speaks through the voice once it has loaded, and reports its label', async () => {
    let resolve: (v: PacedCaptions) => void = () => undefined;
    const voice = new DeferredVoice(new Promise((r) => (resolve = r)));
    expect(voice.label).toMatch(/Loading/);
    let progress = 0;
    const speaking = voice.speak('abc', new AbortController().signal, { onProgress: (n) => (progress = n) });
    resolve(new PacedCaptions(1000));
    await speaking;
    expect(progress).toBe(3);
    expect(voice.label).toMatch(/Captions only/);
  });

  test('does not speak if aborted while loading', async () => {
    const controller = new AbortController();
    let started = false;
    const voice = new DeferredVoice(new Promise((r) => setTimeout(() => r(new PacedCaptions(1000)), 30)));
    const speaking = voice.speak('abc', controller.signal, { onStart: () => (started = true) });
    controller.abort();
    await speaking;
    expect(started).toBe(false);
  });
});
