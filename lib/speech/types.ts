/** Text-to-speech for the companion's voice. The voice issue adds on-device neural/eSpeak voices. */
export interface SpeakCallbacks {
  /** Audio (or caption pacing) actually started. */
  onStart?: () => void;
  /** Progress: how many characters of the text have been spoken so far. */
  onProgress?: (charIndex: number) => void;
  /** Output level 0..1 for lip sync, called per animation frame while speaking. */
  onLevel?: (level: number) => void;
  /**
   * Phoneme timings for lip sync, from voices that have them (eSpeak; not `speechSynthesis`): a
   * `start` per chunk as its audio is scheduled, and a `stop` when a chunk is cut off (abort, barge-in).
   */
  onPhonemes?: (event: PhonemeEvent) => void;
}

/** One phoneme of a chunk, ms from the chunk's first audible sample (negative: inside the skipped lead-in). */
export interface SpeechPhoneme {
  /** IPA (eSpeak), '' for a pause. */
  phoneme: string;
  startMs: number;
  durationMs: number;
}

/** What a voice tells the face about a chunk's phonemes. */
export type PhonemeEvent =
  | {
      type: 'start';
      phonemes: readonly SpeechPhoneme[];
      /** Page clock (`performance.now()`, ms) at which the chunk's first audible sample reaches the speaker. */
      audioStartMs: number;
      /** Audible length of the chunk, ms. */
      durationMs: number;
    }
  /** The chunk stopped before its end: its remaining phonemes will not be heard. */
  | { type: 'stop' };

/** A chunk of speech being synthesized (or already synthesized) that has not played yet. */
export interface PreparedSpeech {
  /** Plays it once synthesis is done; resolves when it has played, failed to, or `signal` aborted it. */
  play(signal: AbortSignal, callbacks?: SpeakCallbacks): Promise<void>;
}

export interface SpeechOutput {
  readonly id: string;
  /** Shown in the HUD, e.g. "Browser voice (on-device): Samantha" or "Captions only". */
  readonly label: string;
  /** Whether sound is produced (false: captions only). */
  readonly audible: boolean;
  /** Speaks the text; resolves when done or aborted. */
  speak(text: string, signal: AbortSignal, callbacks?: SpeakCallbacks): Promise<void>;
  /**
   * Starts synthesizing `text` now, behind chunks prepared earlier, without playing it (voices
   * that synthesize ahead). Aborting `signal` drops it, synthesized or not. Without it: `speak`.
   */
  prepare?(text: string, signal: AbortSignal): PreparedSpeech;
  /** Lowers the voice at once while the user may be barging in (true), or restores it (false). */
  duck?(ducked: boolean): void;
  /** Scales the speech rate for the next sentences, 0.8..1.1 (persona adaptation: slower when the user seems anxious). */
  setRate?(scale: number): void;
  /** Frees workers and audio; the voice cannot speak afterwards. */
  dispose?(): void;
}

/** Speech-to-text for the user's words. The voice issue provides the on-device recognizer. */
export interface SpeechInput {
  readonly id: string;
  readonly label: string;
  /** Feeds 16 kHz mono frames; emits partial and final transcripts. */
  pushFrame(samples: Float32Array): void;
  onTranscript(listener: (text: string, final: boolean) => void): () => void;
  dispose(): void;
}

/** `speech.prepare` where the voice has it; otherwise a handle that simply speaks when played. */
export function prepareSpeech(speech: SpeechOutput, text: string, signal: AbortSignal): PreparedSpeech {
  return speech.prepare?.(text, signal) ?? { play: (playSignal, callbacks) => speech.speak(text, playSignal, callbacks) };
}
