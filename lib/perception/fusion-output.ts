/** Names and decoding of the early-fusion model's outputs (see training/perception/build_fusion.py). */

/** The 13 named states, in the model's output order. */
export const FUSED_STATES = ['calm', 'happy', 'amused', 'interested', 'thinking', 'hesitant', 'confused', 'anxious', 'sad', 'frustrated', 'surprised', 'tired', 'distracted'] as const;
export type FusedState = (typeof FUSED_STATES)[number];

/** Evidence units of the model's hidden layer, in order (the cues are read from them). */
export const FUSION_UNITS = [
  'smile', 'duchenne', 'laugh', 'sadFace', 'surprise', 'anger', 'fear', 'disgust', 'sleepy', 'yawn', 'lookAway', 'noFace',
  'attending', 'thinking', 'knitBrow', 'browsUp', 'blinkFast', 'voiceHigh', 'voiceLow', 'voiceTense', 'hesitant',
] as const;
export type FusionUnit = (typeof FUSION_UNITS)[number];

export const FUSION_MODEL_URL = '/models/fusion/kin-fusion.onnx';

/** One run of the fusion model. */
export interface FusionOutput {
  /** Probabilities over FUSED_STATES, sum 1. */
  states: Float32Array;
  /** Valence -1..1, arousal -1..1, engagement 0..1. */
  affect: { valence: number; arousal: number; engagement: number };
  /** Evidence-unit activations (≥ 0), FUSION_UNITS order. */
  units: Float32Array;
  /** Capture time of the newest camera frame / audio block in the window, page clock ms. */
  newestMs: number;
}

/** Words for the evidence units, used as the cues behind a description. */
export const UNIT_CUES: Record<FusionUnit, string | null> = {
  smile: 'smiling',
  duchenne: 'smiling with the eyes',
  laugh: 'laughing',
  sadFace: 'mouth corners down, inner brows raised',
  surprise: 'brows raised, eyes wide',
  anger: 'brows drawn together, lips pressed',
  fear: 'eyes wide, lips stretched',
  disgust: 'nose wrinkled, upper lip raised',
  sleepy: 'eyes closing',
  yawn: 'yawning',
  lookAway: 'looking away',
  noFace: 'not in view of the camera',
  attending: null,
  thinking: 'gaze off, brows lowered',
  knitBrow: 'brows knitted',
  browsUp: 'brows raised',
  blinkFast: 'blinking a lot',
  voiceHigh: 'voice raised and lively',
  voiceLow: 'speaking softly and flatly',
  voiceTense: 'voice tense',
  hesitant: 'pausing a lot',
};

/** Index of the most probable state. */
export function topState(states: ArrayLike<number>): { state: FusedState; probability: number } {
  let best = 0;
  for (let i = 1; i < FUSED_STATES.length; i++) if (states[i] > states[best]) best = i;
  return { state: FUSED_STATES[best], probability: states[best] };
}
