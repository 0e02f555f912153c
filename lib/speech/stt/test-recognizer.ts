import { normalizeTranscript } from './text';
import type { SpeechRecognizer } from './types';

/** One word of a fixture transcript; times in seconds from the first mic frame. */
export interface TimedWord {
  w: string;
  start: number;
  end: number;
}

/** Where e2e tests put the fixture transcript: JSON `{ words: TimedWord[] }`. */
export const TEST_TRANSCRIPT_KEY = 'kin.test.transcript';

/** Each word is "recognised" this long after it ends in mic time, like the turn corpus. */
export const TEST_WORD_LAG_MS = 300;

/** The turn detector announces speech this long after its onset (5 frames of 10 ms), ms. */
export const TEST_ONSET_DELAY_MS = 50;

/** A first speech start further than this from where the fixture puts the first word is not used to align, ms. */
const TEST_ALIGN_MAX_MS = 1000;

/** A speech end re-aligns the clock on a fixture pause at most this far from it, ms. */
const TEST_REALIGN_MAX_MS = 500;

/** A gap between two fixture words at least this long is a pause the detector hears, s. */
const TEST_PAUSE_GAP_S = 0.2;

/** Longest `takeTurn` waits for mic frames up to the announced speech end, ms. */
export const TEST_FINAL_WAIT_MS = 500;

/**
 * Audio after the detector's speech end that a final decode also needs, ms: the fixture's word ends
 * are where the recording falls below -40 dBFS, which can lie a little after the detector's end.
 */
export const TEST_FINAL_TAIL_MS = 100;

/** Parses the fixture; throws an Error saying what is wrong with it. */
export function parseTestTranscript(json: string): TimedWord[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    throw new Error(`${TEST_TRANSCRIPT_KEY} is not JSON`);
  }
  const list = (data as { words?: unknown } | null)?.words;
  if (!Array.isArray(list)) throw new Error(`${TEST_TRANSCRIPT_KEY} needs {"words":[{"w","start","end"}]}`);
  return list.map((item, index) => {
    const { w, start, end } = (item ?? {}) as Partial<TimedWord>;
    if (typeof w !== 'string' || typeof start !== 'number' || typeof end !== 'number' || !(end >= start) || start < 0) {
      throw new Error(`${TEST_TRANSCRIPT_KEY}: word ${index} needs a string w and numbers 0 <= start <= end`);
    }
    return { w, start, end };
  }).sort((a, b) => a.end - b.end);
}

/**
 * Test-mode recognizer: knows the fixture's transcript and word timings, and "hears" each word
 * TEST_WORD_LAG_MS after it ends in mic time (time since the first frame pushed). Partials stream
 * the words of the current turn; `takeTurn` returns every word that has ended by now (a final
 * decode sees all the audio so far), then starts a new turn. Used only in e2e runs that set
 * localStorage['kin.test.transcript']; it recognises nothing by itself.
 */
export class TestTranscriptRecognizer implements SpeechRecognizer {
  readonly kind = 'test' as const;
  readonly label = 'Test transcript (fixture)';
  private readonly words: TimedWord[];
  /** Fixture times of the words' ends that a pause follows (and of the last word's), ms. */
  private readonly pauseEndsMs: number[];
  private readonly listeners = new Set<(text: string, heardUntilMs?: number) => void>();
  private firstFrameMs: number | null = null;
  /** Audio-clock time of the fixture's 0 s: the first frame's time until the first speech start aligns it. */
  private originMs: number | null = null;
  private aligned = false;
  private micMs = 0;
  /** Audio-clock end of the last frame pushed, and the speech end announced for the turn, ms. */
  private lastFrameEndMs = -Infinity;
  private speechEndMs: number | null = null;
  /** Index of the first word not yet part of a finished turn. */
  private turnStart = 0;
  /** Index one past the last word emitted as a partial. */
  private emitted = 0;
  private disposed = false;

  constructor(words: readonly TimedWord[]) {
    this.words = [...words].sort((a, b) => a.end - b.end);
    this.pauseEndsMs = this.words
      .filter((word, i) => i === this.words.length - 1 || this.words[i + 1].start - word.end >= TEST_PAUSE_GAP_S)
      .map((word) => word.end * 1000);
  }

  async start(): Promise<void> {
    if (this.disposed) throw new Error('recognizer disposed');
  }

  pushFrame(frame: Float32Array, timeMs: number): void {
    if (this.disposed) return;
    this.firstFrameMs ??= timeMs;
    this.originMs ??= timeMs;
    this.micMs = timeMs - this.originMs + (frame.length / 16000) * 1000;
    this.lastFrameEndMs = timeMs + (frame.length / 16000) * 1000;
    let advanced = false;
    while (this.emitted < this.words.length && this.words[this.emitted].end * 1000 + TEST_WORD_LAG_MS <= this.micMs) {
      this.emitted++;
      advanced = true;
    }
    if (advanced) this.emitPartial();
  }

  /**
   * The first speech start aligns the fixture's clock with the audio: the fake microphone starts the
   * file when the device opens, which is before the first frame the page sees by a varying amount
   * (more under load), so counting from that frame put every word late and a quick commit lost the
   * turn's last word.
   */
  speechStart(timeMs: number): void {
    if (this.aligned || this.firstFrameMs === null || this.words.length === 0) return;
    this.aligned = true;
    const firstWordMs = Math.min(...this.words.map((w) => w.start)) * 1000;
    const origin = timeMs - TEST_ONSET_DELAY_MS - firstWordMs;
    if (Math.abs(origin - this.firstFrameMs) <= TEST_ALIGN_MAX_MS) {
      this.micMs += (this.originMs ?? origin) - origin;
      this.originMs = origin;
    }
  }

  /**
   * A speech end re-aligns the clock on the fixture's nearest pause (a word followed by a gap, or the
   * last word): the first speech start can be late by most of a word when the detector started after
   * the file (a busy page), which put the turn's last word after the speech end and lost it.
   */
  speechEnd(timeMs: number): void {
    this.speechEndMs = timeMs;
    if (this.originMs === null) return;
    const atMs = timeMs - this.originMs;
    let best: number | null = null;
    for (const endMs of this.pauseEndsMs) {
      if (Math.abs(endMs - atMs) <= TEST_REALIGN_MAX_MS && (best === null || Math.abs(endMs - atMs) < Math.abs(best - atMs))) best = endMs;
    }
    if (best === null) return;
    const origin = timeMs - best;
    this.micMs += this.originMs - origin;
    this.originMs = origin;
  }

  onPartial(cb: (text: string, heardUntilMs?: number) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  async takeTurn(): Promise<string> {
    // A final decode covers the audio up to the end of speech: when the turn detector (in the audio
    // thread) decides before the main thread has passed on those frames, wait for them, briefly.
    const speechEndMs = this.speechEndMs;
    const until = speechEndMs === null ? null : speechEndMs + TEST_FINAL_TAIL_MS;
    this.speechEndMs = null;
    for (let waited = 0; until !== null && this.lastFrameEndMs < until && waited < TEST_FINAL_WAIT_MS && !this.disposed; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Once it has the audio up to the speech end, a final decode hears every word that had begun by
    // then, even one whose fixture end (where the recording falls below -40 dBFS) lies after the
    // detector's speech end by more than the tail plus the clock alignment's error.
    const endMic = speechEndMs === null || this.originMs === null ? -Infinity : speechEndMs - this.originMs;
    const speechEndMic = endMic <= this.micMs ? endMic : -Infinity;
    let end = this.emitted;
    while (end < this.words.length && (this.words[end].end * 1000 <= this.micMs || this.words[end].start * 1000 < speechEndMic)) end++;
    const text = normalizeTranscript(this.words.slice(this.turnStart, end).map((word) => word.w).join(' '));
    this.turnStart = end;
    this.emitted = Math.max(this.emitted, end);
    return text;
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
  }

  /** Milliseconds of mic audio pushed since the first frame (end of the last frame). */
  get micTimeMs(): number {
    return this.micMs;
  }

  private emitPartial(): void {
    const text = normalizeTranscript(this.words.slice(this.turnStart, this.emitted).map((word) => word.w).join(' '));
    // The fixture's word times count from the mic opening, which is the first (empty) frame's time.
    const last = this.words[this.emitted - 1];
    const heardUntilMs = last && this.originMs !== null ? this.originMs + last.end * 1000 : undefined;
    for (const listener of this.listeners) listener(text, heardUntilMs);
  }
}
