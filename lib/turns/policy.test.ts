import { describe, expect, test } from 'vitest';
import { TurnDetector } from './detector';
import { FEATURE_INDEX, FEATURE_NAMES } from './features';
import type { TurnModelJson } from './model';
import { runDetector } from './offline';
import type { TurnEventType } from './protocol';
import { concat, noise, voicedSegment } from './test-signals';

/** One stump on lexEndProb: ≤ 0.5 → floor probability ≈ 0.05, above → ≈ 0.95. */
const LEXICAL_STUMP: TurnModelJson = {
  format: 'kin-turns-gbdt',
  version: 1,
  featureNames: [...FEATURE_NAMES],
  baseScore: 0,
  learningRate: 1,
  trees: [{ feature: [FEATURE_INDEX.lexEndProb, -1, -1], threshold: [0.5, 0, 0], left: [1, 0, 0], right: [2, 0, 0], value: [0, -3, 3] }],
  lexical: { bias: 0, weights: { 'C:1': -4, 'C:0': 2 } },
  policy: { speculateThreshold: 0.5, commitThreshold: 0.9, minPauseMs: 50, maxPauseMs: 1900 },
};

function types(events: { type: TurnEventType }[]): TurnEventType[] {
  return events.map((e) => e.type);
}

describe('TurnPolicy (stub model)', () => {
  const speech = concat(noise(0.5, 0), voicedSegment(1.2, 150, 120), noise(1.5, 0));

  test('yieldFloor ("Answer now") in a held pause: no commit follows for that turn, and speech after it starts a new one', () => {
    const detector = new TurnDetector(LEXICAL_STUMP);
    const signal = concat(noise(0.5, 0), voicedSegment(1.2, 150, 120), noise(1.5, 0), voicedSegment(0.6, 140, 120), noise(2.5, 0));
    let yielded: boolean | null = null;
    const events = runDetector(detector, signal, [{ text: 'i went to the shop and', start: 0.5, end: 1.7 }], (d, t) => {
      if (yielded === null && t >= 2.2) yielded = d.yieldFloor();
    });
    expect(yielded).toBe(true);
    // Without the yield the second stretch resumes the same turn (one user-start, two user-pauses).
    expect(types(events)).toEqual(['user-start', 'user-pause', 'user-start', 'user-pause', 'speculate', 'commit']);
    expect(new TurnDetector(LEXICAL_STUMP).yieldFloor()).toBe(false);
  });

  test('a pause after "and" is announced but never committed', () => {
    const events = runDetector(new TurnDetector(LEXICAL_STUMP), speech, [{ text: 'i went to the shop and', start: 0.5, end: 1.7 }]);
    expect(types(events)).toEqual(['user-start', 'user-pause']);
  });

  test('a complete clause commits once its words arrive (end + 0.3 s), after a speculate', () => {
    const events = runDetector(new TurnDetector(LEXICAL_STUMP), speech, [{ text: 'i went to the shop', start: 0.5, end: 1.7 }]);
    expect(types(events)).toEqual(['user-start', 'user-pause', 'speculate', 'commit']);
    const commit = events.find((e) => e.type === 'commit');
    expect(commit?.time).toBeGreaterThanOrEqual(2.0);
    expect(commit?.time).toBeLessThan(2.05);
  });

  test('speech after a speculate cancels it', () => {
    const model: TurnModelJson = { ...LEXICAL_STUMP, policy: { ...LEXICAL_STUMP.policy, commitThreshold: 0.99 } };
    const audio = concat(noise(0.5, 0), voicedSegment(1.2, 150, 120), noise(0.6, 0), voicedSegment(0.5, 140, 120), noise(0.3, 0));
    const events = runDetector(new TurnDetector(model), audio, [{ text: 'it was fine', start: 0.5, end: 1.7 }]);
    // The old words no longer cover the new speech, so the second pause is not speculated on.
    expect(types(events)).toEqual(['user-start', 'user-pause', 'speculate', 'cancel', 'user-pause']);
  });

  test('without words covering the latest speech, a sure model waits for noWordsMinPauseMs', () => {
    // A stump on pauseMs alone: sure of an end from 50 ms of pause on, words or not.
    const pauseStump: TurnModelJson = {
      ...LEXICAL_STUMP,
      trees: [{ feature: [FEATURE_INDEX.pauseMs, -1, -1], threshold: [40, 0, 0], left: [1, 0, 0], right: [2, 0, 0], value: [0, -3, 3] }],
    };
    const audio = concat(noise(0.5, 0), voicedSegment(1.2, 150, 120), noise(1.5, 0));
    const commitPause = (model: TurnModelJson, words: { text: string; start: number; end: number }[]) =>
      runDetector(new TurnDetector(model), audio, words).find((e) => e.type === 'commit')?.pauseMs;
    const gated: TurnModelJson = { ...pauseStump, policy: { ...pauseStump.policy, noWordsMinPauseMs: 400 } };
    expect(commitPause(pauseStump, [])).toBe(50);
    expect(commitPause(gated, [])).toBe(400);
    // Words that cover the speech lift the gate as soon as they arrive (end + 0.3 s).
    expect(commitPause(gated, [{ text: 'it was fine', start: 0.5, end: 1.7 }])).toBeLessThan(320);
  });

  test('without words covering the latest speech, noWordsCommitThreshold replaces commitThreshold', () => {
    // A stump on pauseMs alone: floor probability 0.73 from 50 ms of pause on, words or not.
    const unsure: TurnModelJson = {
      ...LEXICAL_STUMP,
      trees: [{ feature: [FEATURE_INDEX.pauseMs, -1, -1], threshold: [40, 0, 0], left: [1, 0, 0], right: [2, 0, 0], value: [0, -3, 1] }],
      policy: { ...LEXICAL_STUMP.policy, commitThreshold: 0.88, speculateThreshold: 0.5, noWordsMinPauseMs: 400 },
    };
    const audio = concat(noise(0.5, 0), voicedSegment(1.2, 150, 120), noise(2.2, 0));
    const words = [{ text: 'it was fine', start: 0.5, end: 1.7 }];
    const commitPause = (model: TurnModelJson, w: typeof words) =>
      runDetector(new TurnDetector(model), audio, w).find((e) => e.type === 'commit')?.pauseMs;
    // Under the commit threshold: only the max pause takes the floor.
    expect(commitPause(unsure, [])).toBe(1900);
    const withNoWords: TurnModelJson = { ...unsure, policy: { ...unsure.policy, noWordsCommitThreshold: 0.7 } };
    // Without words the lower threshold commits once the no-words gate opens; with words covering
    // the speech the usual threshold still applies.
    expect(commitPause(withNoWords, [])).toBe(400);
    expect(commitPause(withNoWords, words)).toBe(1900);
  });

  test('the max pause takes the floor without the model', () => {
    const audio = concat(noise(0.5, 0), voicedSegment(1.2, 150, 120), noise(2.2, 0));
    const events = runDetector(new TurnDetector(LEXICAL_STUMP), audio, []);
    const commit = events.find((e) => e.type === 'commit');
    expect(commit?.pauseMs).toBe(1900);
  });

  test('over the companion: a long utterance barges in, a short one is a backchannel', () => {
    const long = concat(noise(0.5, 0), voicedSegment(1.0, 150, 120), noise(0.5, 0));
    const detector = new TurnDetector(LEXICAL_STUMP);
    detector.setCompanionSpeaking(true);
    const events = runDetector(detector, long, []);
    expect(types(events).slice(0, 2)).toEqual(['barge-in', 'user-start']);
    const bargeIn = events[0];
    // Stops the companion within 150 ms of the speech onset at 0.5 s.
    expect(bargeIn.time - 0.5).toBeLessThan(0.15);

    const short = concat(noise(0.5, 0), voicedSegment(0.35, 150, 140), noise(0.6, 0));
    const other = new TurnDetector(LEXICAL_STUMP);
    other.setCompanionSpeaking(true);
    expect(types(runDetector(other, short, []))).toEqual(['barge-in', 'backchannel']);
  });

  test('companionGain (applied on the audio thread): 1, ducked from the barge-in, silent once it is a turn; a backchannel restores it', () => {
    const gainsOver = (audio: Float32Array) => {
      const detector = new TurnDetector(LEXICAL_STUMP);
      detector.setCompanionSpeaking(true);
      const trace: { t: number; gain: number }[] = [];
      const events = runDetector(detector, audio, [], (d, t) => trace.push({ t, gain: d.policy.companionGain() }));
      const at = (type: TurnEventType) => events.find((e) => e.type === type)?.time ?? NaN;
      const gainAt = (t: number) => trace.find((x) => x.t >= t - 1e-9)!.gain;
      return { at, gainAt, last: trace.at(-1)!.gain, first: trace[0].gain };
    };
    const long = gainsOver(concat(noise(0.5, 0), voicedSegment(1.0, 150, 120), noise(0.5, 0)));
    expect(long.first).toBe(1);
    expect(long.gainAt(long.at('barge-in'))).toBe(0.15);
    expect(long.gainAt(long.at('user-start'))).toBe(0);
    expect(long.last).toBe(0); // until the main thread says the companion stopped
    const short = gainsOver(concat(noise(0.5, 0), voicedSegment(0.35, 150, 140), noise(0.6, 0)));
    expect(short.gainAt(short.at('barge-in'))).toBe(0.15);
    expect(short.gainAt(short.at('backchannel'))).toBe(1);
    expect(short.last).toBe(1);
    // A user turn that did not start over the companion never silences it.
    const detector = new TurnDetector(LEXICAL_STUMP);
    runDetector(detector, concat(noise(0.5, 0), voicedSegment(1.0, 150, 120)), []);
    detector.setCompanionSpeaking(true);
    expect(detector.policy.companionGain()).toBe(1);
    detector.setCompanionSpeaking(false);
    expect(detector.policy.companionGain()).toBe(1);
  });
});

