import { describe, expect, test } from 'vitest';
import { DEFAULT_CHUNK_LIMITS, openingClause, speechChunks } from './chunker';

describe('speechChunks', () => {
  test.each([
    // The first sentence of a reply ends its first chunk at the earliest clause of 3+ words.
    ['I’m sorry to hear that, it sounds like a really long day.', true, ['I’m sorry to hear that,', 'it sounds like a really long day.']],
    ['Oh, that sounds lovely; tell me more about it.', true, ['Oh, that sounds lovely;', 'tell me more about it.']],
    ['That was kind of her — did you say thank you?', true, ['That was kind of her', '— did you say thank you?']],
    // No clause punctuation in range: cut before a conjunction (4+ words first).
    ['You finished the report you were worried about and that must feel good.', true, ['You finished the report you were worried about', 'and that must feel good.']],
    // Nothing to cut at: a hard cut at the first-chunk limit.
    ['Walking by the river in the afternoon light is one of the nicest things to do.', true, ['Walking by the river in the afternoon light is one', 'of the nicest things to do.']],
    // Short sentences and too-short clauses stay whole; no one-word tail.
    ['Good to hear, Sam.', true, ['Good to hear, Sam.']],
    ['Yes, I think so.', true, ['Yes, I think so.']],
    ['Hello there.', true, ['Hello there.']],
    // Later sentences are not cut unless they are long.
    ['I’m sorry to hear that, it sounds like a really long day.', false, ['I’m sorry to hear that, it sounds like a really long day.']],
  ])('%j (first=%s)', (sentence, first, chunks) => {
    expect(speechChunks(sentence, first)).toEqual(chunks);
  });

  test('a long later sentence is cut at its latest clause end within the limit', () => {
    const sentence = 'We could make a simple soup tonight, with the leeks and potatoes you bought on Sunday, and maybe some of the bread you baked with your grandson.';
    const chunks = speechChunks(sentence, false);
    expect(chunks).toEqual(['We could make a simple soup tonight, with the leeks and potatoes you bought on Sunday,', 'and maybe some of the bread you baked with your grandson.']);
  });

  test('chunks give the sentence back and respect the limits', () => {
    const sentence = Array.from({ length: 70 }, (_, i) => (i % 9 === 8 ? `w${i},` : `w${i}`)).join('  ');
    const chunks = speechChunks(sentence, true);
    expect(chunks.join(' ')).toBe(sentence.split(/\s+/).join(' '));
    const lengths = chunks.map((c) => c.split(' ').length);
    expect(lengths[0]).toBeLessThanOrEqual(DEFAULT_CHUNK_LIMITS.maxFirstWords);
    for (const n of lengths.slice(1)) expect(n).toBeLessThanOrEqual(DEFAULT_CHUNK_LIMITS.maxWords);
    expect(Math.min(...lengths)).toBeGreaterThanOrEqual(DEFAULT_CHUNK_LIMITS.minTailWords);
    expect(speechChunks('   ', true)).toEqual([]);
  });

  test.each([
    ['I’m sorry to hear that, it sounds', 'I’m sorry to hear that,'],
    ['I’m sorry to hear that,', null], // the clause may still be the whole sentence
    ['You finished the report you were worried about and', null], // a conjunction cut may move
    ['Good, that', null],
  ])('openingClause(%j)', (partial, clause) => {
    expect(openingClause(partial)).toBe(clause);
  });
});
