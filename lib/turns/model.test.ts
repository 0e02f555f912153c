import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FEATURE_COUNT, FEATURE_NAMES } from './features';
import { LexicalNetError } from './lexical-net';
import { TurnModel, TurnModelError, type TurnModelJson } from './model';

/** Two stumps: feature 0 <= 1 → -1 else +2; feature 1 <= 0.5 → 0.5 else -0.5. */
const STUMP_MODEL: TurnModelJson = {
  format: 'kin-turns-gbdt',
  version: 1,
  featureNames: ['a', 'b'],
  baseScore: 0.25,
  learningRate: 0.5,
  trees: [
    { feature: [0, -1, -1], threshold: [1, 0, 0], left: [1, 0, 0], right: [2, 0, 0], value: [0, -1, 2] },
    { feature: [1, -1, -1], threshold: [0.5, 0, 0], left: [1, 0, 0], right: [2, 0, 0], value: [0, 0.5, -0.5] },
  ],
  policy: { speculateThreshold: 0.5, commitThreshold: 0.9, minPauseMs: 50, maxPauseMs: 1900 },
};

const SHIPPED = join(__dirname, '../../public/models/turns/turn-model.json');

describe('TurnModel', () => {
  test('broken word-net weights fail when the model loads, not on the first transcript', () => {
    const brokenNet = { kind: 'gru' as const, vocabSize: 10, embedDim: 1, hiddenDim: 1, embedding: [0], weightIh: [0, 0, 0], weightHh: [0, 0, 0], biasIh: [0, 0, 0], biasHh: [0, 0, 0], out: [1], outBias: 0 };
    expect(() => new TurnModel({ ...STUMP_MODEL, lexical: brokenNet })).toThrow(LexicalNetError);
  });

  test.each([
    [[1, 0.5], 0.25 + 0.5 * (-1 + 0.5)], // both thresholds are inclusive on the left
    [[1.0001, 0.5], 0.25 + 0.5 * (2 + 0.5)],
    [[0, 0.6], 0.25 + 0.5 * (-1 - 0.5)],
  ])('scores %j as %f', (x, expected) => {
    expect(new TurnModel(STUMP_MODEL).score(x)).toBeCloseTo(expected, 12);
  });

  test('probability is the logistic of the score', () => {
    const model = new TurnModel(STUMP_MODEL);
    expect(model.floorProbability([5, 0])).toBeCloseTo(1 / (1 + Math.exp(-(0.25 + 0.5 * 2.5))), 12);
  });

  test('rejects a model for other features or format', () => {
    expect(() => new TurnModel(STUMP_MODEL, FEATURE_NAMES)).toThrow(TurnModelError);
    expect(() => new TurnModel({ ...STUMP_MODEL, format: 'onnx' as 'kin-turns-gbdt' })).toThrow(TurnModelError);
  });

  test('loads a model trained on a prefix of the features (features are only appended)', () => {
    const prefix = { ...STUMP_MODEL, featureNames: FEATURE_NAMES.slice(0, 19) };
    expect(new TurnModel(prefix, FEATURE_NAMES).featureCount).toBe(19);
    const reordered = { ...STUMP_MODEL, featureNames: [FEATURE_NAMES[1], FEATURE_NAMES[0]] };
    expect(() => new TurnModel(reordered, FEATURE_NAMES)).toThrow(TurnModelError);
  });

  test.skipIf(!existsSync(SHIPPED))('the shipped model is deterministic and matches lib/turns features', () => {
    const json = JSON.parse(readFileSync(SHIPPED, 'utf8')) as TurnModelJson;
    const a = new TurnModel(json, FEATURE_NAMES);
    const b = new TurnModel(JSON.parse(JSON.stringify(json)) as TurnModelJson, FEATURE_NAMES);
    let seed = 3;
    const x = new Float32Array(FEATURE_COUNT);
    const scores: number[] = [];
    for (let k = 0; k < 200; k++) {
      for (let i = 0; i < FEATURE_COUNT; i++) {
        seed = (seed * 16807) % 2147483647;
        x[i] = (seed / 2147483647) * 2000 - 100;
      }
      const s = a.score(x);
      expect(b.score(x)).toBe(s);
      expect(a.score(x)).toBe(s);
      scores.push(s);
    }
    // A model that ignores its input would be a constant.
    expect(new Set(scores).size).toBeGreaterThan(10);
  });
});
