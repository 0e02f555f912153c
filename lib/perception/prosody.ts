/**
 * Prosody features from 16 kHz mic audio in 32 ms blocks (512 samples): F0 track (YIN), pitch level,
 * range and slope, loudness, jitter/shimmer-like voice-quality measures, a speaking-rate proxy and the
 * pause ratio — each also as a z-score against this user's own running baseline.
 */
import { RunningBaseline } from './baseline';
import { YinPitch, semitones } from './pitch';

export const PROSODY_SAMPLE_RATE = 16000;
/** Samples per analysis block (32 ms at 16 kHz; Silero VAD's window). */
export const PROSODY_BLOCK = 512;
const BLOCK_S = PROSODY_BLOCK / PROSODY_SAMPLE_RATE;
/** Blocks in the analysis window (≈2 s). */
const WINDOW_BLOCKS = 64;

/** Names of the audio part of the fusion input, in order. */
export const AUDIO_FEATURES = ['speechActivity', 'pitchZ', 'pitchRangeZ', 'pitchSlopeZ', 'loudnessZ', 'jitterZ', 'shimmerZ', 'rateZ', 'pauseRatio'] as const;
export type AudioFeatureName = (typeof AUDIO_FEATURES)[number];

/** Raw (absolute) prosody over the window; NaN where not measurable (no voiced speech). */
export interface ProsodyRaw {
  /** Mean F0 of voiced blocks, semitones re 100 Hz. */
  pitchSt: number;
  /** 90th − 10th percentile of voiced F0, semitones. */
  pitchRangeSt: number;
  /** Least-squares F0 slope over the window, semitones per second. */
  pitchSlopeStPerS: number;
  /** Mean level of speech blocks, dBFS. */
  loudnessDb: number;
  /** Mean relative period change between consecutive voiced blocks (block-level jitter), 0..1. */
  jitter: number;
  /** Mean level change between consecutive voiced blocks (block-level shimmer), dB. */
  shimmerDb: number;
  /** Loudness peaks (syllable-nucleus proxy) per second of speech. */
  syllablesPerS: number;
  /** Share of the window between the first and last speech block that is silence, 0..1. */
  pauseRatio: number;
  /** Share of the window that is speech, 0..1. */
  speechActivity: number;
}

export interface ProsodySnapshot {
  raw: ProsodyRaw;
  /** Fusion input, ordered as AUDIO_FEATURES (z-scores clipped to ±3, ratios 0..1). */
  vector: Float32Array;
  /** Newest F0, Hz (0 unvoiced). */
  f0Hz: number;
  /** Speech probability of the newest block, 0..1. */
  speechProb: number;
}

const BASELINE_KEYS = ['pitchSt', 'pitchRangeSt', 'pitchSlopeStPerS', 'loudnessDb', 'jitter', 'shimmerDb', 'syllablesPerS'] as const;
// Rough between-utterance spreads of adult speech, used as priors until the user's own are known.
const PRIOR_STD = [2.5, 2.5, 6, 5, 0.04, 2, 1.2];

/** Block level in dBFS. */
export function levelDb(block: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < block.length; i++) sum += block[i] * block[i];
  return 10 * Math.log10(sum / Math.max(1, block.length) + 1e-10);
}

/** Linear-regression slope of ys over xs (0 when fewer than 2 points). */
export function slope(xs: ArrayLike<number>, ys: ArrayLike<number>, n: number): number {
  if (n < 2) return 0;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let num = 0, den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den > 0 ? num / den : 0;
}

export class ProsodyTracker {
  private readonly yin = new YinPitch(PROSODY_SAMPLE_RATE, 70, 450);
  /** Last block plus enough history for the longest pitch lag. */
  private readonly history = new Float32Array(PROSODY_BLOCK + 256);
  private readonly f0 = new Float32Array(WINDOW_BLOCKS);
  private readonly db = new Float32Array(WINDOW_BLOCKS);
  private readonly speech = new Uint8Array(WINDOW_BLOCKS);
  private head = 0;
  private filled = 0;
  private blocks = 0;
  private readonly baseline = new RunningBaseline(BASELINE_KEYS.length, { tauUpdates: 600, priorStd: PRIOR_STD, warmupUpdates: 30 });
  private readonly rawValues = new Float64Array(BASELINE_KEYS.length);
  private readonly z = new Float32Array(BASELINE_KEYS.length);
  private readonly scratchX = new Float32Array(WINDOW_BLOCKS);
  private readonly scratchY = new Float32Array(WINDOW_BLOCKS);
  private lastF0 = 0;
  private lastProb = 0;
  /** When false the baseline stays frozen (e.g. while scoring calibration clips). */
  learn = true;

  /**
   * Feeds one 512-sample block with its speech probability (Silero VAD, or an energy gate when the
   * model is unavailable). Allocation-free.
   */
  push(block: Float32Array, speechProb: number): void {
    const h = this.history;
    h.copyWithin(0, PROSODY_BLOCK);
    h.set(block.subarray(0, PROSODY_BLOCK), h.length - PROSODY_BLOCK);
    const isSpeech = speechProb >= 0.5;
    const level = levelDb(block);
    const pitch = isSpeech && level > -60 ? this.yin.estimate(h) : { f0Hz: 0, clarity: 0 };
    const voiced = pitch.f0Hz > 0 && pitch.clarity > 0.6;
    this.f0[this.head] = voiced ? pitch.f0Hz : 0;
    this.db[this.head] = level;
    this.speech[this.head] = isSpeech ? 1 : 0;
    this.head = (this.head + 1) % WINDOW_BLOCKS;
    this.filled = Math.min(WINDOW_BLOCKS, this.filled + 1);
    this.blocks++;
    this.lastF0 = voiced ? pitch.f0Hz : 0;
    this.lastProb = speechProb;
  }

  /** Blocks fed so far. */
  get blockCount(): number {
    return this.blocks;
  }

  /** Features over the current window; updates the baseline when there was speech (and `learn`). */
  snapshot(): ProsodySnapshot {
    const raw = this.measure();
    const values = this.rawValues;
    BASELINE_KEYS.forEach((key, i) => (values[i] = raw[key]));
    if (this.learn && raw.speechActivity > 0.2 && Number.isFinite(raw.pitchSt)) this.baseline.update(values);
    this.baseline.zScores(values, this.z);
    const vector = new Float32Array(AUDIO_FEATURES.length);
    vector[0] = raw.speechActivity;
    vector.set(this.z, 1);
    vector[8] = raw.pauseRatio;
    return { raw, vector, f0Hz: this.lastF0, speechProb: this.lastProb };
  }

  private measure(): ProsodyRaw {
    const n = this.filled;
    const start = (this.head - n + WINDOW_BLOCKS) % WINDOW_BLOCKS;
    const at = (k: number) => (start + k) % WINDOW_BLOCKS;
    const xs = this.scratchX, ys = this.scratchY;
    let voicedCount = 0, speechCount = 0, dbSum = 0, firstSpeech = -1, lastSpeech = -1;
    let jitterSum = 0, jitterN = 0, shimmerSum = 0;
    let prevF0 = 0, prevDb = 0;
    for (let k = 0; k < n; k++) {
      const i = at(k);
      if (this.speech[i]) {
        speechCount++;
        dbSum += this.db[i];
        if (firstSpeech < 0) firstSpeech = k;
        lastSpeech = k;
      }
      const f = this.f0[i];
      if (f > 0) {
        xs[voicedCount] = k * BLOCK_S;
        ys[voicedCount] = semitones(f);
        voicedCount++;
        // Octave jumps are tracking errors, not jitter.
        if (prevF0 > 0 && Math.abs(Math.log2(f / prevF0)) < 0.5) {
          jitterSum += Math.abs(1 / f - 1 / prevF0) / (0.5 * (1 / f + 1 / prevF0));
          shimmerSum += Math.abs(this.db[i] - prevDb);
          jitterN++;
        }
        prevF0 = f;
        prevDb = this.db[i];
      } else {
        prevF0 = 0;
      }
    }
    const NaN_ = Number.NaN;
    let pitchSt = NaN_, pitchRangeSt = NaN_, pitchSlope = NaN_;
    if (voicedCount >= 3) {
      let sum = 0;
      for (let k = 0; k < voicedCount; k++) sum += ys[k];
      pitchSt = sum / voicedCount;
      const sorted = Array.from(ys.subarray(0, voicedCount)).sort((a, b) => a - b);
      pitchRangeSt = sorted[Math.floor(0.9 * (voicedCount - 1))] - sorted[Math.floor(0.1 * (voicedCount - 1))];
      pitchSlope = slope(xs, ys, voicedCount);
    }
    const span = lastSpeech >= 0 ? lastSpeech - firstSpeech + 1 : 0;
    return {
      pitchSt,
      pitchRangeSt,
      pitchSlopeStPerS: pitchSlope,
      loudnessDb: speechCount ? dbSum / speechCount : NaN_,
      jitter: jitterN >= 2 ? jitterSum / jitterN : NaN_,
      shimmerDb: jitterN >= 2 ? shimmerSum / jitterN : NaN_,
      syllablesPerS: speechCount >= 6 ? this.countPeaks(start, n) / (speechCount * BLOCK_S) : NaN_,
      pauseRatio: span > 0 ? 1 - speechCount / span : 0,
      speechActivity: n ? speechCount / n : 0,
    };
  }

  /** Loudness peaks ≥ 3 dB above the surrounding dips, at least 96 ms apart, inside speech. */
  private countPeaks(start: number, n: number): number {
    let peaks = 0, lastPeak = -10;
    let valley = Infinity;
    for (let k = 1; k < n - 1; k++) {
      const i = (start + k) % WINDOW_BLOCKS;
      const v = this.db[i];
      valley = Math.min(valley, v);
      if (!this.speech[i]) continue;
      const prev = this.db[(start + k - 1) % WINDOW_BLOCKS];
      const next = this.db[(start + k + 1) % WINDOW_BLOCKS];
      if (v >= prev && v > next && v - valley >= 3 && k - lastPeak >= 3) {
        peaks++;
        lastPeak = k;
        valley = v;
      }
    }
    return peaks;
  }
}

/**
 * Energy speech gate for one block when Silero is unavailable: probability from level above an
 * adaptive noise floor (0..1).
 */
export class EnergyGate {
  private floorDb = -60;

  /** Speech probability of one block, 0..1. */
  probability(block: Float32Array): number {
    const db = levelDb(block);
    // Floor follows quiet blocks quickly and loud ones slowly.
    this.floorDb += (db - this.floorDb) * (db < this.floorDb ? 0.3 : 0.002);
    return Math.max(0, Math.min(1, (db - this.floorDb - 6) / 12));
  }
}
