/**
 * The face interface. The avatar issue renders a three.js blendshape head behind it; until then a
 * 2D face draws the same states. Per-frame inputs are read from the avatar store, never React state.
 */
export const EMOTIONS = [
  'neutral', 'happy', 'amused', 'warm', 'interested', 'thinking',
  'concerned', 'sad', 'surprised', 'confused', 'encouraging', 'calm',
] as const;
export type Emotion = (typeof EMOTIONS)[number];

/** What the face should show this instant. Mutated in place by the loop; read inside render loops. */
export interface AvatarFrameInput {
  emotion: Emotion;
  /** 0..1 */
  emotionIntensity: number;
  /** Mouth opening from the companion's voice, 0..1. */
  speechLevel: number;
  /** Where the companion looks: 'user' (camera) or 'away' (thinking). */
  gaze: 'user' | 'away';
  /** Set by the loop for a small nod (backchannel), as a page-clock timestamp in ms. */
  nodAtMs: number;
}

export interface AvatarRenderer {
  readonly backend: 'webgl2' | 'canvas2d';
  dispose(): void;
}
