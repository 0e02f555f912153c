import { PitchTracker } from './pitch';
import type { LexicalCues } from './lexical';

/**
 * Per-frame turn-taking features. One instance per microphone stream; `push` is
 * allocation-free and writes the frame's feature vector into `values`.
 */
export const FEATURE_NAMES = [
  'energyDb', // frame level above the noise floor, dB 0..80
  'voiceProb', // smoothed voice-activity estimate, 0..1
  'pauseMs', // time since the last speech frame, ms (0 while speaking)
  'turnMs', // speech span of the current turn, ms
  'ipuMs', // speech span since the last pause ≥ 200 ms, ms
  'lastF0St', // F0 at the end of the last voiced stretch, semitones re the speaker's mean
  'f0SlopeStPerS', // F0 slope over the final ≤ 200 ms of voicing, semitones/s
  'f0EndVsIpuSt', // final F0 minus the IPU's mean F0, semitones
  'energyDecayDbPerS', // energy slope over the last 150 ms of speech, dB/s
  'lastVoicedMs', // duration of the final voiced stretch (final lengthening), ms
  'voicedRate', // voiced onsets per second in the IPU (speaking-rate proxy)
  'finalEnergyRelDb', // mean level of the last 50 ms of speech minus the IPU mean, dB
  'lexAvailable', // 1 when a recognizer fragment covers the latest speech
  'lexLastClass', // WordClass of the fragment's last word, -1 when unavailable
  'lexFirstClass', // WordClass of its first word, -1 when unavailable
  'lexWordCount', // words in the fragment, -1 when unavailable
  'lexQuestion', // 1 when it reads as a question, -1 when unavailable
  'lexBackchannel', // 1 for "yeah / mm hm / right", -1 when unavailable
  'lexEndProb', // learned word-level probability that the fragment ends a turn, -1 when unavailable
  // Speaker-normalized prosody (appended in v2; a model trained on the first 19 still loads).
  'f0FinalDeltaSt', // mean F0 of the final 60 ms of voicing minus that 100..300 ms before, semitones
  'f0AboveLowSt', // final F0 above the speaker's running F0 floor, semitones
  'finalLengtheningRatio', // final voiced stretch / mean voiced stretch of the IPU
  'finalLevelVsSpeakerDb', // level of the last 50 ms of speech minus the speaker's running speech level, dB
  'ipuMaxGapMs', // longest silence (< 200 ms) inside the current IPU: a comma pause before a tail phrase, ms
  'ipuGapCount', // silences of 60..200 ms inside the current IPU
  'lexWordsPerIpuS', // fragment words per second of the final IPU (high: the IPU is only its tail), -1 when unavailable
] as const;
export const FEATURE_COUNT = FEATURE_NAMES.length;
export const FEATURE_INDEX = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, i])) as Record<
  (typeof FEATURE_NAMES)[number],
  number
>;

/** Duration of one frame, s (160 samples at 16 kHz). */
export const FRAME_S = 0.01;
const F0_RING = 20;
/** Longer F0 history for the final rise/fall (v2 features), voiced frames. */
const F0_LONG_RING = 40;
const DB_RING = 15;
const IPU_GAP_FRAMES = 20;
const MIN_VOICED_RUN = 3;
const TURN_GAP_FRAMES = 150;
/** A fragment counts as covering the latest speech if it ends at most this long before it. */
const LEXICAL_TOLERANCE_FRAMES = 30;
/**
 * Voice-activity gate (session 13): a frame the energy rule calls speech but that is this far
 * below the speaker's running speech level counts only while the neural VAD (Silero, posted from
 * the perception worker every 32 ms) says speech. Other voices in the room reach a headset or a
 * laptop mic 20-35 dB below the user and restart the pause clock otherwise.
 */
export const VAD_FAR_DB = 10;
/** Neural VAD probability under which a far frame is not speech. */
export const VAD_SPEECH_PROB = 0.5;
/** The gate holds only while the latest VAD value is this recent (frames): a stalled worker turns it off. */
export const VAD_FRESH_FRAMES = 20;
/** Speech frames before the speaker's level is trusted for the gate. */
const VAD_MIN_SPEAKER_FRAMES = 100;

export class TurnFeatures {
  /** The feature vector of the latest frame (FEATURE_NAMES order). */
  readonly values = new Float32Array(FEATURE_COUNT);
  /** Frames pushed so far. */
  frameIndex = 0;
  /** True when the latest frame was speech. */
  speech = false;
  /** Frames since the last speech frame (0 while speaking). */
  framesSinceSpeech = 1e6;
  /** Frame index where the current turn's first speech was. */
  turnStartFrame = -1;
  /** Frame index of the last speech frame, -1 before any speech. */
  lastSpeechFrame = -1;
  /** Consecutive speech frames up to the latest one. */
  speechRun = 0;
  /** Latest frame level, dBFS. */
  levelDb = -100;
  noiseFloorDb = -70;
  /** Latest F0 estimate in Hz, 0 when unvoiced. */
  f0Hz = 0;

  private readonly pitch = new PitchTracker();
  private voiceProb = 0;
  private speakerMeanSt = 0;
  private speakerVoicedFrames = 0;
  private ipuStartFrame = -1;
  private ipuF0Sum = 0;
  private ipuF0Count = 0;
  private ipuDbSum = 0;
  private ipuDbCount = 0;
  private ipuVoicedOnsets = 0;
  private voicedRun = 0;
  private lastVoicedRunFrames = 0;
  private previousVoiced = false;
  private readonly f0Ring = new Float32Array(F0_RING);
  private readonly f0RingFrame = new Float64Array(F0_RING);
  private f0RingCount = 0;
  private f0RingHead = 0;
  private readonly dbRing = new Float32Array(DB_RING);
  private dbRingCount = 0;
  private dbRingHead = 0;
  // Prosody frozen at the last speech frame.
  private lastF0St = 0;
  private f0Slope = 0;
  private f0EndVsIpu = 0;
  private energyDecay = 0;
  private finalEnergyRel = 0;
  // Lexical channel.
  private lexEndFrame = -1e9;
  private lexLast = 0;
  private lexFirst = 0;
  private lexWords = 0;
  private lexQuestion = 0;
  private lexBackchannel = 0;
  private lexEndProb = 0.5;
  // v2 prosody.
  private readonly f0Long = new Float32Array(F0_LONG_RING);
  private readonly f0LongFrame = new Float64Array(F0_LONG_RING);
  private f0LongCount = 0;
  private f0LongHead = 0;
  private speakerLowSt = 0;
  private speakerLevelDb = -30;
  private speakerSpeechFrames = 0;
  private ipuVoicedFrames = 0;
  private f0FinalDelta = 0;
  private f0AboveLow = 0;
  private finalLengthening = 1;
  private finalLevelVsSpeaker = 0;
  private ipuMaxGap = 0;
  private ipuGaps = 0;
  // Neural voice activity (setVoiceActivity): latest probability and the frame it arrived at.
  private vadProbability = 1;
  private vadFrame = -1e9;
  /** Frames the voice-activity gate has turned from speech into silence (diagnostics). */
  gatedFrames = 0;

  /** Feeds one 10 ms frame (160 samples at 16 kHz, -1..1) and updates `values`. */
  push(samples: Float32Array): Float32Array {
    let sumSquares = 0;
    for (let i = 0; i < samples.length; i++) sumSquares += samples[i] * samples[i];
    const rms = Math.sqrt(sumSquares / Math.max(1, samples.length));
    const db = 20 * Math.log10(rms + 1e-9);
    this.levelDb = db;
    const frame = this.frameIndex;
    if (frame === 0) this.noiseFloorDb = Math.min(db, -40);
    const floorRate = db < this.noiseFloorDb ? 0.2 : this.speech ? 0.0003 : 0.003;
    this.noiseFloorDb += (db - this.noiseFloorDb) * floorRate;
    if (this.noiseFloorDb < -90) this.noiseFloorDb = -90;
    const aboveFloor = db - this.noiseFloorDb;

    this.pitch.push(samples);
    const f0 = aboveFloor > 6 && db > -65 ? this.pitch.estimate() : 0;
    this.f0Hz = f0;
    const voiced = f0 > 0;
    let isSpeech = db > -62 && (aboveFloor > 10 || (voiced && aboveFloor > 5));
    if (
      isSpeech &&
      this.vadProbability < VAD_SPEECH_PROB &&
      frame - this.vadFrame <= VAD_FRESH_FRAMES &&
      this.speakerSpeechFrames >= VAD_MIN_SPEAKER_FRAMES &&
      db < this.speakerLevelDb - VAD_FAR_DB
    ) {
      isSpeech = false;
      this.gatedFrames++;
    }
    this.voiceProb += ((isSpeech ? 1 : 0) - this.voiceProb) * 0.3;

    if (isSpeech) {
      const gap = this.framesSinceSpeech;
      if (this.lastSpeechFrame < 0 || gap > TURN_GAP_FRAMES) this.turnStartFrame = frame;
      if (this.lastSpeechFrame < 0 || gap > IPU_GAP_FRAMES) this.startIpu(frame);
      else if (gap > 0) {
        if (gap > this.ipuMaxGap) this.ipuMaxGap = gap;
        if (gap >= 6) this.ipuGaps++;
      }
      this.lastSpeechFrame = frame;
      this.framesSinceSpeech = 0;
      this.speechRun++;
      this.ipuDbSum += db;
      this.ipuDbCount++;
      this.speakerSpeechFrames++;
      this.speakerLevelDb += (db - this.speakerLevelDb) * (this.speakerSpeechFrames < 100 ? 1 / this.speakerSpeechFrames : 0.01);
      this.dbRing[this.dbRingHead] = db;
      this.dbRingHead = (this.dbRingHead + 1) % DB_RING;
      if (this.dbRingCount < DB_RING) this.dbRingCount++;
      if (voiced) {
        const semitones = 12 * Math.log2(f0 / 100);
        if (this.speakerVoicedFrames === 0) this.speakerMeanSt = semitones;
        this.speakerVoicedFrames++;
        this.speakerMeanSt += (semitones - this.speakerMeanSt) * (this.speakerVoicedFrames < 50 ? 1 / this.speakerVoicedFrames : 0.02);
        if (!this.previousVoiced) this.ipuVoicedOnsets++;
        this.voicedRun++;
        this.ipuVoicedFrames++;
        // Voiced runs shorter than 30 ms are mostly fricatives and clicks: keep them out of F0 cues.
        if (this.voicedRun >= MIN_VOICED_RUN) {
          this.ipuF0Sum += semitones;
          this.ipuF0Count++;
          this.f0Ring[this.f0RingHead] = semitones;
          this.f0RingFrame[this.f0RingHead] = frame;
          this.f0RingHead = (this.f0RingHead + 1) % F0_RING;
          if (this.f0RingCount < F0_RING) this.f0RingCount++;
          this.lastVoicedRunFrames = this.voicedRun;
          this.f0Long[this.f0LongHead] = semitones;
          this.f0LongFrame[this.f0LongHead] = frame;
          this.f0LongHead = (this.f0LongHead + 1) % F0_LONG_RING;
          if (this.f0LongCount < F0_LONG_RING) this.f0LongCount++;
          // Running F0 floor: drops fast to lower values, creeps up slowly.
          if (this.speakerVoicedFrames <= 1) this.speakerLowSt = semitones;
          else this.speakerLowSt += (semitones - this.speakerLowSt) * (semitones < this.speakerLowSt ? 0.05 : 0.002);
        }
      }
      this.freezeProsody();
    } else {
      this.framesSinceSpeech++;
      this.speechRun = 0;
    }
    if (!voiced) this.voicedRun = 0;
    this.previousVoiced = voiced;
    this.speech = isSpeech;
    this.frameIndex++;
    this.writeValues(aboveFloor);
    return this.values;
  }

  /** Posts a recognizer fragment (any text) whose speech ended at `endSeconds` of stream time. */
  setLexical(cues: LexicalCues, endSeconds: number): void {
    this.lexEndFrame = Math.round(endSeconds / FRAME_S);
    this.lexLast = cues.lastClass;
    this.lexFirst = cues.firstClass;
    this.lexWords = cues.wordCount;
    this.lexQuestion = cues.question;
    this.lexBackchannel = cues.backchannel;
    this.lexEndProb = cues.endProbability;
  }

  /**
   * Posts the neural VAD's speech probability of the latest audio it has seen (0..1). Until the
   * first call, and whenever the latest is older than VAD_FRESH_FRAMES, the energy rule decides alone.
   */
  setVoiceActivity(probability: number): void {
    this.vadProbability = probability;
    this.vadFrame = this.frameIndex;
  }

  /** True while the latest neural VAD value is recent enough for the voice gate to act. */
  get voiceGateLive(): boolean {
    return this.frameIndex - this.vadFrame <= VAD_FRESH_FRAMES;
  }

  /** Stream time at the end of the latest frame, seconds. */
  get timeSeconds(): number {
    return this.frameIndex * FRAME_S;
  }

  private startIpu(frame: number): void {
    this.ipuStartFrame = frame;
    this.ipuF0Sum = 0;
    this.ipuF0Count = 0;
    this.ipuDbSum = 0;
    this.ipuDbCount = 0;
    this.ipuVoicedOnsets = 0;
    this.ipuVoicedFrames = 0;
    this.ipuMaxGap = 0;
    this.ipuGaps = 0;
    this.f0LongCount = 0;
    this.f0RingCount = 0;
    this.dbRingCount = 0;
  }

  private freezeProsody(): void {
    // F0 regression over voiced frames within 250 ms of the latest voiced one.
    if (this.f0RingCount > 0) {
      const newest = (this.f0RingHead - 1 + F0_RING) % F0_RING;
      const newestFrame = this.f0RingFrame[newest];
      let n = 0;
      let sumT = 0;
      let sumY = 0;
      let sumTT = 0;
      let sumTY = 0;
      for (let k = 0; k < this.f0RingCount; k++) {
        const idx = (newest - k + F0_RING) % F0_RING;
        const dt = (this.f0RingFrame[idx] - newestFrame) * FRAME_S;
        if (dt < -0.25) break;
        const y = this.f0Ring[idx];
        n++;
        sumT += dt;
        sumY += y;
        sumTT += dt * dt;
        sumTY += dt * y;
      }
      const denominator = n * sumTT - sumT * sumT;
      this.f0Slope = n >= 3 && denominator > 1e-9 ? (n * sumTY - sumT * sumY) / denominator : 0;
      this.lastF0St = this.f0Ring[newest] - this.speakerMeanSt;
      this.f0EndVsIpu = this.ipuF0Count > 0 ? this.f0Ring[newest] - this.ipuF0Sum / this.ipuF0Count : 0;
    }
    if (this.dbRingCount >= 3) {
      let sumT = 0;
      let sumY = 0;
      let sumTT = 0;
      let sumTY = 0;
      let tail = 0;
      const n = this.dbRingCount;
      for (let k = 0; k < n; k++) {
        const idx = (this.dbRingHead - 1 - k + DB_RING) % DB_RING;
        const t = -k * FRAME_S;
        const y = this.dbRing[idx];
        sumT += t;
        sumY += y;
        sumTT += t * t;
        sumTY += t * y;
        if (k < 5) tail += y;
      }
      this.energyDecay = (n * sumTY - sumT * sumY) / (n * sumTT - sumT * sumT);
      this.finalEnergyRel = tail / Math.min(5, n) - this.ipuDbSum / this.ipuDbCount;
      this.finalLevelVsSpeaker = tail / Math.min(5, n) - this.speakerLevelDb;
    }
    this.freezeProsodyV2();
  }

  private freezeProsodyV2(): void {
    if (this.f0LongCount > 0) {
      const newest = (this.f0LongHead - 1 + F0_LONG_RING) % F0_LONG_RING;
      const newestFrame = this.f0LongFrame[newest];
      let finalSum = 0;
      let finalN = 0;
      let beforeSum = 0;
      let beforeN = 0;
      for (let k = 0; k < this.f0LongCount; k++) {
        const idx = (newest - k + F0_LONG_RING) % F0_LONG_RING;
        const dt = (this.f0LongFrame[idx] - newestFrame) * FRAME_S;
        if (dt < -0.3) break;
        if (dt >= -0.06) {
          finalSum += this.f0Long[idx];
          finalN++;
        } else if (dt <= -0.1) {
          beforeSum += this.f0Long[idx];
          beforeN++;
        }
      }
      this.f0FinalDelta = finalN > 0 && beforeN > 0 ? finalSum / finalN - beforeSum / beforeN : 0;
      this.f0AboveLow = this.f0Long[newest] - this.speakerLowSt;
    }
    const meanRun = this.ipuVoicedOnsets > 0 ? this.ipuVoicedFrames / this.ipuVoicedOnsets : 0;
    this.finalLengthening = meanRun > 0 ? this.lastVoicedRunFrames / meanRun : 1;
  }

  private writeValues(aboveFloor: number): void {
    const v = this.values;
    const hasSpeech = this.lastSpeechFrame >= 0;
    v[0] = aboveFloor < 0 ? 0 : aboveFloor > 80 ? 80 : aboveFloor;
    v[1] = this.voiceProb;
    v[2] = hasSpeech ? this.framesSinceSpeech * 10 : 0;
    v[3] = hasSpeech ? (this.lastSpeechFrame - this.turnStartFrame + 1) * 10 : 0;
    v[4] = hasSpeech ? (this.lastSpeechFrame - this.ipuStartFrame + 1) * 10 : 0;
    v[5] = this.lastF0St;
    v[6] = this.f0Slope;
    v[7] = this.f0EndVsIpu;
    v[8] = this.energyDecay;
    v[9] = this.lastVoicedRunFrames * 10;
    const ipuSeconds = Math.max(0.05, v[4] / 1000);
    v[10] = this.ipuVoicedOnsets / ipuSeconds;
    v[11] = this.finalEnergyRel;
    const lexOk = hasSpeech && this.lexEndFrame >= this.lastSpeechFrame - LEXICAL_TOLERANCE_FRAMES;
    v[12] = lexOk ? 1 : 0;
    v[13] = lexOk ? this.lexLast : -1;
    v[14] = lexOk ? this.lexFirst : -1;
    v[15] = lexOk ? this.lexWords : -1;
    v[16] = lexOk ? this.lexQuestion : -1;
    v[17] = lexOk ? this.lexBackchannel : -1;
    v[18] = lexOk ? this.lexEndProb : -1;
    v[19] = this.f0FinalDelta;
    v[20] = this.f0AboveLow;
    v[21] = this.finalLengthening;
    v[22] = this.finalLevelVsSpeaker;
    v[23] = this.ipuMaxGap * 10;
    v[24] = this.ipuGaps;
    v[25] = lexOk ? this.lexWords / ipuSeconds : -1;
  }
}
