// Synthetic but realistic knowledge chunks for latency runs (Node and Chromium share this file):
// 60–160-word passages drawn Zipf-style from a 400-word English vocabulary, with a heading path,
// and random-but-fixed (seeded) unit vectors of 512 dims standing in for USE-Lite embeddings.
import { KnowledgeIndex } from '../../lib/knowledge/search-index';

const VOCAB = (
  'the of and to in is that for it as with was on be by this are at from his an have or which not but had they one were you her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three states himself few house use during without again place around however home small found mrs thought went say part once general high upon school every don does got united left number course war until always away something fact though water less public put think almost hand enough far took head yet government system better set told nothing night end why called didn eyes find going look asked later knew point next program city business give group toward young days let room president side social given present several order national possible rather second face per among form important often things looked early white case john become large big need four within felt along children saw best church ever least power development light thing seemed family interest want members mind country area others done turned although open problem sense certain kind began law whole economic real west help words heard question service week sleep study review memory goal habit warm winter heating coat meal walk doctor water drink friend neighbour plan habit exercise breath calm routine'
).split(' ');

/** A seeded linear-congruential generator in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** Zipf-like word pick: low ranks are much more frequent. */
function word(rand: () => number): string {
  return VOCAB[Math.floor(VOCAB.length * rand() ** 2.2)];
}

/** One passage of `words` words with sentence breaks. */
export function passage(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(i % 14 === 13 ? `${word(rand)}.` : word(rand));
  return out.join(' ');
}

/** A unit vector of `dim` numbers from the generator. */
export function unitVector(rand: () => number, dim: number): Float32Array {
  const v = new Float32Array(dim);
  let norm = 0;
  for (let i = 0; i < dim; i++) norm += (v[i] = rand() - 0.5) ** 2;
  norm = Math.sqrt(norm);
  for (let i = 0; i < dim; i++) v[i] /= norm;
  return v;
}

/** Builds an index of `size` synthetic chunks (title and heading included in the indexed text). */
export function buildSyntheticIndex(size: number, dim = 512, seed = 1): KnowledgeIndex {
  const rand = seededRandom(seed);
  const index = new KnowledgeIndex(dim, size);
  for (let i = 0; i < size; i++) {
    const text = `Document ${i % 97} — ${word(rand)} ${word(rand)}\n${passage(rand, 60 + Math.floor(rand() * 100))}`;
    index.add(`d${i % 97}#${i}`, text, unitVector(rand, dim));
  }
  return index;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Search latency over `queries` synthetic questions (5–9 words + a vector), k = 5, after a warm-up,
 * in `rounds` rounds: p50/p95 are the medians of the rounds' percentiles (a busy shared machine
 * preempts single rounds), `p95_best` the lowest round's p95.
 */
export function measureSearch(index: KnowledgeIndex, queries: number, now: () => number, seed = 99, rounds = 5): { p50: number; p95: number; p95_best: number; mean: number } {
  const rand = seededRandom(seed);
  const qs = Array.from({ length: queries }, () => ({ text: `what about ${passage(rand, 5 + Math.floor(rand() * 5))}?`, vector: unitVector(rand, index.dim) }));
  for (let i = 0; i < 20; i++) index.search(qs[i % qs.length].text, qs[i % qs.length].vector, 5);
  const p50s: number[] = [];
  const p95s: number[] = [];
  let total = 0;
  const times = new Float64Array(queries);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < queries; i++) {
      const t0 = now();
      index.search(qs[i].text, qs[i].vector, 5);
      times[i] = now() - t0;
      total += times[i];
    }
    const sorted = Array.from(times).sort((a, b) => a - b);
    p50s.push(pct(sorted, 50));
    p95s.push(pct(sorted, 95));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { p50: round(median(p50s)), p95: round(median(p95s)), p95_best: round(Math.min(...p95s)), mean: round(total / (queries * rounds)) };
}
