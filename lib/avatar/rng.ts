/** A seeded pseudo-random source returning floats in [0, 1). */
export type Random = () => number;

/** Mulberry32: a tiny, fast, seedable PRNG (deterministic tests and harness runs). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform float in [min, max). */
export function uniform(random: Random, min: number, max: number): number {
  return min + (max - min) * random();
}

/** Approximately normal sample (Irwin–Hall of 4), mean 0, standard deviation 1. Allocation-free. */
export function gaussianish(random: Random): number {
  return (random() + random() + random() + random() - 2) * Math.sqrt(3);
}
