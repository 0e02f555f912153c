/** Face features from MediaPipe FaceLandmarker output: head pose, gaze, blinks, expression cues. */

/** The 52 blendshape names in MediaPipe's output order (ARKit names, plus `_neutral` at 0). */
export const MP_BLENDSHAPES = [
  '_neutral', 'browDownLeft', 'browDownRight', 'browInnerUp', 'browOuterUpLeft', 'browOuterUpRight', 'cheekPuff',
  'cheekSquintLeft', 'cheekSquintRight', 'eyeBlinkLeft', 'eyeBlinkRight', 'eyeLookDownLeft', 'eyeLookDownRight',
  'eyeLookInLeft', 'eyeLookInRight', 'eyeLookOutLeft', 'eyeLookOutRight', 'eyeLookUpLeft', 'eyeLookUpRight',
  'eyeSquintLeft', 'eyeSquintRight', 'eyeWideLeft', 'eyeWideRight', 'jawForward', 'jawLeft', 'jawOpen', 'jawRight',
  'mouthClose', 'mouthDimpleLeft', 'mouthDimpleRight', 'mouthFrownLeft', 'mouthFrownRight', 'mouthFunnel', 'mouthLeft',
  'mouthLowerDownLeft', 'mouthLowerDownRight', 'mouthPressLeft', 'mouthPressRight', 'mouthPucker', 'mouthRight',
  'mouthRollLower', 'mouthRollUpper', 'mouthShrugLower', 'mouthShrugUpper', 'mouthSmileLeft', 'mouthSmileRight',
  'mouthStretchLeft', 'mouthStretchRight', 'mouthUpperUpLeft', 'mouthUpperUpRight', 'noseSneerLeft', 'noseSneerRight',
] as const;
export type BlendshapeName = (typeof MP_BLENDSHAPES)[number];
const INDEX = new Map<string, number>(MP_BLENDSHAPES.map((name, i) => [name, i]));

/** Index of a blendshape in MediaPipe's 52-vector. */
export function blendshapeIndex(name: BlendshapeName): number {
  return INDEX.get(name) ?? -1;
}

export interface HeadPose {
  /** Degrees; positive = turned to the user's left (the camera's right). */
  yaw: number;
  /** Degrees; positive = chin up. */
  pitch: number;
  /** Degrees; positive = head tilted toward the user's right shoulder. */
  roll: number;
}

/**
 * Head yaw/pitch/roll in degrees from a 4×4 facial transformation matrix stored column-major
 * (MediaPipe's layout), decomposed as R = Rz(roll)·Ry(yaw)·Rx(pitch).
 */
export function headPoseFromMatrix(data: ArrayLike<number>): HeadPose {
  const r = (row: number, col: number) => data[col * 4 + row];
  const deg = 180 / Math.PI;
  return {
    pitch: Math.atan2(r(2, 1), r(2, 2)) * deg,
    yaw: Math.atan2(-r(2, 0), Math.hypot(r(2, 1), r(2, 2))) * deg,
    roll: Math.atan2(r(1, 0), r(0, 0)) * deg,
  };
}

/** Gaze from eye blendshapes: x > 0 toward the user's left, y > 0 up; each about -1..1. */
export function gazeFromBlendshapes(b: ArrayLike<number>): { x: number; y: number } {
  const v = (name: BlendshapeName) => b[blendshapeIndex(name)] ?? 0;
  return {
    x: (v('eyeLookOutLeft') + v('eyeLookInRight') - v('eyeLookInLeft') - v('eyeLookOutRight')) / 2,
    y: (v('eyeLookUpLeft') + v('eyeLookUpRight') - v('eyeLookDownLeft') - v('eyeLookDownRight')) / 2,
  };
}

/** Counts blinks from eyeBlink scores with hysteresis; rejects closures too long to be blinks. */
export class BlinkDetector {
  private closedAt: number | null = null;
  private readonly times: number[] = [];
  blinks = 0;

  /** Feeds one frame: mean eyeBlink 0..1 at `timeMs`. Returns true when a blink just ended. */
  update(eyeBlink: number, timeMs: number): boolean {
    if (this.closedAt === null) {
      if (eyeBlink > 0.5) this.closedAt = timeMs;
      return false;
    }
    if (eyeBlink >= 0.3) return false;
    const closedFor = timeMs - this.closedAt;
    this.closedAt = null;
    // 40–500 ms is a blink; longer is eyes closed (tired, thinking), not counted.
    if (closedFor < 40 || closedFor > 500) return false;
    this.blinks++;
    this.times.push(timeMs);
    return true;
  }

  /** Blinks in the last 60 s, per minute (scaled up while less than a minute has passed). */
  ratePerMinute(nowMs: number, sinceMs: number): number {
    while (this.times.length && nowMs - this.times[0] > 60000) this.times.shift();
    const window = Math.min(60000, Math.max(5000, nowMs - sinceMs));
    return (this.times.length * 60000) / window;
  }

  /** True while the eyes have been closed for more than 500 ms. */
  eyesClosedLong(nowMs: number): boolean {
    return this.closedAt !== null && nowMs - this.closedAt > 500;
  }
}
