import { describe, expect, test } from 'vitest';
import { computeAdaptation, describeAdaptation, NO_ADAPTATION } from './adaptation';

describe('adaptation rules', () => {
  test('no cues: the usual style', () => {
    expect(computeAdaptation({ affect: 'looks calm and attentive', userText: 'I went to the shops.' })).toEqual({ ...NO_ADAPTATION, callName: undefined });
    expect(describeAdaptation(NO_ADAPTATION)).toBe('usual style');
  });

  test.each([
    ['looks tired', 'you seem tired', 0.7, 0.88],
    ['looks worried or sad', 'you seem anxious', 0.8, 0.9],
    ['looks tense or frustrated', 'you seem frustrated', 0.8, 0.95],
  ])('perception %j → slower, softer, shorter (%s)', (affect, reason, lengthScale, rate) => {
    const a = computeAdaptation({ affect });
    expect(a.reasons).toContain(reason);
    expect(a.lengthScale).toBeLessThanOrEqual(lengthScale);
    expect(a.rate).toBeLessThanOrEqual(rate);
    expect(a.rate).toBeLessThan(1);
    expect(a.softness).toBeGreaterThanOrEqual(0.5);
  });

  test('the user’s own words count, a negation does not', () => {
    expect(computeAdaptation({ userText: 'I am exhausted' }).reasons).toEqual(['you seem tired']);
    expect(computeAdaptation({ userText: 'I am not tired at all' }).reasons).toEqual([]);
    expect(computeAdaptation({ userText: 'Please sit down' }).reasons).toEqual([]);
  });

  test('procedural memory: brevity, detail, a name, a topic to avoid', () => {
    const a = computeAdaptation({
      memories: [
        { text: 'Prefers short answers', tier: 'procedural' },
        { text: 'Call the user sam', tier: 'procedural' },
        { text: "Don't bring up work", tier: 'procedural' },
      ],
    });
    expect(a).toMatchObject({ lengthScale: 0.6, rate: 1, softness: 0, callName: 'Sam', avoidTopics: ['work'] });
    expect(a.reasons).toEqual(['you prefer brevity', 'you asked me not to bring up work']);
    expect(computeAdaptation({ memories: [{ text: 'Prefers long answers' }] }).lengthScale).toBe(1.4);
  });

  test('preferences the user states in this call apply at once, before memory has stored them', () => {
    const a = computeAdaptation({ userText: 'How was your day?', dialogue: ['Please keep your answers short.', 'Call me Sam.', "Please don't bring up my ex."] });
    expect(a).toMatchObject({ lengthScale: 0.6, callName: 'Sam', avoidTopics: ['my ex'] });
    expect(computeAdaptation({ userText: 'I prefer short answers, thanks.' }).reasons).toEqual(['you prefer brevity']);
    // Said in the call and also recalled from memory: counted once.
    expect(computeAdaptation({ userText: 'I prefer short answers', memories: [{ text: 'Prefers short answers', tier: 'procedural' }] }).lengthScale).toBe(0.6);
  });

  test('a semantic memory that reads like a preference does not adapt anything', () => {
    expect(computeAdaptation({ memories: [{ text: 'Prefers short answers', tier: 'semantic' }] }).reasons).toEqual([]);
  });

  test('time-of-day preferences apply only at that time', () => {
    const memories = [{ text: 'Prefers short answers in the morning', tier: 'procedural' }];
    expect(computeAdaptation({ memories, now: new Date(2026, 10, 25, 8) }).reasons).toEqual(['you prefer brevity']);
    expect(computeAdaptation({ memories, now: new Date(2026, 10, 25, 20) }).reasons).toEqual([]);
  });

  test('cues combine: the shortest length, the slowest rate, the softest tone, clamped', () => {
    const a = computeAdaptation({ affect: 'looks tired', userText: 'I feel so sad', memories: [{ text: 'Prefers short answers', tier: 'procedural' }] });
    expect(a.lengthScale).toBeCloseTo(0.42);
    expect(a.rate).toBe(0.88);
    expect(a.softness).toBe(0.8);
    expect(describeAdaptation(a)).toBe('shorter replies, slower voice, softer tone because: you seem sad; you seem tired; you prefer brevity');
    const floor = computeAdaptation({ affect: 'looks tired', memories: [{ text: 'Prefers short answers' }, { text: 'Prefers short answers in the morning' }], now: new Date(2026, 0, 1, 9) });
    expect(floor.lengthScale).toBeGreaterThanOrEqual(0.4);
  });
});
