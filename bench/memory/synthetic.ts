// Synthetic memory workload shared by the Node and Chromium parts of bench:memory: seeded turns
// over a small vocabulary (so BM25 posting lists are long, a hard case) and random unit vectors
// (search latency does not depend on what the vectors mean; quality is measured elsewhere).
import type { Embedder } from '../../lib/memory/embedder';

export const DIM = 512;
export const WORDS = 'sister brother anna tom boss work job interview exam hiking park dog cat puppy cake birthday party beach trip paris london guitar painting book movie coffee run marathon nurse teacher school garden flowers rain sunny tired happy nervous proud dinner pizza sushi doctor gym yoga music concert friend wedding baby move house car bike'.split(' ');

/** A seeded generator of sentences, unit vectors and queries. */
export function createWorkload(initialSeed = 42) {
  let seed = initialSeed;
  const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const sentence = () => `I ${['went to', 'talked about', 'loved', 'planned'][Math.floor(rand() * 4)]} ${Array.from({ length: 8 }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(' ')}.`;
  const unitVector = () => {
    const v = new Float32Array(DIM);
    let norm = 0;
    for (let i = 0; i < DIM; i++) norm += (v[i] = rand() - 0.5) ** 2;
    norm = Math.sqrt(norm);
    for (let i = 0; i < DIM; i++) v[i] /= norm;
    return v;
  };
  const query = (q: number) => `what did I say about ${WORDS[q % WORDS.length]} and ${WORDS[(q * 7) % WORDS.length]}`;
  /** An embedder that returns random unit vectors (id fixed, so stored embeddings are reused on reload). */
  const embedder: Embedder = { id: 'random', dim: DIM, backend: 'none', embed: async (t) => t.map(unitVector), dispose() {} };
  return { rand, sentence, unitVector, query, embedder };
}

/** p-th percentile (nearest rank) of samples, 3 decimals. */
export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return +s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(3);
}

export const BENCH_START = Date.UTC(2023, 0, 1);
export const BENCH_NOW = Date.UTC(2024, 0, 1);
