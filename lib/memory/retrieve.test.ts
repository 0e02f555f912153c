import { describe, expect, test } from 'vitest';
import { Bm25Index, tokenize } from './bm25';
import { topIndices, type RankWeights } from './retrieve';
import { MemorySpace } from './space';
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

describe('VectorIndex.top (1-bit first pass + exact re-rank)', () => {
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32) - 0.5;
  const randomVector = (dim: number) => Float32Array.from({ length: dim }, rand);
  const near = (v: Float32Array, noise: number) => v.map((x) => x + noise * rand());

  test('finds planted neighbours among 6,000 random vectors with exact cosines', () => {
    const dim = 64;
    const index = new VectorIndex(dim, 16, { exactBelow: 0 });
    const exact = new VectorIndex(dim, 16, { exactBelow: Infinity });
    const query = randomVector(dim);
    for (let i = 0; i < 6000; i++) {
      const v = i % 600 === 0 ? near(query, 0.3) : randomVector(dim);
      index.set(`v${i}`, v);
      exact.set(`v${i}`, v);
    }
    const fast = index.top(query, 10);
    const slow = exact.top(query, 10);
    expect(fast.ids).toEqual(slow.ids);
    expect(fast.scores).toEqual(slow.scores);
    expect(fast.ids.filter((id) => Number(id.slice(1)) % 600 === 0)).toHaveLength(10);
    expect(fast.scores[0]).toBeGreaterThan(0.9);
  });

  test('mean cosine comes from the running sum and follows deletes and replacements', () => {
    const index = new VectorIndex(8, 2);
    const vectors = Array.from({ length: 50 }, () => randomVector(8));
    vectors.forEach((v, i) => index.set(`v${i}`, v));
    index.delete('v3');
    index.set('v4', vectors[0]);
    const query = randomVector(8);
    const out = new Float32Array(64);
    index.scoreAll(query, out);
    const mean = out.subarray(0, index.size).reduce((a, b) => a + b, 0) / index.size;
    expect(index.top(query, 5).mean).toBeCloseTo(mean, 5);
  });

  test('accept filters rows and unnormalised vectors score as cosines', () => {
    const index = new VectorIndex(2, 1, { exactBelow: 0 });
    index.set('a', Float32Array.from([10, 0]));
    index.set('b', Float32Array.from([0, 3]));
    index.set('c', Float32Array.from([2, 2]));
    const hits = index.top(Float32Array.from([1, 0]), 3, { accept: (id) => id !== 'a' });
    expect(hits.ids).toEqual(['c', 'b']);
    expect(hits.scores[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(index.top(new Float32Array(2), 3).ids).toEqual([]);
    expect(Array.from(index.get('b') ?? [])).toEqual([0, 3]);
    expect(index.get('zz')).toBeNull();
  });
});

describe('Bm25Index.top', () => {
  const docs = ['anna sister visit saturday', 'boss meeting monday', 'anna puppy', 'sister wedding in june', 'hiking with tom', 'anna anna anna'];
  const build = () => {
    const index = new Bm25Index();
    docs.forEach((d, i) => index.add(`d${i}`, d));
    return index;
  };
  test('agrees with the full score map, best first', () => {
    const index = build();
    const full = [...index.score('anna sister').entries()].sort((a, b) => b[1] - a[1]);
    const top = index.top('anna sister', 3);
    expect(top.ids).toEqual(full.slice(0, 3).map(([id]) => id));
    expect(top.scores).toEqual(full.slice(0, 3).map(([, s]) => s));
    expect(top.max).toBe(full[0][1]);
  });
  test('remove drops a document from its posting lists and the number is reused', () => {
    const index = build();
    index.remove('d5');
    expect(index.contains('d5')).toBe(false);
    expect(index.top('anna', 10).ids.sort()).toEqual(['d0', 'd2']);
    index.add('d9', 'anna again');
    expect(index.size).toBe(6);
    expect(index.top('anna', 10).ids.sort()).toEqual(['d0', 'd2', 'd9']);
    expect(index.score('anna').size).toBe(3);
  });
  test('accept is applied and a query without known terms returns nothing', () => {
    const index = build();
    expect(index.top('anna', 10, (id) => id !== 'd0').ids).not.toContain('d0');
    expect(index.top('zebra', 10).ids).toEqual([]);
  });
});

describe('searchSpace ranking options', () => {
  const MONDAY = Date.UTC(2023, 4, 8, 12);
  const build = (turns: [string, string, string][]) => {
    const space = new MemorySpace('u', null, () => MONDAY + 86_400_000);
    turns.forEach(([sessionId, speaker, text], i) => space.ingestTurn({ spaceId: 'u', sessionId, turnId: `T${i}`, speaker, text, at: new Date(MONDAY + i * 60_000) }));
    return space;
  };
  const turnsOf = (space: MemorySpace, query: string, weights: Partial<RankWeights>, k = 10) =>
    space.search(query, null, { k, weights, tiers: ['episodic'] }).map((r) => r.record.provenance.turnIds[0]);
  const filler = (n: number, session: string): [string, string, string][] => Array.from({ length: n }, (_, i) => [session, 'Bo', `filler chatter number ${i} about weather`]);

  test('expand pulls the reply after a strong hit into the results', () => {
    const space = build([...filler(5, 's1'), ['s2', 'Al', 'Did you adopt the greyhound?'], ['s2', 'Bo', 'Yes, last month, we named him Comet.'], ...filler(5, 's3')]);
    expect(turnsOf(space, 'greyhound adopt', { expand: 0 })).not.toContain('T6');
    expect(turnsOf(space, 'greyhound adopt', { expand: 0.5 })).toContain('T6');
  });

  test('diversity lets a second session reach the top', () => {
    const space = build([
      ['s1', 'Al', 'pottery class today'],
      ['s1', 'Al', 'pottery bowls drying'],
      ['s1', 'Al', 'pottery glaze is blue'],
      ['s2', 'Al', 'I love my pottery and also camping with friends by the lake in summer'],
    ]);
    const plain = turnsOf(space, 'pottery', { diversity: 0, session: 0, neighbour: 0 }, 4);
    const diverse = turnsOf(space, 'pottery', { diversity: 0.5, session: 0, neighbour: 0 }, 4);
    expect(plain.indexOf('T3')).toBe(3);
    expect(diverse.indexOf('T3')).toBeLessThanOrEqual(1);
  });

  test('speaker weight prefers what the named speaker said', () => {
    const space = build([['s1', 'Caroline', 'I painted a sunset'], ['s1', 'Melanie', 'I painted a sunset']]);
    const gap = (speaker: number) => {
      const [first, second] = space.search('What did Melanie paint?', null, { k: 2, weights: { speaker, neighbour: 0 }, tiers: ['episodic'] });
      expect(first.record.provenance.speaker).toBe('Melanie');
      return first.score - second.score;
    };
    expect(gap(0.3) - gap(0)).toBeGreaterThan(0.25);
  });

  test('"when" questions prefer turns that carry a date', () => {
    const space = build([['s1', 'Al', 'the charity race was fun'], ['s2', 'Al', 'I ran the charity race last Saturday']]);
    expect(turnsOf(space, 'When did Al run the charity race?', { when: 0.3, neighbour: 0, session: 0 })[0]).toBe('T1');
    expect(turnsOf(space, 'When did Al run the charity race?', { when: 0, neighbour: 0, session: 0 })[0]).toBe('T0');
    expect(turnsOf(space, 'Why did Al run the charity race?', { when: 0.3, neighbour: 0, session: 0 })[0]).toBe('T0');
  });
});
