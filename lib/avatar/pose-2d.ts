import { BS } from './arkit';
import type { FacePose } from './face-pose';

/** Head and gaze fields the 2D face needs besides the weights. */
export interface PoseSource {
  readonly weights: Float32Array;
  readonly headRoll: number;
  readonly gazeX: number;
  readonly gazeY: number;
}

/** Projects 52 ARKit weights onto the 2D fallback face's pose, so both faces show the same states. */
export function poseFromWeights(source: PoseSource, out: FacePose): FacePose {
  const w = source.weights;
  // Gains > 1: the flat face has fewer cues than the 3D head, so each one is drawn a little larger.
  out.smile = 0.6 * (w[BS.mouthSmileLeft] + w[BS.mouthSmileRight]) - 0.5 * (w[BS.mouthFrownLeft] + w[BS.mouthFrownRight]);
  out.mouthOpen = Math.min(1, w[BS.jawOpen] * 1.6 + 0.3 * w[BS.mouthFunnel]);
  out.browRaise = 0.9 * w[BS.browInnerUp] + 0.2 * (w[BS.browOuterUpLeft] + w[BS.browOuterUpRight]) - 0.5 * (w[BS.browDownLeft] + w[BS.browDownRight]);
  out.eyeOpen = Math.max(0, 0.9 + 0.1 * (w[BS.eyeWideLeft] + w[BS.eyeWideRight]) * 0.5 - 0.5 * (w[BS.eyeBlinkLeft] + w[BS.eyeBlinkRight]) * 1.8 * 0.5 - 0.15 * (w[BS.eyeSquintLeft] + w[BS.eyeSquintRight]) * 0.5);
  // The 2D face is drawn as seen by the viewer: the subject's left (+x) is the viewer's right.
  out.gazeX = source.gazeX;
  out.gazeY = -source.gazeY;
  out.tilt = -source.headRoll;
  return out;
}
