/** Messages between the main thread and workers/vision.worker.ts. Imported by both sides. */
import type { Description } from './describer';
import type { HeadPose } from './face-features';

export type VisionInMessage =
  | { type: 'init'; modelUrl: string; wasmBase: string; preferGpu: boolean }
  | {
      type: 'frame';
      seq: number;
      /** Capture time, ms on the page clock (performance.now()). */
      timestampMs: number;
      /** Transferred; the worker closes it. */
      bitmap: ImageBitmap;
    }
  | { type: 'dispose' };

export interface FrameStats {
  seq: number;
  timestampMs: number;
  width: number;
  height: number;
  /** Mean luma 0..1 of a downscaled copy: too dark below ~0.12. */
  meanLuma: number;
  /** Worker processing time, ms. */
  processMs: number;
}

export interface FaceResult {
  faces: number;
  /** 52 MediaPipe blendshape scores of the main face (transferred). */
  blendshapes: Float32Array;
  pose: HeadPose;
  gaze: { x: number; y: number };
  blinks: number;
  blinkRatePerMinute: number;
}

export type VisionBackend = 'mediapipe-gpu' | 'mediapipe-cpu' | 'frame-stats';

export type VisionOutMessage =
  | { type: 'ready'; backend: VisionBackend; initMs: number; detail?: string }
  | { type: 'result'; stats: FrameStats; face: FaceResult | null; description: Description | null }
  | { type: 'error'; code: 'worker:start' | 'vision:failed'; message: string };

export const FACE_MODEL_URL = '/models/face_landmarker.task';
export const MEDIAPIPE_WASM_BASE = '/vendor/mediapipe';
