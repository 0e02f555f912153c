/**
 * Who holds the floor: turns the turn detector's events (lib/turns, running in the turn worklet)
 * into call actions — start a speculative reply, keep or drop it, take the floor, let the user
 * barge in, and ignore "mm-hm". Pure logic over small ports, so it is tested in Node; the session
 * wires it to the worklet, the recognizer, the conversation and the voice.
 */
import type { TurnEvent } from '../turns/protocol';
import type { CallEvent, CallPhase } from './machine';

/** What the floor controller needs from the speech recognizer of this call. */
export interface TranscriptPort {
  /** Lower-case words heard so far in the current user turn. */
  partial(): string;
  /** Final words of the current user turn; resets for the next one. */
  takeTurn(): Promise<string>;
  speechStart(timeSeconds: number): void;
  speechEnd(timeSeconds: number): void;
}

/** The conversation's side: see Conversation in ./conversation. */
export interface ReplyPort {
  readonly replying: boolean;
  prepare(text: string): void;
  dropSpeculation(): void;
  commit(text: string): Promise<void>;
  bargeIn(): void;
}

export interface FloorDeps {
  phase(): CallPhase;
  dispatch(event: CallEvent): void;
  replies: ReplyPort;
  /** Null when no recognizer runs: turns are detected but cannot be answered by voice. */
  transcript: TranscriptPort | null;
  /** Lowers (true) or restores (false) the companion's voice while the user might be barging in. */
  duck(ducked: boolean): void;
  /** A voice turn ended but there are no words for it (no recognizer, or nothing recognised). */
  onNoWords?(reason: 'no-recognizer' | 'empty'): void;
  /** A commit, with the audio-clock time the user's speech ended and the decision time, s. */
  onCommit?(speechEndSeconds: number, commitSeconds: number): void;
  /** Every event, for the HUD trace. */
  onEvent?(event: TurnEvent): void;
}

/** Step of the detector's probability trace (TurnWorkletOutMessage 'trace'), s. */
const TRACE_STEP_S = 0.05;

export class FloorController {
  private deps: FloorDeps;
  /** The user spoke over the companion and the voice is ducked until we know what it was. */
  private bargePending = false;
  private inTurn = false;
  /** Commits in flight (awaiting the final transcript), so a late one can't answer a stale turn. */
  private commitSeq = 0;
  /** Words of a turn the user resumed before they were answered: they open the next turn. */
  private carry = '';
  /** Words the pending speculation was prepared for (null: none pending). */
  private speculated: string | null = null;
  /** Speech end of the latest user-pause in the turn (audio clock, s); null after a start. */
  private pauseSpeechEnd: number | null = null;

  constructor(deps: FloorDeps) {
    this.deps = deps;
  }

  /**
   * New partial words from the recognizer. They lag the audio (~0.3 s), so a speculation often
   * starts before the turn's last word is in; when more words arrive before the commit, the reply
   * is prepared again for them, so the commit can keep it (and its audio made ahead).
   */
  partialWords(text: string): void {
    const words = text.trim();
    if (this.speculated === null || !words || words === this.speculated) return;
    this.speculated = words;
    this.deps.replies.prepare(words);
  }

  /** The recognizer became ready (or went away). */
  setTranscript(transcript: TranscriptPort | null): void {
    this.deps = { ...this.deps, transcript };
  }

  handle(event: TurnEvent): void {
    const d = this.deps;
    d.onEvent?.(event);
    switch (event.type) {
      case 'user-start':
        if (this.bargePending) {
          // The overlap went on past a backchannel: a real barge-in. Stop the companion.
          this.bargePending = false;
          d.duck(false);
          d.replies.bargeIn();
        }
        if (!this.inTurn) {
          this.inTurn = true;
          d.transcript?.speechStart(event.time);
        }
        this.pauseSpeechEnd = null;
        d.dispatch({ type: 'user-speech-start' });
        break;
      case 'barge-in':
        if (d.replies.replying) {
          this.bargePending = true;
          d.duck(true);
        }
        break;
      case 'backchannel':
        if (this.bargePending) {
          this.bargePending = false;
          d.duck(false);
        }
        break;
      case 'user-pause':
        this.pauseSpeechEnd = event.time - event.pauseMs / 1000;
        d.transcript?.speechEnd(this.pauseSpeechEnd);
        break;
      case 'speculate':
        if (d.transcript) {
          const words = d.transcript.partial().trim();
          if (words) {
            this.speculated = words;
            d.replies.prepare(words);
          }
        }
        break;
      case 'cancel':
        this.speculated = null;
        d.replies.dropSpeculation();
        break;
      case 'commit':
        // A commit with no user turn in progress is the detector's (or the energy gate's) late one
        // for a turn the user already handed over with "Answer now".
        if (this.inTurn) void this.commit(event);
        break;
    }
  }

  /** True while the user holds a turn that has not been committed: "Answer now" can end it. */
  get userTurnOpen(): boolean {
    return this.inTurn;
  }

  /**
   * The user asked for the answer by hand ("Answer now"): commit the turn in progress as the
   * detector would. `lastSpeechAt` is the audio-clock time of the latest speech the detector's
   * trace showed (50 ms steps), null if unknown: when it lies after the latest user-pause the user
   * had resumed, and the turn ends there. Returns false when no user turn is open.
   */
  answerNow(now: number, lastSpeechAt: number | null): boolean {
    if (!this.inTurn) return false;
    const pauseEnd = this.pauseSpeechEnd;
    const resumed = pauseEnd === null || (lastSpeechAt !== null && lastSpeechAt > pauseEnd + TRACE_STEP_S);
    const speechEnd = resumed ? Math.min(now, lastSpeechAt ?? now) : pauseEnd;
    this.handle({ type: 'commit', time: now, floorProbability: 1, pauseMs: Math.max(0, Math.round((now - speechEnd) * 1000)) });
    return true;
  }

  private async commit(event: TurnEvent): Promise<void> {
    const d = this.deps;
    this.inTurn = false;
    this.speculated = null;
    const speechEnd = event.time - event.pauseMs / 1000;
    d.onCommit?.(speechEnd, event.time);
    if (!d.transcript) {
      d.replies.dropSpeculation();
      d.dispatch({ type: 'user-speech-end', hasTranscript: false });
      d.onNoWords?.('no-recognizer');
      return;
    }
    const seq = ++this.commitSeq;
    d.transcript.speechEnd(speechEnd);
    let words = '';
    try {
      words = (await d.transcript.takeTurn()).trim();
    } catch {
      words = '';
    }
    words = [this.carry, words].filter(Boolean).join(' ');
    this.carry = '';
    // The user went on while the recognizer finished: these words open the turn that follows.
    if (seq !== this.commitSeq || this.inTurn) {
      this.carry = words;
      return;
    }
    if (!words) {
      d.replies.dropSpeculation();
      d.dispatch({ type: 'user-speech-end', hasTranscript: false });
      d.onNoWords?.('empty');
      return;
    }
    d.dispatch({ type: 'user-speech-end', hasTranscript: true });
    await d.replies.commit(words);
  }
}
