import { FEATURE_NAMES, FRAME_S, TurnFeatures } from './features';
import { lexicalCues } from './lexical';
import { TurnModel, type TurnModelJson } from './model';
import { TurnPolicy, type TurnPolicyOptions } from './policy';
import { SEGMENT_PAUSE_S, TranscriptSegmenter } from './segments';

const SEGMENT_PAUSE_FRAMES = Math.round(SEGMENT_PAUSE_S / FRAME_S);

/**
 * Features + model + policy for one microphone stream: the unit the worklet, the Node eval
 * and the tests run. `processFrame` is allocation-free.
 */
export class TurnDetector {
  readonly model: TurnModel;
  readonly policy: TurnPolicy;
  features = new TurnFeatures();
  /** Floor probability of the latest frame, 0..1 (0 while the user speaks). */
  floorProbability = 0;

  /** Set when transcripts grow over the whole turn (a live recognizer): see lib/turns/segments.ts. */
  private segmenter: TranscriptSegmenter | null;

  /**
   * `cumulativeTranscripts`: each transcript is the whole turn so far (the app's recognizers), so the
   * word model reads only the words since the latest pause, as it was trained. The eval corpora's
   * fragments are one stretch of speech each and are read whole.
   */
  constructor(model: TurnModel | TurnModelJson, options: Partial<TurnPolicyOptions> = {}, { cumulativeTranscripts = false } = {}) {
    this.model = model instanceof TurnModel ? model : new TurnModel(model, FEATURE_NAMES);
    this.policy = new TurnPolicy(this.model.policy, options);
    this.segmenter = cumulativeTranscripts ? new TranscriptSegmenter() : null;
  }

  /** Feeds one 10 ms frame (160 samples, 16 kHz); returns the number of events in `policy.emitted`. */
  processFrame(samples: Float32Array): number {
    const values = this.features.push(samples);
    // The model is trained on pause frames only; while the user speaks they hold the floor, and
    // skipping the trees there keeps a voiced frame (pitch search) from also paying for them.
    this.floorProbability = this.features.framesSinceSpeech > 0 ? this.model.floorProbability(values) : 0;
    if (this.segmenter && this.features.framesSinceSpeech === SEGMENT_PAUSE_FRAMES) {
      this.segmenter.pause(this.features.timeSeconds - SEGMENT_PAUSE_S);
    }
    return this.policy.step(this.features, this.floorProbability);
  }

  /** Posts a recognizer fragment whose speech ended at `endSeconds` of stream time (s since frame 0). */
  postTranscript(text: string, endSeconds: number): void {
    const words = this.segmenter ? this.segmenter.segment(text, endSeconds) : text;
    if (words !== null) this.features.setLexical(lexicalCues(words, this.model.lexical), endSeconds);
  }

  /** Posts the neural VAD's speech probability (Silero, 0..1) of the latest 32 ms block it has seen. */
  postVoiceActivity(probability: number): void {
    this.features.setVoiceActivity(probability);
  }

  /** The user gave the floor by hand: no commit follows for the turn in progress. */
  yieldFloor(): boolean {
    return this.policy.yieldFloor();
  }

  /** Marks the companion as speaking or silent (barge-in and backchannel gating). */
  setCompanionSpeaking(speaking: boolean): void {
    this.policy.companionSpeaking = speaking;
  }

  /** Stream time at the end of the latest frame, s. */
  get timeSeconds(): number {
    return this.features.timeSeconds;
  }

  /** Starts a new stream (allocates: call between calls, not per frame). */
  reset(): void {
    this.features = new TurnFeatures();
    this.floorProbability = 0;
    this.policy.state = 'listening';
    if (this.segmenter) this.segmenter = new TranscriptSegmenter();
  }
}
