import { describe, expect, test } from 'vitest';
import { describeMissing, phonemesToIds } from './ids';

// piper-phonemize DEFAULT_PHONEME_ID_MAP entries used below.
const MAP = new Map<string, number[]>([
  ['_', [0]], ['^', [1]], ['$', [2]], [' ', [3]], ['.', [10]], ['c', [16]], ['h', [20]], ['l', [24]],
  ['o', [27]], ['ə', [59]], ['ʊ', [100]], ['ˈ', [120]], ['\u0327', [140]],
]);

describe('phonemesToIds (piper-phonemize phonemes_to_ids)', () => {
  test('BOS, pad after it, each phoneme followed by pad, EOS without pad', () => {
    expect(phonemesToIds('həlˈoʊ.', MAP)).toEqual({ ids: [1, 0, 20, 0, 59, 0, 24, 0, 120, 0, 27, 0, 100, 0, 10, 0, 2], missing: new Map() });
  });

  test('NFD-normalises first: ç is c + combining cedilla', () => {
    expect(phonemesToIds('ç', MAP).ids).toEqual([1, 0, 16, 0, 140, 0, 2]);
  });

  test('unknown symbols are skipped and counted, not thrown', () => {
    const { ids, missing } = phonemesToIds('h☃l☃ʘ', MAP);
    expect(ids).toEqual([1, 0, 20, 0, 24, 0, 2]);
    expect([...missing]).toEqual([['☃', 2], ['ʘ', 1]]);
    expect(describeMissing(missing)).toBe('“☃” (U+2603) ×2, “ʘ” (U+0298)');
  });

  test('multi-id symbols keep all their ids', () => {
    const map = new Map(MAP).set('x', [7, 8]);
    expect(phonemesToIds('x', map).ids).toEqual([1, 0, 7, 8, 0, 2]);
  });

  test('an empty string is BOS, pad, EOS', () => {
    expect(phonemesToIds('', MAP).ids).toEqual([1, 0, 2]);
  });
});
