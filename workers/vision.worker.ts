/// <reference lib="webworker" />
/**
 * Vision worker: camera frames (ImageBitmap, transferred) → MediaPipe FaceLandmarker (VIDEO mode,
 * blendshapes + transformation matrix; GPU delegate through an OffscreenCanvas when it works, CPU
 * otherwise) → head pose, gaze, blinks and a steady description. Frames never leave this worker.
 * If the model cannot load, it still reports picture size and brightness.
 */
import { FaceLandmarker, FilesetResolver } from '@mediapipe/tasks-vision';
import { FaceDescriber } from '../lib/perception/describer';
import { BlinkDetector, blendshapeIndex, gazeFromBlendshapes, headPoseFromMatrix } from '../lib/perception/face-features';
import { meanLuma } from '../lib/perception/frame-stats';
import type { FaceResult, VisionBackend, VisionInMessage, VisionOutMessage } from '../lib/perception/protocol';

declare const self: DedicatedWorkerGlobalScope;

// TFLite prints its start-up info ("INFO: Created TensorFlow Lite XNNPACK delegate…") on stderr,
// which lands in console.error; keep real errors, drop the info lines.
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && /^INFO: /.test(args[0])) return;
  consoleError(...args);
};

const SAMPLE = 32;
let lumaContext: OffscreenCanvasRenderingContext2D | null = null;
let landmarker: FaceLandmarker | null = null;
let lastTimestamp = -1;
let startedAt = 0;
const blinks = new BlinkDetector();
const describer = new FaceDescriber();
const BLINK_L = blendshapeIndex('eyeBlinkLeft');
const BLINK_R = blendshapeIndex('eyeBlinkRight');

function post(message: VisionOutMessage, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

async function createLandmarker(modelUrl: string, wasmBase: string, preferGpu: boolean): Promise<{ backend: VisionBackend; detail?: string }> {
  // The bundler emits this worker as a classic worker, so MediaPipe loads its classic wasm glue with importScripts.
  const fileset = await FilesetResolver.forVisionTasks(new URL(wasmBase, self.location.origin).href, false);
  const options = (delegate: 'GPU' | 'CPU') => ({
    baseOptions: { modelAssetPath: modelUrl, delegate },
    runningMode: 'VIDEO' as const,
    numFaces: 2,
    outputFaceBlendshapes: true,
    outputFacialTransformationMatrixes: true,
    ...(delegate === 'GPU' ? { canvas: new OffscreenCanvas(1, 1) } : {}),
  });
  const renderer = webglRenderer();
  // A software WebGL (SwiftShader, llvmpipe) makes the GPU delegate slower than XNNPACK on the CPU.
  if (preferGpu && renderer && /swiftshader|llvmpipe|software/i.test(renderer)) {
    landmarker = await FaceLandmarker.createFromOptions(fileset, options('CPU'));
    return { backend: 'mediapipe-cpu', detail: `GPU is software-only (${renderer.slice(0, 60)})` };
  }
  if (preferGpu && renderer) {
    try {
      landmarker = await FaceLandmarker.createFromOptions(fileset, options('GPU'));
      return { backend: 'mediapipe-gpu' };
    } catch (error) {
      landmarker = await FaceLandmarker.createFromOptions(fileset, options('CPU'));
      return { backend: 'mediapipe-cpu', detail: `GPU delegate failed: ${String(error)}` };
    }
  }
  landmarker = await FaceLandmarker.createFromOptions(fileset, options('CPU'));
  return { backend: 'mediapipe-cpu' };
}

/** The WebGL renderer string seen from this worker, or null without WebGL2 in workers. */
function webglRenderer(): string | null {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  } catch {
    return null;
  }
}

function detectFace(bitmap: ImageBitmap, timestampMs: number): FaceResult | null {
  if (!landmarker) return null;
  // MediaPipe needs strictly increasing timestamps.
  const ts = Math.max(lastTimestamp + 1, Math.round(timestampMs));
  lastTimestamp = ts;
  const result = landmarker.detectForVideo(bitmap, ts);
  const faces = result.faceLandmarks.length;
  const blendshapes = new Float32Array(52);
  const categories = result.faceBlendshapes[0]?.categories ?? [];
  for (const c of categories) if (c.index >= 0 && c.index < 52) blendshapes[c.index] = c.score;
  const matrix = result.facialTransformationMatrixes[0]?.data;
  const pose = matrix ? headPoseFromMatrix(matrix) : { yaw: 0, pitch: 0, roll: 0 };
  blinks.update(faces ? (blendshapes[BLINK_L] + blendshapes[BLINK_R]) / 2 : 0, timestampMs);
  return { faces, blendshapes, pose, gaze: gazeFromBlendshapes(blendshapes), blinks: blinks.blinks, blinkRatePerMinute: blinks.ratePerMinute(timestampMs, startedAt) };
}

self.onmessage = async (event: MessageEvent<VisionInMessage>) => {
  const message = event.data;
  if (message.type === 'init') {
    const started = performance.now();
    try {
      lumaContext = new OffscreenCanvas(SAMPLE, SAMPLE).getContext('2d', { willReadFrequently: true });
    } catch {
      lumaContext = null;
    }
    try {
      const { backend, detail } = await createLandmarker(message.modelUrl, message.wasmBase, message.preferGpu);
      post({ type: 'ready', backend, initMs: performance.now() - started, detail });
    } catch (error) {
      landmarker = null;
      post({ type: 'error', code: 'vision:failed', message: `Face tracking could not start: ${String(error)}` });
      post({ type: 'ready', backend: 'frame-stats', initMs: performance.now() - started });
    }
    return;
  }
  if (message.type === 'dispose') {
    landmarker?.close();
    landmarker = null;
    self.close();
    return;
  }
  const started = performance.now();
  const { bitmap } = message;
  if (!startedAt) startedAt = message.timestampMs;
  let luma = 0;
  if (lumaContext) {
    lumaContext.drawImage(bitmap, 0, 0, SAMPLE, SAMPLE);
    luma = meanLuma(lumaContext.getImageData(0, 0, SAMPLE, SAMPLE).data);
  }
  let face: FaceResult | null = null;
  try {
    face = detectFace(bitmap, message.timestampMs);
  } catch (error) {
    post({ type: 'error', code: 'vision:failed', message: `Face tracking stopped: ${String(error)}` });
    landmarker = null;
  }
  const description = face
    ? describer.update({
        timestampMs: message.timestampMs,
        facePresent: face.faces > 0,
        blendshapes: face.blendshapes,
        pose: face.pose,
        gaze: face.gaze,
        eyesClosedLong: blinks.eyesClosedLong(message.timestampMs),
      })
    : null;
  const stats = { seq: message.seq, timestampMs: message.timestampMs, width: bitmap.width, height: bitmap.height, meanLuma: luma, processMs: performance.now() - started };
  bitmap.close();
  post({ type: 'result', stats, face, description }, face ? [face.blendshapes.buffer] : []);
};
