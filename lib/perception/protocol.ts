/** Messages between the main thread and workers/vision.worker.ts. Imported by both sides. */

export type VisionInMessage =
  | { type: 'init' }
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

export type VisionOutMessage =
  | { type: 'ready'; backend: 'offscreen-canvas' | 'none' }
  | { type: 'result'; stats: FrameStats }
  | { type: 'error'; code: 'worker:start' | 'model:load'; message: string };
