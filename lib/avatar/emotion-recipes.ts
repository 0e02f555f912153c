import { createWeights, recipeToWeights, type BlendshapeRecipe } from './arkit';
import { EMOTIONS, type Emotion } from './types';

/** One emotion: ARKit weights at full intensity plus a head pose (radians) and a gaze bias (-1..1). */
export interface EmotionRecipe {
  weights: BlendshapeRecipe;
  /** Chin down (+) / up (-), radians. */
  pitch: number;
  /** Head tilt toward the subject's left shoulder (+), radians. */
  roll: number;
  /** Turn toward the subject's left (+), radians. */
  yaw: number;
  /** Gaze bias: x toward the subject's left (+), y up (+), -1..1. */
  gazeX: number;
  gazeY: number;
}

const both = (left: string, right: string, value: number) => ({ [left]: value, [right]: value });
const smile = (v: number) => both('mouthSmileLeft', 'mouthSmileRight', v);
const frown = (v: number) => both('mouthFrownLeft', 'mouthFrownRight', v);
const squint = (v: number) => both('eyeSquintLeft', 'eyeSquintRight', v);
const cheek = (v: number) => both('cheekSquintLeft', 'cheekSquintRight', v);
const blink = (v: number) => both('eyeBlinkLeft', 'eyeBlinkRight', v);
const wide = (v: number) => both('eyeWideLeft', 'eyeWideRight', v);
const outerUp = (v: number) => both('browOuterUpLeft', 'browOuterUpRight', v);
const browDown = (v: number) => both('browDownLeft', 'browDownRight', v);
const upperUp = (v: number) => both('mouthUpperUpLeft', 'mouthUpperUpRight', v);
const lowerDown = (v: number) => both('mouthLowerDownLeft', 'mouthLowerDownRight', v);
const press = (v: number) => both('mouthPressLeft', 'mouthPressRight', v);
const dimple = (v: number) => both('mouthDimpleLeft', 'mouthDimpleRight', v);
const stretch = (v: number) => both('mouthStretchLeft', 'mouthStretchRight', v);
const lookDown = (v: number) => both('eyeLookDownLeft', 'eyeLookDownRight', v);

const pose = (weights: BlendshapeRecipe, pitch = 0, roll = 0, yaw = 0, gazeX = 0, gazeY = 0): EmotionRecipe => ({ weights, pitch, roll, yaw, gazeX, gazeY });

/**
 * The twelve emotions as ARKit recipes. Each is built to read at a glance on a stylised face:
 * the mouth carries valence, brows carry attention/worry, lids carry energy, the head carries stance.
 */
export const EMOTION_ARKIT_RECIPES: Record<Emotion, EmotionRecipe> = {
  neutral: pose({ ...smile(0.06) }),
  happy: pose({ ...smile(0.85), ...cheek(0.5), ...squint(0.25), ...upperUp(0.25), ...lowerDown(0.35), jawOpen: 0.16, ...outerUp(0.2), browInnerUp: 0.1, ...dimple(0.2) }, -0.02, 0.02),
  amused: pose({ ...smile(1), ...cheek(0.85), ...squint(0.7), ...blink(0.72), jawOpen: 0.55, ...upperUp(0.4), ...lowerDown(0.5), ...outerUp(0.3), browInnerUp: 0.2 }, -0.1, 0.07),
  warm: pose({ ...smile(0.55), ...cheek(0.35), ...squint(0.35), ...blink(0.12), browInnerUp: 0.3, ...press(0.15), ...dimple(0.35) }, 0.04, 0.13),
  interested: pose({ browInnerUp: 0.45, ...outerUp(0.75), ...wide(0.55), ...smile(0.18), jawOpen: 0.05 }, 0.05, -0.06, 0, 0, 0.05),
  thinking: pose({ browDownLeft: 0.55, browOuterUpRight: 0.55, browInnerUp: 0.15, mouthPressLeft: 0.45, mouthPressRight: 0.2, mouthRight: 0.45, mouthPucker: 0.25, eyeSquintLeft: 0.35, eyeSquintRight: 0.15, mouthRollLower: 0.2 }, -0.05, 0.06, -0.12, -0.7, 0.65),
  concerned: pose({ browInnerUp: 1, ...browDown(0.45), ...frown(0.5), ...press(0.4), ...squint(0.2), mouthShrugLower: 0.2 }, 0.06, 0.1),
  sad: pose({ browInnerUp: 1, ...frown(0.85), mouthShrugLower: 0.45, ...blink(0.35), ...lookDown(0.45), mouthRollLower: 0.15, ...press(0.2) }, 0.16, -0.05, 0, 0, -0.45),
  surprised: pose({ browInnerUp: 0.95, ...outerUp(1), ...wide(1), jawOpen: 0.7, mouthFunnel: 0.45, ...lowerDown(0.25) }, -0.07, 0),
  confused: pose({ browDownLeft: 0.8, browOuterUpRight: 0.9, browInnerUp: 0.25, mouthLeft: 0.45, mouthFrownRight: 0.35, mouthPressLeft: 0.3, eyeSquintLeft: 0.5, eyeWideRight: 0.3, mouthShrugUpper: 0.2 }, 0, -0.2, 0.08, 0.2, 0),
  encouraging: pose({ ...smile(0.8), browInnerUp: 0.6, ...outerUp(0.7), ...wide(0.3), ...cheek(0.3), ...dimple(0.45), ...press(0.25), ...stretch(0.15) }, 0.12, -0.04),
  calm: pose({ ...smile(0.25), ...blink(0.48), browInnerUp: 0.08, ...cheek(0.1), mouthClose: 0.05 }, 0.05, 0.03, 0, 0, -0.15),
};

/** Dense 52-weight vectors per emotion at intensity 1 (precomputed so blending allocates nothing). */
export const EMOTION_WEIGHTS: Record<Emotion, Float32Array> = Object.fromEntries(
  EMOTIONS.map((emotion) => [emotion, recipeToWeights(EMOTION_ARKIT_RECIPES[emotion].weights, createWeights())]),
) as Record<Emotion, Float32Array>;

/** Writes `emotion` at `intensity` (0..1, clamped) into `out` (52 weights, each 0..1). Allocation-free. */
export function writeEmotionWeights(emotion: Emotion, intensity: number, out: Float32Array): Float32Array {
  const k = Math.min(1, Math.max(0, intensity));
  const source = EMOTION_WEIGHTS[emotion];
  for (let i = 0; i < out.length; i++) out[i] = source[i] * k;
  return out;
}
