/** Messages between the main thread and workers/tts.worker.ts. Imported by both sides. */

export interface TtsTimedEvent {
  /** Milliseconds from the start of the clip. */
  ms: number;
  /** Character offset in the spoken text. */
  charIndex: number;
  /** IPA phoneme id for phoneme events ('' for a pause), '' for words. */
  phoneme: string;
}

export type TtsInMessage =
  | { type: 'init'; moduleUrl: string }
  | { type: 'speak'; id: number; text: string; voice: string; rate: number; pitch: number };

export type TtsOutMessage =
  | { type: 'ready'; sampleRate: number; initMs: number }
  | {
      type: 'audio';
      id: number;
      sampleRate: number;
      /** Mono PCM, transferred. */
      samples: Float32Array;
      words: TtsTimedEvent[];
      phonemes: TtsTimedEvent[];
      synthMs: number;
    }
  | { type: 'error'; id: number | null; message: string };

export const ESPEAK_MODULE_URL = '/vendor/espeak/espeak-ng.js';
