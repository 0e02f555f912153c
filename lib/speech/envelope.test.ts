import { describe, expect, test } from 'vitest';
import { charsSpokenAt, envelopeAt, leadingSilence, loudnessEnvelope } from './envelope';

describe('lip-sync envelope', () => {
  test('follows loud and quiet stretches of the audio', () => {
    const rate = 22050;
    const samples = new Float32Array(rate); // 1 s: silence, loud tone, silence
    for (let i = rate * 0.3; i < rate * 0.6; i++) samples[i] = 0.5 * Math.sin((2 * Math.PI * 200 * i) / rate);
    const env = loudnessEnvelope(samples, rate);
    expect(env.length).toBe(50);
    expect(envelopeAt(env, 100)).toBe(0);
    expect(envelopeAt(env, 450)).toBeGreaterThan(0.9);
    expect(envelopeAt(env, 800)).toBe(0);
    expect(envelopeAt(env, 5000)).toBe(0);
  });

  test('caption progress follows word timings', () => {
    const text = 'Hello Sam, nice day';
    const words = [{ ms: 0, charIndex: 0 }, { ms: 300, charIndex: 6 }, { ms: 600, charIndex: 11 }, { ms: 900, charIndex: 16 }];
    expect(charsSpokenAt(words, 100, text.length, 1200)).toBe(5);
    expect(text.slice(0, charsSpokenAt(words, 400, text.length, 1200))).toBe('Hello Sam,');
    expect(charsSpokenAt(words, 1300, text.length, 1200)).toBe(text.length);
  });

  test('leading silence: skipped up to 5 ms before the first audible sample', () => {
    const rate = 20000;
    const samples = new Float32Array(rate / 2);
    for (let i = 2000; i < samples.length; i++) samples[i] = 0.3 * Math.sin(i / 5); // 100 ms of silence, then sound
    samples[500] = 0.004; // dither below the threshold is still silence
    expect(leadingSilence(samples, rate)).toEqual({ samples: 1900, ms: 95 });
    expect(leadingSilence(new Float32Array(100), rate)).toEqual({ samples: 0, ms: 0 });
    const loudAtOnce = new Float32Array(100).fill(0.5);
    expect(leadingSilence(loudAtOnce, rate)).toEqual({ samples: 0, ms: 0 });
  });
});
