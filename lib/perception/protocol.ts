/** Messages between the main thread and workers/vision.worker.ts. Imported by both sides. */
import type { Description } from './describer';
import type { HeadPose } from './face-features';
import type { FusedDescription } from './fused-describer';

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

/** Silero VAD model and onnxruntime-web's self-hosted wasm (scripts/copy-vendor.mjs). */
export const VAD_MODEL_URL = '/models/silero_vad.onnx';
export const ORT_WASM_BASE = '/vendor/ort/';

/** The ONNX backend a worker really runs on; 'energy' = Silero failed, an energy gate stands in. */
export type OnnxBackend = 'webgpu' | 'wasm' | 'energy';

/** Messages to workers/prosody.worker.ts. */
export type ProsodyInMessage =
  /** Silero runs on onnxruntime's WASM-only build (workers/ort-wasm-runtime.ts): no WebGPU choice. */
  | { type: 'init'; modelUrl: string; wasmBase: string }
  /**
   * 16 kHz mono samples, a multiple of 512 (32 ms blocks); `timestampMs` = capture time of the last
   * sample; `audioTime` = the same on the AudioContext clock, s (the mic frame's), when known. Transferred.
   */
  | { type: 'audio'; samples: Float32Array; timestampMs: number; audioTime?: number }
  | { type: 'reset' }
  | { type: 'dispose' };

export interface ProsodyFeaturesMessage {
  type: 'features';
  timestampMs: number;
  /** AUDIO_FEATURES order (z-scores vs the user's baseline, ratios 0..1). */
  vector: Float32Array;
  speechProb: number;
  f0Hz: number;
  loudnessDb: number;
  /** Processing time / audio time of the last batch (< 1 = faster than real time). */
  realTimeFactor: number;
}

export type ProsodyOutMessage =
  | { type: 'ready'; backend: OnnxBackend; initMs: number; detail?: string }
  | ProsodyFeaturesMessage
  /** Silero's speech probability of each 32 ms block, as soon as it is known (the turn detector's voice gate); never from the energy stand-in. */
  | { type: 'vad'; probability: number; audioTime: number | null }
  | { type: 'error'; code: 'prosody:failed'; message: string };

/** Messages to workers/fusion.worker.ts. */
export type FusionInMessage =
  | { type: 'init'; modelUrl: string; wasmBase: string; preferWebGpu: boolean }
  /** One camera frame's visual features (VISUAL_FEATURES order) or null (camera perception off). */
  | { type: 'frame'; timestampMs: number; visual: Float32Array | null }
  | { type: 'audio'; timestampMs: number; vector: Float32Array }
  | { type: 'reset' }
  | { type: 'dispose' };

export type FusionOutMessage =
  | { type: 'ready'; backend: Exclude<OnnxBackend, 'energy'>; initMs: number; detail?: string }
  | { type: 'fused'; description: FusedDescription; states: Float32Array; inferMs: number }
  | { type: 'error'; code: 'fusion:failed'; message: string };
