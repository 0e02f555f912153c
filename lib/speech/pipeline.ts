import { prepareSpeech, type PreparedSpeech, type SpeechOutput } from './types';

/**
 * One reply's audio queue: chunks play strictly in order, each synthesized ahead of its turn (the
 * voice's own queue runs one synthesis at a time, so the next chunk is made while this one plays).
 * A held pipeline (a speculative reply) synthesizes only its first chunk and plays nothing until
 * `release`; aborting the signal drops everything, played or not.
 */
export class SpeechPipeline {
  private readonly speech: SpeechOutput;
  private readonly signal: AbortSignal;
  private chain: Promise<void>;
  private held: boolean;
  private readonly ahead: boolean;
  private count = 0;
  private readonly waiting: (() => void)[] = [];
  /** The first chunk, synthesized while its sentence was still streaming (a guess until `add`). */
  private early: { text: string; prepared: PreparedSpeech; controller: AbortController } | null = null;

  /**
   * `after`: playback starts only once it resolves (the speculation gate). `ahead: false` makes each
   * chunk only when its turn to play comes (the eval's baseline; nothing is made while held).
   */
  constructor(speech: SpeechOutput, signal: AbortSignal, options: { held?: boolean; after?: Promise<unknown>; ahead?: boolean } = {}) {
    this.speech = speech;
    this.signal = signal;
    this.held = options.held ?? false;
    this.ahead = options.ahead ?? true;
    this.chain = (options.after ?? Promise.resolve()).then(() => undefined, () => undefined);
  }

  /**
   * Starts synthesizing what will probably be the first chunk before its sentence is complete (and
   * checked). `add` uses it only if the first chunk turns out to be exactly this text.
   */
  prefetchFirst(text: string): void {
    if (!this.ahead || this.count > 0 || this.early || this.signal.aborted) return;
    const controller = new AbortController();
    this.signal.addEventListener('abort', () => controller.abort(), { once: true });
    this.early = { text, controller, prepared: prepareSpeech(this.speech, text, controller.signal) };
  }

  /** Queues a chunk; `play` plays the prepared audio when its turn comes (never after an abort). */
  add(text: string, play: (prepared: PreparedSpeech) => Promise<void>): void {
    let prepared: PreparedSpeech | null = null;
    if (this.count === 0 && this.early) {
      if (this.early.text === text) prepared = this.early.prepared;
      else this.early.controller.abort();
      this.early = null;
    }
    const prepare = () => (prepared ??= prepareSpeech(this.speech, text, this.signal));
    // Only the first chunk of a held reply is made ahead: the rest waits for release (CPU is short).
    if (this.ahead && (!this.held || this.count === 0)) prepare();
    else if (this.ahead) this.waiting.push(prepare);
    this.count++;
    this.chain = this.chain.then(async () => {
      if (this.signal.aborted) return;
      await play(prepare());
    });
  }

  /** The reply is kept: synthesize the chunks that waited. */
  release(): void {
    this.held = false;
    for (const prepare of this.waiting.splice(0)) prepare();
  }

  /** Chunks queued so far. */
  get size(): number {
    return this.count;
  }

  /** Resolves when every chunk queued so far has played (or was dropped). */
  get done(): Promise<void> {
    return this.chain;
  }
}
