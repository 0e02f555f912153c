import { describe, expect, test } from 'vitest';
import { joinSegments, normalizeTranscript, words } from './text';
import { wordErrorRate } from './wer';

const JFK = 'And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.';

describe('normalizeTranscript', () => {
  test.each([
    ['  Hello, World!  ', 'hello world'],
    ['It\u2019s fine.', "it's fine"],
    ['[BLANK_AUDIO]', ''],
    ['(music) I was there *laughs* ♪', 'i was there'],
    ['well-known 3 D/E', 'well known 3 d e'],
    ["'quoted' words", 'quoted words'],
    ['Çava très bien', 'çava très bien'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeTranscript(input)).toBe(expected);
  });

  test('joinSegments drops empty segments and normalises each', () => {
    expect(joinSegments(['Hello there.', '', '[BLANK_AUDIO]', 'How are You?'])).toBe('hello there how are you');
    expect(words('')).toEqual([]);
  });
});

describe('wordErrorRate', () => {
  test('identical text after normalisation is 0', () => {
    expect(wordErrorRate(JFK, JFK.toUpperCase().replace(/[,.]/g, '')).wer).toBe(0);
  });

  test.each([
    // one substitution in 22 words
    [JFK, JFK.replace('fellow', 'yellow'), { s: 1, d: 0, i: 0 }],
    // one deletion
    [JFK, JFK.replace('so ', ''), { s: 0, d: 1, i: 0 }],
    // two insertions
    [JFK, `${JFK} thank you`, { s: 0, d: 0, i: 2 }],
  ])('counts edits (%#)', (ref, hyp, edits) => {
    const result = wordErrorRate(ref, hyp);
    expect(result.referenceWords).toBe(22);
    expect([result.substitutions, result.deletions, result.insertions]).toEqual([edits.s, edits.d, edits.i]);
    expect(result.wer).toBeCloseTo((edits.s + edits.d + edits.i) / 22, 10);
  });

  test('empty hypothesis deletes everything; empty reference has no rate but counts insertions', () => {
    expect(wordErrorRate('a b c', '').wer).toBe(1);
    expect(wordErrorRate('', '').wer).toBe(0);
    expect(wordErrorRate('', 'you').wer).toBe(1);
    expect(wordErrorRate('', 'you').insertions).toBe(1);
  });

  test('can exceed 1 when the hypothesis is much longer', () => {
    expect(wordErrorRate('yes', 'no no no').wer).toBe(3);
  });
});
