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

/** A synthesized chunk as TTS workers post it (eSpeak here; Piper: piper/protocol.ts). */
export interface TtsAudioMessage {
  type: 'audio';
  id: number;
  sampleRate: number;
  /** Mono PCM, transferred. */
  samples: Float32Array;
  /** Word starts (captions), ms from the clip's first sample. */
  words: TtsTimedEvent[];
  /** Phoneme starts (lip sync, '' = pause), ms from the clip's first sample. */
  phonemes: TtsTimedEvent[];
  synthMs: number;
}

export type TtsOutMessage =
  | { type: 'ready'; sampleRate: number; initMs: number }
  | TtsAudioMessage
  | { type: 'error'; id: number | null; message: string };

export const ESPEAK_MODULE_URL = '/vendor/espeak/espeak-ng.js';
