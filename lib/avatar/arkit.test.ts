import { describe, expect, test } from 'vitest';
import { ARKIT_BLENDSHAPES, BLENDSHAPE_COUNT, BS, recipeToWeights, weightsFromCategories } from './arkit';

describe('ARKit blendshapes', () => {
  test('there are 52 unique names, indexed in order', () => {
    expect(BLENDSHAPE_COUNT).toBe(52);
    expect(new Set(ARKIT_BLENDSHAPES).size).toBe(52);
    ARKIT_BLENDSHAPES.forEach((name, i) => expect(BS[name]).toBe(i));
    expect(BS.jawOpen).toBe(17);
    expect(BS.tongueOut).toBe(51);
  });

  test('recipes expand densely and clamp to 0..1', () => {
    const w = recipeToWeights({ jawOpen: 1.4, mouthSmileLeft: -0.2, browInnerUp: 0.5 });
    expect(w[BS.jawOpen]).toBe(1);
    expect(w[BS.mouthSmileLeft]).toBe(0);
    expect(w[BS.browInnerUp]).toBeCloseTo(0.5);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1.5);
  });

  test('MediaPipe categories map by name and drop _neutral', () => {
    const out = new Float32Array(52);
    weightsFromCategories([{ categoryName: '_neutral', score: 1 }, { categoryName: 'eyeBlinkRight', score: 0.7 }], out);
    expect(out[BS.eyeBlinkRight]).toBeCloseTo(0.7);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(0.7);
  });
});
