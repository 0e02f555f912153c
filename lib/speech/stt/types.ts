/**
 * Speech-to-text for the user's words. One interface, three providers: Whisper-class ONNX in a
 * worker (on-device), the browser's Web Speech API (audio goes to the browser vendor), and a
 * test-mode recognizer fed from a fixture's known transcript.
 */
export type RecognizerKind = 'whisper' | 'web-speech' | 'test';

export interface SpeechRecognizer {
  readonly kind: RecognizerKind;
  /** For the HUD, e.g. 'Whisper tiny.en (WASM)'. Updated once `start()` knows the backend. */
  readonly label: string;
  /** Loads the model or engine; rejects with a KinError ('model:load') carrying a clear message. */
  start(): Promise<void>;
  /** 16 kHz mono 10 ms frames from the mic worklet; `timeMs` is the frame's audio-clock time in ms. */
  pushFrame(frame: Float32Array, timeMs: number): void;
  /** Hint from the turn detector / VAD that the user started speaking (audio-clock ms). */
  speechStart(timeMs: number): void;
  /** Hint that the user stopped speaking (audio-clock ms). */
  speechEnd(timeMs: number): void;
  /**
   * Lower-case words heard so far in this turn, streamed; returns an unsubscribe function.
   * `heardUntilMs`, when the provider knows it, is the audio-clock time (ms, the clock of
   * `pushFrame`) up to which audio went into these words. Partials can arrive late (a slow decode,
   * a busy main thread): the turn detector must not take old words for the latest speech.
   */
  onPartial(cb: (text: string, heardUntilMs?: number) => void): () => void;
  /** Final lower-case text of the current user turn ('' when nothing was heard); resets for the next. */
  takeTurn(): Promise<string>;
  dispose(): void;
}

/** Model download progress, summed over all files of the model. */
export interface SttLoadProgress {
  /** Bytes received so far. */
  loadedBytes: number;
  /** Bytes expected in all (0 while unknown). */
  totalBytes: number;
  /** 0..1, or null while the total is unknown. */
  fraction: number | null;
  /** File being fetched, e.g. 'onnx/decoder_model_merged_quantized.onnx'. */
  file: string;
}

/** Speed of one decode: decodeMs / audioMs (below 1 = faster than real time). */
export interface SttDecodeStats {
  kind: 'partial' | 'final' | 'commit';
  audioMs: number;
  decodeMs: number;
  realTimeFactor: number;
}

export type SttBackend = 'webgpu' | 'wasm';
