import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { TurnDetector } from './detector';
import type { TurnModelJson, TurnPolicyParams } from './model';
import { runDetector } from './offline';
import { policyForPatience, toTurnPatience, type TurnPatience } from './patience';
import { concat, noise, voicedSegment } from './test-signals';

const POLICY: TurnPolicyParams = {
  speculateThreshold: 0.528,
  commitThreshold: 0.88,
  minPauseMs: 30,
  maxPauseMs: 1900,
  noWordsMinPauseMs: 400,
  noWordsCommitThreshold: 0.85,
};

describe('policyForPatience', () => {
  test("'balanced' is the model's own policy", () => {
    expect(policyForPatience(POLICY, 'balanced')).toEqual(POLICY);
  });

  test("'patient' waits for a surer model and for 3 s of silence", () => {
    expect(policyForPatience(POLICY, 'patient')).toEqual({
      ...POLICY, commitThreshold: 0.96, speculateThreshold: 0.576, noWordsCommitThreshold: 0.96, maxPauseMs: 3000,
    });
  });

  test("'patient' never takes the floor sooner than a stricter model would", () => {
    const strict = { ...POLICY, commitThreshold: 0.98, noWordsCommitThreshold: undefined, maxPauseMs: 3500 };
    expect(policyForPatience(strict, 'patient')).toMatchObject({ commitThreshold: 0.98, noWordsCommitThreshold: 0.98, maxPauseMs: 3500 });
  });

  test('an unknown stored value reads as balanced', () => {
    expect(toTurnPatience('patient')).toBe('patient');
    expect(toTurnPatience('quick')).toBe('balanced');
    expect(toTurnPatience(undefined)).toBe('balanced');
  });
});

const SHIPPED = join(__dirname, '../../public/models/turns/turn-model.json');

describe.skipIf(!existsSync(SHIPPED))('patience with the shipped model', () => {
  const model = JSON.parse(existsSync(SHIPPED) ? readFileSync(SHIPPED, 'utf8') : '{}') as TurnModelJson;
  // 0.5 s quiet, 1.2 s of voice ending on a held "and", then 3.5 s of silence.
  const audio = concat(noise(0.5, 0), voicedSegment(1.2, 160, 115), noise(3.5, 0));
  const firstCommit = (patience: TurnPatience, text: string) => {
    const json = { ...model, policy: policyForPatience(model.policy, patience) };
    const commit = runDetector(new TurnDetector(json), audio, [{ text, start: 0.5, end: 1.7 }]).find((e) => e.type === 'commit');
    return commit ? commit.time - 1.7 : Infinity;
  };

  test('a held "and": balanced takes the floor after 1.9 s of silence, patient after 3 s', () => {
    const text = 'i went to the shop and';
    expect(firstCommit('balanced', text)).toBeCloseTo(1.9, 1);
    expect(firstCommit('patient', text)).toBeCloseTo(3.0, 1);
  });

  test('a question: balanced answers once its words arrive, patient never sooner', () => {
    const balanced = firstCommit('balanced', 'is that normal');
    expect(balanced).toBeLessThan(0.45);
    expect(firstCommit('patient', 'is that normal')).toBeGreaterThanOrEqual(balanced);
  });
});
