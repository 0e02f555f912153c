/// <reference lib="webworker" />
/**
 * Vision worker: receives camera frames (ImageBitmap, transferred) and reports per-frame results.
 * Today it measures the picture (size, brightness); the perception issue adds the face landmarker
 * here behind the same protocol. Frames never leave this worker.
 */
import { meanLuma } from '../lib/perception/frame-stats';
import type { VisionInMessage, VisionOutMessage } from '../lib/perception/protocol';

declare const self: DedicatedWorkerGlobalScope;

const SAMPLE = 32;
let context: OffscreenCanvasRenderingContext2D | null = null;

function post(message: VisionOutMessage): void {
  self.postMessage(message);
}

self.onmessage = (event: MessageEvent<VisionInMessage>) => {
  const message = event.data;
  if (message.type === 'init') {
    try {
      context = new OffscreenCanvas(SAMPLE, SAMPLE).getContext('2d', { willReadFrequently: true });
      post({ type: 'ready', backend: context ? 'offscreen-canvas' : 'none' });
    } catch (error) {
      post({ type: 'error', code: 'worker:start', message: String(error) });
    }
    return;
  }
  if (message.type === 'dispose') {
    context = null;
    self.close();
    return;
  }
  const started = performance.now();
  const { bitmap } = message;
  let luma = 0;
  if (context) {
    context.drawImage(bitmap, 0, 0, SAMPLE, SAMPLE);
    luma = meanLuma(context.getImageData(0, 0, SAMPLE, SAMPLE).data);
  }
  const stats = {
    seq: message.seq,
    timestampMs: message.timestampMs,
    width: bitmap.width,
    height: bitmap.height,
    meanLuma: luma,
    processMs: performance.now() - started,
  };
  bitmap.close();
  post({ type: 'result', stats });
};
