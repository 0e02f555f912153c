import { joinSegments, normalizeTranscript } from './text';
import type { SttDecodeStats } from './types';

/** Decodes 16 kHz mono audio to text (Whisper in the worker; a fake in tests). */
export type TranscribeFn = (audio: Float32Array) => Promise<string>;

export interface UtteranceOptions {
  sampleRate: number;
  /** Re-decode the growing buffer for a partial every this much audio while speaking. */
  partialIntervalMs: number;
  /** Longest window decoded at once (Whisper sees 30 s at most); longer turns are cut and stitched. */
  windowCapMs: number;
  /** Audio kept from before the speech-start hint (the VAD fires after the first syllable). */
  prerollMs: number;
  /** Shorter audio is not decoded: Whisper invents words ("you", "thank you") for near-silence. */
  minDecodeMs: number;
  /** Wall clock for decode timing (ms). */
  now: () => number;
}

export const DEFAULT_UTTERANCE_OPTIONS: UtteranceOptions = {
  sampleRate: 16000,
  partialIntervalMs: 600,
  windowCapMs: 20000,
  prerollMs: 300,
  minDecodeMs: 250,
  now: () => performance.now(),
};

export interface UtteranceEvents {
  /** `heardSamples`: samples pushed since construction that went into these words. */
  partial(text: string, heardSamples: number): void;
  stats(stats: SttDecodeStats): void;
}

/**
 * One user turn of audio for a whole-utterance recognizer (Whisper): buffers the audio from the
 * speech-start hint (plus pre-roll) until `finish()`, re-decodes the growing window for partials
 * while the user speaks (one decode in flight, never queued), cuts windows longer than the cap at
 * the quietest 100 ms of their last 4 s and stitches the committed text in front of the rest.
 */
export class UtteranceTranscriber {
  private readonly options: UtteranceOptions;
  private buffer: Float32Array;
  private length = 0;
  private inTurn = false;
  private speaking = false;
  private samplesSinceDecode = 0;
  private committed: string[] = [];
  private lastWindowText = '';
  private inFlight: Promise<void> | null = null;
  private finishing = false;
  private generation = 0;
  /** Samples pushed since construction (never reset): the stream position of the latest audio. */
  private pushed = 0;

  constructor(
    private readonly transcribe: TranscribeFn,
    private readonly events: UtteranceEvents,
    options: Partial<UtteranceOptions> = {},
  ) {
    this.options = { ...DEFAULT_UTTERANCE_OPTIONS, ...options };
    this.buffer = new Float32Array(this.samples(this.options.windowCapMs + 5000));
  }

  /** Appends mic audio (any length). */
  pushAudio(samples: Float32Array): void {
    this.pushed += samples.length;
    this.ensureCapacity(this.length + samples.length);
    this.buffer.set(samples, this.length);
    this.length += samples.length;
    if (!this.inTurn) {
      const keep = this.samples(this.options.prerollMs);
      if (this.length > keep) {
        this.buffer.copyWithin(0, this.length - keep, this.length);
        this.length = keep;
      }
      return;
    }
    if (!this.speaking) return;
    this.samplesSinceDecode += samples.length;
    if (this.inFlight || this.finishing) return;
    if (this.length >= this.samples(this.options.windowCapMs)) this.startDecode('commit');
    else if (this.samplesSinceDecode >= this.samples(this.options.partialIntervalMs)) this.startDecode('partial');
  }

  speechStart(): void {
    this.inTurn = true;
    this.speaking = true;
  }

  speechEnd(): void {
    this.speaking = false;
  }

  /** Milliseconds of audio in the current window (pre-roll included, committed windows not). */
  get windowMs(): number {
    return (this.length / this.options.sampleRate) * 1000;
  }

  /** Final text of the turn: waits for any decode in flight, decodes the rest, resets. */
  async finish(): Promise<{ text: string; audioMs: number; decodeMs: number }> {
    const generation = this.generation;
    this.finishing = true;
    try {
      while (this.inFlight) await this.inFlight;
      // Audio kept after the user paused can push the window past the cap: commit it in pieces first.
      while (this.inTurn && generation === this.generation && this.length > this.samples(this.options.windowCapMs)) {
        const before = this.length;
        this.startDecode('commit');
        while (this.inFlight) await this.inFlight;
        if (this.length === before) break; // the commit failed: decode what is there rather than loop
      }
      if (generation !== this.generation) return { text: '', audioMs: 0, decodeMs: 0 };
      let windowText = '';
      let audioMs = 0;
      let decodeMs = 0;
      if (this.inTurn && this.windowMs >= this.options.minDecodeMs) {
        audioMs = this.windowMs;
        const started = this.options.now();
        windowText = normalizeTranscript(await this.transcribe(this.buffer.slice(0, this.length)));
        decodeMs = this.options.now() - started;
        this.events.stats({ kind: 'final', audioMs, decodeMs, realTimeFactor: decodeMs / audioMs });
      }
      if (generation !== this.generation) return { text: '', audioMs: 0, decodeMs: 0 };
      const text = joinSegments([...this.committed, windowText]);
      this.reset();
      return { text, audioMs, decodeMs };
    } finally {
      this.finishing = false;
    }
  }

  /** Drops the turn (e.g. the call ended); a decode in flight is ignored when it lands. */
  reset(): void {
    this.generation++;
    this.finishing = false;
    this.inTurn = false;
    this.speaking = false;
    this.length = 0;
    this.samplesSinceDecode = 0;
    this.committed = [];
    this.lastWindowText = '';
    this.inFlight = null;
  }

  private startDecode(kind: 'partial' | 'commit'): void {
    if (this.windowMs < this.options.minDecodeMs) return;
    const generation = this.generation;
    const cut = kind === 'commit' ? this.quietestCut() : this.length;
    const audio = this.buffer.slice(0, cut);
    const audioMs = (cut / this.options.sampleRate) * 1000;
    // The window ends at the newest audio, so the words cover the stream up to (pushed - what follows the cut).
    const heardSamples = this.pushed - (this.length - cut);
    this.samplesSinceDecode = 0;
    const started = this.options.now();
    this.inFlight = this.transcribe(audio)
      .then((raw) => {
        if (generation !== this.generation) return;
        const decodeMs = this.options.now() - started;
        const text = normalizeTranscript(raw);
        this.events.stats({ kind, audioMs, decodeMs, realTimeFactor: decodeMs / audioMs });
        if (kind === 'commit') {
          this.committed.push(text);
          this.buffer.copyWithin(0, cut, this.length);
          this.length -= cut;
          this.lastWindowText = '';
        } else {
          this.lastWindowText = text;
        }
        this.events.partial(joinSegments([...this.committed, this.lastWindowText]), heardSamples);
      })
      .catch(() => {
        // A failed partial is not fatal: the final decode tries again with all the audio.
        // A failed commit keeps its audio in the window, to be cut again next time.
      })
      .finally(() => {
        if (generation === this.generation) this.inFlight = null;
      });
  }

  /** Sample index to cut the window at: the start of the quietest 100 ms in its last 4 s. */
  private quietestCut(): number {
    const block = this.samples(100);
    const searchFrom = Math.max(0, this.length - this.samples(4000));
    let best = this.length;
    let bestEnergy = Infinity;
    for (let start = searchFrom; start + block <= this.length; start += block) {
      let energy = 0;
      for (let i = start; i < start + block; i++) energy += this.buffer[i] * this.buffer[i];
      if (energy < bestEnergy) {
        bestEnergy = energy;
        best = start;
      }
    }
    return Math.max(block, best);
  }

  private samples(ms: number): number {
    return Math.round((ms / 1000) * this.options.sampleRate);
  }

  private ensureCapacity(needed: number): void {
    if (needed <= this.buffer.length) return;
    const grown = new Float32Array(Math.max(needed, this.buffer.length * 2));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}
