import { describe, expect, test } from 'vitest';
import { ARKIT_BLENDSHAPES } from './arkit';
import { EMOTION_ARKIT_RECIPES, EMOTION_WEIGHTS, writeEmotionWeights } from './emotion-recipes';
import { EMOTIONS } from './types';

describe('emotion recipes', () => {
  test('there are at least 12 emotions', () => {
    expect(EMOTIONS.length).toBeGreaterThanOrEqual(12);
  });

  test.each(EMOTIONS)('%s: names are ARKit, weights in 0..1, head pose gentle', (emotion) => {
    const recipe = EMOTION_ARKIT_RECIPES[emotion];
    for (const [name, value] of Object.entries(recipe.weights)) {
      expect(ARKIT_BLENDSHAPES).toContain(name);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    for (const angle of [recipe.pitch, recipe.roll, recipe.yaw]) expect(Math.abs(angle)).toBeLessThanOrEqual(0.25);
    const dense = EMOTION_WEIGHTS[emotion];
    expect(dense).toHaveLength(52);
    expect(Math.min(...dense)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...dense)).toBeLessThanOrEqual(1);
  });

  test.each([0, 0.3, 1, 1.7, -0.5])('intensity %s scales every weight within 0..1', (intensity) => {
    const out = new Float32Array(52);
    for (const emotion of EMOTIONS) {
      writeEmotionWeights(emotion, intensity, out);
      const k = Math.min(1, Math.max(0, intensity));
      out.forEach((v, i) => {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
        expect(v).toBeCloseTo(EMOTION_WEIGHTS[emotion][i] * k, 6);
      });
    }
  });

  test('every pair of emotions differs by a clearly visible amount (L1 ≥ 0.8)', () => {
    let smallest = Infinity;
    for (let a = 0; a < EMOTIONS.length; a++) {
      for (let b = a + 1; b < EMOTIONS.length; b++) {
        const wa = EMOTION_WEIGHTS[EMOTIONS[a]];
        const wb = EMOTION_WEIGHTS[EMOTIONS[b]];
        let l1 = 0;
        for (let i = 0; i < 52; i++) l1 += Math.abs(wa[i] - wb[i]);
        smallest = Math.min(smallest, l1);
      }
    }
    expect(smallest).toBeGreaterThanOrEqual(0.8);
  });
});
