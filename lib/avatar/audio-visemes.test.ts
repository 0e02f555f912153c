import { describe, expect, test } from 'vitest';
import { AudioVisemeEstimator, computeSpectralFeatures, createSpeechAudioFeatures, levelToVisemes } from './audio-visemes';
import { VI, VISEME_COUNT } from './visemes';

const SAMPLE_RATE = 48000;
const BINS = 1024;
const binHz = SAMPLE_RATE / 2 / BINS;

/** A dB spectrum with energy `db` in [fromHz, toHz] and silence elsewhere. */
function band(fromHz: number, toHz: number, db: number): Float32Array {
  const out = new Float32Array(BINS).fill(-140);
  for (let i = Math.round(fromHz / binHz); i <= Math.round(toHz / binHz); i++) out[i] = db;
  return out;
}

function dominant(weights: Float32Array): number {
  let best = 0;
  for (let i = 1; i < weights.length; i++) if (weights[i] > weights[best]) best = i;
  return best;
}

describe('spectral features', () => {
  test('a narrow band puts the centroid on it', () => {
    const f = computeSpectralFeatures(band(990, 1010, -40), SAMPLE_RATE, createSpeechAudioFeatures());
    expect(f.centroidHz).toBeGreaterThan(950);
    expect(f.centroidHz).toBeLessThan(1050);
    expect(f.highRatio).toBeLessThan(1e-6);
  });

  test('silence is level 0; loud is level near 1', () => {
    expect(computeSpectralFeatures(new Float32Array(BINS).fill(-Infinity), SAMPLE_RATE, createSpeechAudioFeatures()).level).toBe(0);
    expect(computeSpectralFeatures(band(200, 3000, -40), SAMPLE_RATE, createSpeechAudioFeatures()).level).toBeGreaterThan(0.9);
  });
});

describe('audio viseme estimator', () => {
  const cases: Array<[string, Float32Array, keyof typeof VI]> = [
    ['silence', new Float32Array(BINS).fill(-140), 'sil'],
    ['rounded vowel (low centroid)', band(250, 900, -45), 'O'],
    ['open vowel (mid centroid)', band(500, 2500, -45), 'aa'],
    ['spread vowel (high centroid)', band(1800, 3800, -45), 'E'],
    ['sibilant (energy above 4 kHz)', band(4500, 7500, -45), 'SS'],
  ];
  test.each(cases.map(([name, spectrum, expected]) => ({ name, spectrum, expected })))('$name → $expected', ({ spectrum, expected }) => {
    const estimator = new AudioVisemeEstimator();
    const features = computeSpectralFeatures(spectrum, SAMPLE_RATE, createSpeechAudioFeatures());
    const out = new Float32Array(VISEME_COUNT);
    for (let i = 0; i < 5; i++) estimator.estimate(features, 1 / 60, out);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(dominant(out)).toBe(VI[expected]);
  });

  test('bare level fallback: louder opens wider, silence stays shut', () => {
    const out = new Float32Array(VISEME_COUNT);
    expect(levelToVisemes(0, out)[VI.sil]).toBe(1);
    const quiet = levelToVisemes(0.2, out)[VI.aa];
    const loud = levelToVisemes(0.6, out)[VI.aa];
    expect(loud).toBeGreaterThan(quiet);
  });
});
