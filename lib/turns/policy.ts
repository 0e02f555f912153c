import { FEATURE_INDEX, type TurnFeatures } from './features';
import type { TurnPolicyParams } from './model';
import type { TurnEventType } from './protocol';

/** Policy knobs that are not learned (timing of the non-model events). */
export interface TurnPolicyOptions extends TurnPolicyParams {
  /** Consecutive speech frames that start a user turn, frames of 10 ms. */
  userStartFrames: number;
  /** Pause length that emits `user-pause`, ms. */
  userPauseMs: number;
  /** Speech frames needed to resume after a pause (cancels a speculation), frames. */
  resumeFrames: number;
  /** Sustained user speech over the companion that emits `barge-in`, ms. */
  bargeInMs: number;
  /** A burst over the companion shorter than this, then silent, is a `backchannel`, ms. */
  backchannelMaxMs: number;
  /** Silence that closes a burst over the companion, ms. */
  backchannelGapMs: number;
  /** Mic level must exceed the echo estimate by this much to count during companion speech, dB. */
  echoMarginDb: number;
  /** Gain of the companion's voice while an overlap may be a barge-in (`companionGain`). */
  duckGain: number;
}

export const DEFAULT_POLICY_OPTIONS: Omit<TurnPolicyOptions, keyof TurnPolicyParams> = {
  userStartFrames: 5,
  userPauseMs: 100,
  resumeFrames: 3,
  bargeInMs: 120,
  backchannelMaxMs: 700,
  backchannelGapMs: 300,
  echoMarginDb: 10,
  duckGain: 0.15,
};

type PolicyState = 'listening' | 'user' | 'overlap' | 'yielded';

/** Turns per-frame features and the floor probability into typed turn events. */
export class TurnPolicy {
  readonly options: TurnPolicyOptions;
  state: PolicyState = 'listening';
  /** Events of the latest frame, valid for indices < emittedCount. */
  readonly emitted: TurnEventType[] = ['user-start', 'user-start', 'user-start', 'user-start'];
  emittedCount = 0;
  companionSpeaking = false;
  private pauseAnnounced = false;
  private speculating = false;
  private overlapSpeechFrames = 0;
  private overlapStartFrame = 0;
  private overlapSilentFrames = 0;
  private bargedIn = false;
  /** The user turn in progress began as a barge-in over the companion. */
  private turnFromBargeIn = false;
  private echoReferenceDb = -120;
  private echoCouplingDb = -20;

  constructor(params: TurnPolicyParams, options: Partial<TurnPolicyOptions> = {}) {
    this.options = { ...DEFAULT_POLICY_OPTIONS, ...params, ...options };
  }

  /**
   * The user gave the floor by hand (the call's "Answer now"): stop waiting for this turn's end.
   * Returns false when no user turn was in progress. Speech after it starts a new turn.
   */
  yieldFloor(): boolean {
    if (this.state !== 'user') return false;
    this.state = 'yielded';
    this.speculating = false;
    this.pauseAnnounced = false;
    return true;
  }

  /**
   * Gain the audio thread applies to the companion's voice at once, without waiting for the main
   * thread: `duckGain` while the user's speech over it may be a barge-in, 0 once that speech became
   * the user's turn (the main thread then stops the reply), 1 otherwise. Same rules as the call's
   * FloorController, which ducks and stops on the events.
   */
  companionGain(): number {
    if (!this.companionSpeaking) return 1;
    if (this.state === 'overlap' && this.bargedIn) return this.options.duckGain;
    if (this.state === 'user' && this.turnFromBargeIn) return 0;
    return 1;
  }

  /** Level of the companion's output signal, dBFS; used to ignore its echo in the mic. */
  setEchoReference(levelDb: number): void {
    this.echoReferenceDb = levelDb;
  }

  /** Advances one frame; returns how many events were written to `emitted`. */
  step(features: TurnFeatures, floorProbability: number): number {
    this.emittedCount = 0;
    const o = this.options;
    const pauseMs = features.framesSinceSpeech * 10;
    const userSpeech = this.companionSpeaking ? this.overEcho(features) : features.speech;
    switch (this.state) {
      case 'listening':
      case 'yielded':
        if (this.companionSpeaking) {
          if (userSpeech) this.enterOverlap(features);
        } else if (features.speechRun >= o.userStartFrames) {
          this.startUserTurn();
        }
        break;
      case 'overlap':
        this.stepOverlap(features, userSpeech);
        break;
      case 'user':
        if (features.speechRun >= o.resumeFrames) {
          if (this.speculating) this.emit('cancel');
          this.speculating = false;
          this.pauseAnnounced = false;
          break;
        }
        if (pauseMs === 0) break;
        if (!this.pauseAnnounced && pauseMs >= o.userPauseMs) {
          this.pauseAnnounced = true;
          this.emit('user-pause');
        }
        // Without words covering the latest speech the trees judge by prosody alone: wait longer
        // (noWordsMinPauseMs), but never past the pause that takes the floor regardless.
        const wordsCover = features.values[FEATURE_INDEX.lexAvailable] === 1;
        if (pauseMs < (wordsCover ? o.minPauseMs : Math.max(o.minPauseMs, Math.min(o.noWordsMinPauseMs ?? 0, o.maxPauseMs)))) break;
        if (!this.speculating && floorProbability >= o.speculateThreshold) {
          this.speculating = true;
          this.emit('speculate');
        }
        const commitAt = wordsCover ? o.commitThreshold : (o.noWordsCommitThreshold ?? o.commitThreshold);
        if (floorProbability >= commitAt || pauseMs >= o.maxPauseMs) {
          if (!this.speculating) this.emit('speculate');
          this.emit('commit');
          this.speculating = false;
          this.state = 'yielded';
        }
        break;
    }
    return this.emittedCount;
  }

  private overEcho(features: TurnFeatures): boolean {
    const leak = features.levelDb - this.echoReferenceDb;
    if (!features.speech) {
      // Learn how loud the companion's voice leaks into the mic while the user is silent.
      if (this.echoReferenceDb > -80) this.echoCouplingDb += (leak - this.echoCouplingDb) * 0.05;
      return false;
    }
    return this.echoReferenceDb <= -80 || leak > this.echoCouplingDb + this.options.echoMarginDb;
  }

  private enterOverlap(features: TurnFeatures): void {
    this.state = 'overlap';
    this.overlapStartFrame = features.frameIndex;
    this.overlapSpeechFrames = 1;
    this.overlapSilentFrames = 0;
    this.bargedIn = false;
  }

  private stepOverlap(features: TurnFeatures, userSpeech: boolean): void {
    const o = this.options;
    if (userSpeech) {
      this.overlapSpeechFrames++;
      this.overlapSilentFrames = 0;
    } else {
      this.overlapSilentFrames++;
    }
    const spanMs = (features.frameIndex - this.overlapStartFrame) * 10;
    if (!this.bargedIn && this.overlapSpeechFrames * 10 >= o.bargeInMs) {
      this.bargedIn = true;
      this.emit('barge-in');
    }
    const lexicalLong = features.values[12] === 1 && features.values[17] === 0 && features.values[15] > 3;
    if (this.overlapSpeechFrames * 10 >= o.backchannelMaxMs || (this.bargedIn && lexicalLong)) {
      this.startUserTurn();
      this.turnFromBargeIn = this.bargedIn;
      return;
    }
    if (this.overlapSilentFrames * 10 >= o.backchannelGapMs) {
      // Bursts shorter than 80 ms are clicks, not backchannels.
      if (this.overlapSpeechFrames >= 8 && spanMs > 0) this.emit('backchannel');
      this.state = 'yielded';
    }
  }

  private startUserTurn(): void {
    this.state = 'user';
    this.turnFromBargeIn = false;
    this.pauseAnnounced = false;
    this.speculating = false;
    this.emit('user-start');
  }

  private emit(type: TurnEventType): void {
    if (this.emittedCount < this.emitted.length) this.emitted[this.emittedCount++] = type;
  }
}
