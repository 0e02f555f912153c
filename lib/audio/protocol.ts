/** Messages between the mic AudioWorklet and the main thread. Imported by both sides. */

/** Pipeline frame: 10 ms at 16 kHz. */
export const PIPELINE_SAMPLE_RATE = 16000;
export const FRAME_SAMPLES = 160;
export const FRAME_MS = 10;

export type MicWorkletOutMessage =
  | {
      type: 'frame';
      /** Sequence number, +1 per frame; gaps mean dropped frames. */
      seq: number;
      /** Audio-clock time of the frame's first sample, in seconds (AudioContext.currentTime base). */
      time: number;
      /** 160 mono samples at 16 kHz, transferred. */
      samples: Float32Array;
      /** RMS of the frame, 0..1. */
      rms: number;
    }
  | {
      type: 'stats';
      framesEmitted: number;
      framesDropped: number;
      /** The first render gaps: audio-clock time and input samples skipped. */
      gaps: { atSeconds: number; samples: number }[];
    }
  | { type: 'error'; message: string };

export type MicWorkletInMessage = { type: 'stats' } | { type: 'stop' };

export const MIC_WORKLET_NAME = 'kin-mic-frames';
export const MIC_WORKLET_URL = '/worklets/mic.worklet.js';
