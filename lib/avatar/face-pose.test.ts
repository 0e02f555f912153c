import { describe, expect, test } from 'vitest';
import { EMOTION_RECIPES, emotionForPhase, springStep } from './face-pose';
import { EMOTIONS } from './types';

describe('face pose', () => {
  test('every one of the 12 emotions has a distinct recipe', () => {
    expect(EMOTIONS).toHaveLength(12);
    const keys = new Set(EMOTIONS.map((e) => JSON.stringify(EMOTION_RECIPES[e])));
    expect(keys.size).toBe(12);
  });

  test('the spring settles without overshoot (critically damped)', () => {
    let v = 0;
    let x = 0;
    let max = 0;
    for (let i = 0; i < 120; i++) {
      [x, v] = springStep(x, v, 1, 1 / 60);
      max = Math.max(max, x);
    }
    expect(x).toBeCloseTo(1, 3);
    expect(max).toBeLessThanOrEqual(1.0001);
  });

  test('thinking looks like thinking', () => {
    expect(emotionForPhase('thinking')).toBe('thinking');
    expect(emotionForPhase('speaking')).toBe('happy');
  });
});
