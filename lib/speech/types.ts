/** Text-to-speech for the companion's voice. The voice issue adds on-device neural/eSpeak voices. */
export interface SpeakCallbacks {
  /** Audio (or caption pacing) actually started. */
  onStart?: () => void;
  /** Progress: how many characters of the text have been spoken so far. */
  onProgress?: (charIndex: number) => void;
  /** Output level 0..1 for lip sync, called per animation frame while speaking. */
  onLevel?: (level: number) => void;
}

export interface SpeechOutput {
  readonly id: string;
  /** Shown in the HUD, e.g. "Browser voice (on-device): Samantha" or "Captions only". */
  readonly label: string;
  /** Whether sound is produced (false: captions only). */
  readonly audible: boolean;
  /** Speaks the text; resolves when done or aborted. */
  speak(text: string, signal: AbortSignal, callbacks?: SpeakCallbacks): Promise<void>;
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
