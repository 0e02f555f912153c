import { KinError } from '../../errors';
import { normalizeTranscript } from './text';
import type { SpeechRecognizer } from './types';

/** The slice of the (webkit)SpeechRecognition API used here. */
export interface WebSpeechRecognitionLike {
  continuous: boolean;
  interimResults: boolean;
  lang: string;
  onresult: ((event: { resultIndex: number; results: ArrayLike<{ isFinal: boolean; 0: { transcript: string } }> }) => void) | null;
  onerror: ((event: { error: string; message?: string }) => void) | null;
  onend: (() => void) | null;
  onstart: (() => void) | null;
  start(): void;
  stop(): void;
  abort(): void;
}

export type WebSpeechConstructor = new () => WebSpeechRecognitionLike;

/** The browser's recognizer class, or null where there is none (Firefox, most WebViews). */
export function webSpeechConstructor(scope: unknown = globalThis): WebSpeechConstructor | null {
  const s = scope as { SpeechRecognition?: WebSpeechConstructor; webkitSpeechRecognition?: WebSpeechConstructor };
  return s.SpeechRecognition ?? s.webkitSpeechRecognition ?? null;
}

const FATAL: Record<string, string> = {
  'not-allowed': 'the browser blocked speech recognition (microphone permission)',
  'service-not-allowed': 'the browser does not allow its speech service on this page',
  'audio-capture': 'the browser could not open the microphone for speech recognition',
  'language-not-supported': 'the browser cannot recognise this language',
};

/**
 * The browser's own speech recognition (Chrome: `webkitSpeechRecognition`). It opens the mic by
 * itself and, in Chrome, sends the audio to the browser vendor's servers, so it is offered only
 * when the user allowed cloud processing. Continuous with interim results; restarted when the
 * browser ends a session on its own (it does after silence).
 */
export class WebSpeechRecognizer implements SpeechRecognizer {
  readonly kind = 'web-speech' as const;
  readonly label = 'Browser speech recognition (audio goes to the browser vendor)';
  private recognition: WebSpeechRecognitionLike | null = null;
  private readonly listeners = new Set<(text: string) => void>();
  /** Results of the browser's current session (final and interim), by result index. */
  private sessionResults: string[] = [];
  /** Session results before this index belong to turns already taken. */
  private consumedUpTo = 0;
  /** Words of this turn from earlier sessions (the browser restarts after silences). */
  private carried: string[] = [];
  private running = false;
  private stopped = false;

  constructor(private readonly Recognition: WebSpeechConstructor, private readonly lang = 'en-US') {}

  start(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const recognition = new this.Recognition();
      recognition.continuous = true;
      recognition.interimResults = true;
      recognition.lang = this.lang;
      let started = false;
      recognition.onstart = () => {
        this.running = true;
        if (!started) {
          started = true;
          resolve();
        }
      };
      recognition.onresult = (event) => {
        for (let i = event.resultIndex; i < event.results.length; i++) this.sessionResults[i] = event.results[i][0].transcript;
        this.sessionResults.length = event.results.length;
        this.emit();
      };
      recognition.onerror = (event) => {
        const reason = FATAL[event.error];
        if (!reason) return; // 'no-speech', 'aborted', 'network' blips: onend restarts it
        this.stopped = true;
        const error = new KinError('model:load', `Browser speech recognition is off: ${reason}.`);
        if (!started) reject(error);
      };
      recognition.onend = () => {
        this.running = false;
        this.carried.push(...this.sessionResults.slice(this.consumedUpTo));
        this.sessionResults = [];
        this.consumedUpTo = 0;
        // Chrome ends continuous sessions after a silence; keep listening for the whole call.
        if (!this.stopped) {
          try {
            recognition.start();
          } catch {
            this.stopped = true;
          }
        }
      };
      this.recognition = recognition;
      try {
        recognition.start();
      } catch (error) {
        reject(new KinError('model:load', `Browser speech recognition could not start: ${error instanceof Error ? error.message : String(error)}`));
      }
    });
  }

  /** The browser listens to the mic itself; the pipeline frames are not needed. */
  pushFrame(): void {}

  speechStart(): void {}

  speechEnd(): void {}

  onPartial(cb: (text: string) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /**
   * Words heard since the last turn, interim ones included (the browser finalises late); results
   * already taken are never counted again, even when the browser revises them afterwards.
   */
  async takeTurn(): Promise<string> {
    const text = this.currentText();
    this.carried = [];
    this.consumedUpTo = this.sessionResults.length;
    return text;
  }

  /** Whether the browser's recognizer is running now (it restarts after silences). */
  get listening(): boolean {
    return this.running;
  }

  dispose(): void {
    this.stopped = true;
    this.listeners.clear();
    try {
      this.recognition?.abort();
    } catch {
      // already stopped
    }
    this.recognition = null;
  }

  private currentText(): string {
    return normalizeTranscript([...this.carried, ...this.sessionResults.slice(this.consumedUpTo)].join(' '));
  }

  private emit(): void {
    const text = this.currentText();
    for (const listener of this.listeners) listener(text);
  }
}
