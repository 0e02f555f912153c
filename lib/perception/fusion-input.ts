/**
 * Early-fusion input: per camera frame (or per audio update while the camera is off) one vector of
 * visual action-unit proxies and head/gaze cues concatenated with the time-aligned audio prosody
 * vector; the fusion model sees a sliding window of the last FUSION_WINDOW such vectors.
 */
import { blendshapeIndex, type BlendshapeName, type HeadPose } from './face-features';
import { AUDIO_FEATURES } from './prosody';

/** Visual part of the fusion vector, in order. AUx = FACS action unit proxies from ARKit blendshapes. */
export const VISUAL_FEATURES = [
  'cameraOn', 'facePresent', 'AU1_innerBrowRaise', 'AU2_outerBrowRaise', 'AU4_browLower', 'AU5_upperLidRaise', 'AU6_cheekRaise',
  'AU7_lidTighten', 'AU9_noseWrinkle', 'AU10_upperLipRaise', 'AU12_lipCornerPull', 'AU14_dimple', 'AU15_lipCornerDepress',
  'AU17_chinRaise', 'AU20_lipStretch', 'AU23_lipPress', 'AU26_jawDrop', 'AU43_eyesClosed', 'headTurn', 'headDown',
  'gazeOff', 'blinkRate', 'headMotion',
] as const;
/** Audio part: `voicePresent` (voice perception on and mic live) then the prosody vector. */
export const AUDIO_PART = ['voicePresent', ...AUDIO_FEATURES] as const;
export const FUSION_FEATURES = [...VISUAL_FEATURES, ...AUDIO_PART] as const;
export const FUSION_DIM = FUSION_FEATURES.length;
/** Vectors in the window (≈0.5–1 s of camera frames). */
export const FUSION_WINDOW = 16;

const pair = (b: ArrayLike<number>, left: BlendshapeName, right: BlendshapeName) => ((b[blendshapeIndex(left)] ?? 0) + (b[blendshapeIndex(right)] ?? 0)) / 2;
const one = (b: ArrayLike<number>, name: BlendshapeName) => b[blendshapeIndex(name)] ?? 0;

export interface VisualInput {
  faces: number;
  blendshapes: ArrayLike<number>;
  pose: HeadPose;
  gaze: { x: number; y: number };
  blinkRatePerMinute: number;
}

/**
 * Visual fusion features of one frame (null = camera perception off), written into `out` (length VISUAL_FEATURES). Action units
 * come from the ARKit blendshapes MediaPipe outputs (e.g. AU12 ≈ mouthSmile, AU6 ≈ cheekSquint).
 * `previousPose` gives head motion (degrees per frame, scaled). No face → only `cameraOn` is 1.
 */
export function visualFeatures(frame: VisualInput | null, previousPose: HeadPose | null, out: Float32Array): Float32Array {
  out.fill(0);
  if (!frame) return out;
  out[0] = 1;
  if (frame.faces < 1) return out;
  const b = frame.blendshapes;
  const values = [
    1,
    1,
    one(b, 'browInnerUp'),
    pair(b, 'browOuterUpLeft', 'browOuterUpRight'),
    pair(b, 'browDownLeft', 'browDownRight'),
    pair(b, 'eyeWideLeft', 'eyeWideRight'),
    pair(b, 'cheekSquintLeft', 'cheekSquintRight'),
    pair(b, 'eyeSquintLeft', 'eyeSquintRight'),
    pair(b, 'noseSneerLeft', 'noseSneerRight'),
    pair(b, 'mouthUpperUpLeft', 'mouthUpperUpRight'),
    pair(b, 'mouthSmileLeft', 'mouthSmileRight'),
    pair(b, 'mouthDimpleLeft', 'mouthDimpleRight'),
    pair(b, 'mouthFrownLeft', 'mouthFrownRight'),
    one(b, 'mouthShrugLower'),
    pair(b, 'mouthStretchLeft', 'mouthStretchRight'),
    pair(b, 'mouthPressLeft', 'mouthPressRight'),
    one(b, 'jawOpen'),
    pair(b, 'eyeBlinkLeft', 'eyeBlinkRight'),
    Math.min(1, Math.abs(frame.pose.yaw) / 40),
    Math.max(0, Math.min(1, -frame.pose.pitch / 30)),
    Math.min(1, Math.hypot(frame.gaze.x, frame.gaze.y)),
    // Resting rate is ~15–20 per minute; > 0 means blinking more than that.
    Math.max(-1, Math.min(2, (frame.blinkRatePerMinute - 17) / 15)),
    previousPose ? Math.min(1, (Math.abs(frame.pose.yaw - previousPose.yaw) + Math.abs(frame.pose.pitch - previousPose.pitch)) / 10) : 0,
  ];
  for (let i = 0; i < values.length; i++) out[i] = values[i];
  return out;
}

interface Stamped {
  timestampMs: number;
  vector: Float32Array;
}

/**
 * Time-aligned sliding window. Each pushed visual frame takes the newest audio vector captured at or
 * before it (sample-and-hold; audio older than `audioMaxAgeMs` counts as absent). With the camera
 * off, audio updates drive the window instead, with the visual part zero.
 */
export class FusionWindow {
  private readonly rows: Float32Array[];
  private head = 0;
  private filled = 0;
  private readonly audio: Stamped[] = [];
  private readonly visual = new Float32Array(VISUAL_FEATURES.length);
  /** Capture time of the newest row, page clock ms. */
  newestMs = 0;

  constructor(private readonly audioMaxAgeMs = 600) {
    this.rows = Array.from({ length: FUSION_WINDOW }, () => new Float32Array(FUSION_DIM));
  }

  /** Stores an audio vector (AUDIO_FEATURES order) captured at `timestampMs`. */
  pushAudio(timestampMs: number, vector: ArrayLike<number>): void {
    this.audio.push({ timestampMs, vector: Float32Array.from(vector) });
    this.audio.sort((a, b) => a.timestampMs - b.timestampMs);
    while (this.audio.length > 32) this.audio.shift();
  }

  /** Appends a row for a visual frame (VISUAL_FEATURES order, or null = camera off) at `timestampMs`. */
  pushFrame(timestampMs: number, visual: ArrayLike<number> | null): void {
    const row = this.rows[this.head];
    row.fill(0);
    if (visual) row.set(visual.length === VISUAL_FEATURES.length ? visual : this.visual, 0);
    const audio = this.audioAt(timestampMs);
    if (audio) {
      row[VISUAL_FEATURES.length] = 1;
      row.set(audio, VISUAL_FEATURES.length + 1);
    }
    this.head = (this.head + 1) % FUSION_WINDOW;
    this.filled = Math.min(FUSION_WINDOW, this.filled + 1);
    this.newestMs = Math.max(this.newestMs, timestampMs);
  }

  /** Rows so far (the model input is padded by repeating the oldest row until full). */
  get length(): number {
    return this.filled;
  }

  /** The window as a [FUSION_WINDOW × FUSION_DIM] row-major tensor, oldest first, into `out`. */
  assemble(out = new Float32Array(FUSION_WINDOW * FUSION_DIM)): Float32Array {
    if (this.filled === 0) return out.fill(0);
    const oldest = (this.head - this.filled + FUSION_WINDOW) % FUSION_WINDOW;
    for (let k = 0; k < FUSION_WINDOW; k++) {
      const back = FUSION_WINDOW - 1 - k;
      const index = back < this.filled ? (this.head - 1 - back + FUSION_WINDOW * 2) % FUSION_WINDOW : oldest;
      out.set(this.rows[index], k * FUSION_DIM);
    }
    return out;
  }

  /** Forgets all rows (e.g. after perception was switched off and on). */
  clear(): void {
    this.filled = 0;
    this.head = 0;
    this.audio.length = 0;
  }

  private audioAt(timestampMs: number): Float32Array | null {
    for (let i = this.audio.length - 1; i >= 0; i--) {
      const a = this.audio[i];
      if (a.timestampMs <= timestampMs + 5) return timestampMs - a.timestampMs <= this.audioMaxAgeMs ? a.vector : null;
    }
    return null;
  }
}
