/**
 * The 52 ARKit face blendshapes, in Apple's documented order. Every weight vector in the avatar is a
 * Float32Array indexed by this order, so an ARKit or MediaPipe blendshape vector can drive the head.
 */
export const ARKIT_BLENDSHAPES = [
  'eyeBlinkLeft', 'eyeLookDownLeft', 'eyeLookInLeft', 'eyeLookOutLeft', 'eyeLookUpLeft', 'eyeSquintLeft', 'eyeWideLeft',
  'eyeBlinkRight', 'eyeLookDownRight', 'eyeLookInRight', 'eyeLookOutRight', 'eyeLookUpRight', 'eyeSquintRight', 'eyeWideRight',
  'jawForward', 'jawLeft', 'jawRight', 'jawOpen',
  'mouthClose', 'mouthFunnel', 'mouthPucker', 'mouthLeft', 'mouthRight',
  'mouthSmileLeft', 'mouthSmileRight', 'mouthFrownLeft', 'mouthFrownRight',
  'mouthDimpleLeft', 'mouthDimpleRight', 'mouthStretchLeft', 'mouthStretchRight',
  'mouthRollLower', 'mouthRollUpper', 'mouthShrugLower', 'mouthShrugUpper',
  'mouthPressLeft', 'mouthPressRight', 'mouthLowerDownLeft', 'mouthLowerDownRight',
  'mouthUpperUpLeft', 'mouthUpperUpRight',
  'browDownLeft', 'browDownRight', 'browInnerUp', 'browOuterUpLeft', 'browOuterUpRight',
  'cheekPuff', 'cheekSquintLeft', 'cheekSquintRight',
  'noseSneerLeft', 'noseSneerRight', 'tongueOut',
] as const;

export type ArkitBlendshape = (typeof ARKIT_BLENDSHAPES)[number];

/** Number of ARKit blendshapes (52). */
export const BLENDSHAPE_COUNT = ARKIT_BLENDSHAPES.length;

/** Index of each blendshape in a weight vector. */
export const BS = Object.fromEntries(ARKIT_BLENDSHAPES.map((name, i) => [name, i])) as Record<ArkitBlendshape, number>;

/** A sparse recipe: blendshape name to weight 0..1. */
export type BlendshapeRecipe = Partial<Record<ArkitBlendshape, number>>;

/** A fresh weight vector of 52 zeros (allocate once, reuse every frame). */
export function createWeights(): Float32Array {
  return new Float32Array(BLENDSHAPE_COUNT);
}

/** Expands a sparse recipe into a dense 52-weight vector, weights clamped to 0..1. */
export function recipeToWeights(recipe: BlendshapeRecipe, out: Float32Array = createWeights()): Float32Array {
  out.fill(0);
  for (const name of Object.keys(recipe) as ArkitBlendshape[]) {
    const index = BS[name];
    if (index === undefined) throw new Error(`unknown ARKit blendshape: ${name}`);
    out[index] = Math.min(1, Math.max(0, recipe[name] ?? 0));
  }
  return out;
}

/**
 * Copies a named blendshape vector (MediaPipe FaceLandmarker categories, ARKit dictionaries) into
 * `out` by name; names outside the ARKit 52 (MediaPipe's `_neutral`) are ignored. Allocation-free.
 */
export function weightsFromCategories(categories: ReadonlyArray<{ categoryName: string; score: number }>, out: Float32Array): Float32Array {
  out.fill(0);
  for (let i = 0; i < categories.length; i++) {
    const index = (BS as Record<string, number | undefined>)[categories[i].categoryName];
    if (index !== undefined) out[index] = Math.min(1, Math.max(0, categories[i].score));
  }
  return out;
}
