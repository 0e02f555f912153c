import { describe, expect, test } from 'vitest';
import { WordClass, lexicalCues, lexicalEndProbability, lexicalFeatureKeys, tokenize } from './lexical';

describe('lexical channel', () => {
  test('tokenizes recognizer text without punctuation', () => {
    expect(tokenize('So, the thing IS...')).toEqual(['so', 'the', 'thing', 'is']);
  });

  test.each([
    ['i went to the shop and', WordClass.Conjunction, 0],
    ['so the thing is um', WordClass.Filler, 0],
    ['what do you think', WordClass.Discourse, 1],
    ['i think so', WordClass.Other, 0],
    ['can we talk about it later', WordClass.Other, 1],
    ['the doctor told me that', WordClass.Incomplete, 0],
  ])('%s → last class %i, question %i', (text, lastClass, question) => {
    const cues = lexicalCues(text);
    expect(cues.lastClass).toBe(lastClass);
    expect(cues.question).toBe(question);
  });

  test('backchannels', () => {
    expect(lexicalCues('mm hm').backchannel).toBe(1);
    expect(lexicalCues('yeah right').backchannel).toBe(1);
    expect(lexicalCues('yeah i went to the shop').backchannel).toBe(0);
  });

  test('structure keys: verb and subject in the last clause, words after the last verb', () => {
    const keys = (text: string) => {
      const c = lexicalCues(text);
      return lexicalFeatureKeys(tokenize(text), c.lastClass, c.firstClass);
    };
    const complete = keys('i have a job interview on friday');
    expect(complete).toContain('CV:1');
    expect(complete).toContain('CSV:1');
    expect(complete).toContain('AV:5');
    const fragment = keys('the bank was closed and after the');
    expect(fragment).toContain('CV:0');
    expect(fragment).toContain('CN:2');
    expect(fragment).toContain('AV:-1');
    expect(keys('we saw a fox and can you believe it')).toContain('CQ:1:1');
  });

  test('end probability sums bias and known keys, ignoring unseen ones', () => {
    const model = { bias: -1, weights: { 'C:1': -2, 'L:fine': 3 } };
    const keys = lexicalFeatureKeys(['it', 'was', 'fine'], WordClass.Other, WordClass.Incomplete);
    expect(lexicalEndProbability(model, keys)).toBeCloseTo(1 / (1 + Math.exp(-2)), 10);
    expect(lexicalCues('and', model).endProbability).toBeCloseTo(1 / (1 + Math.exp(3)), 10);
    expect(lexicalCues('and').endProbability).toBe(0.5);
  });
});
