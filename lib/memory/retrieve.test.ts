import { describe, expect, test } from 'vitest';
import { tokenize } from './bm25';
import { topIndices } from './retrieve';
import { VectorIndex } from './vector-index';

describe('topIndices', () => {
  test.each([
    [[0.1, 0.9, 0.5, 0.7], 2, [1, 3]],
    [[0.1, 0.9, 0.5, 0.7], 10, [1, 3, 2, 0]],
    [[5, 4, 3, 2, 1], 3, [0, 1, 2]],
    [[1, 2, 3, 4, 5], 3, [4, 3, 2]],
    [[], 3, []],
  ])('%j top %d → %j', (values, n, expected) => {
    expect(topIndices(Float32Array.from(values), values.length, n)).toEqual(expected);
  });
  test('agrees with a full sort on random data', () => {
    const values = Float32Array.from({ length: 5000 }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 % 1);
    const expected = [...values.keys()].sort((a, b) => values[b] - values[a]).slice(0, 50);
    expect(topIndices(values, values.length, 50)).toEqual(expected);
  });
});

describe('VectorIndex', () => {
  test('delete swaps the last row in and keeps scores right', () => {
    const index = new VectorIndex(2, 1);
    index.set('a', Float32Array.from([1, 0]));
    index.set('b', Float32Array.from([0, 1]));
    index.set('c', Float32Array.from([0.6, 0.8]));
    index.delete('a');
    const out = new Float32Array(4);
    const ids = index.scoreAll(Float32Array.from([0, 1]), out);
    expect(Object.fromEntries(ids.map((id, i) => [id, out[i]]))).toEqual({ c: Math.fround(0.8), b: 1 });
    expect(index.has('a')).toBe(false);
  });
  test('rejects a vector of the wrong length', () => {
    expect(() => new VectorIndex(3).set('x', new Float32Array(2))).toThrow(/3/);
  });
});

describe('tokenize', () => {
  test.each([
    ["Caroline's support groups", ['carolin', 'support', 'group']],
    ['I went running yesterday', ['went', 'run', 'yesterday']],
    ['The painted sunrises', ['paint', 'sunris']],
  ])('%s', (text, tokens) => expect(tokenize(text)).toEqual(tokens));
});
