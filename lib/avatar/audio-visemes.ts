import { VI } from './visemes';

/** Features of the companion's outgoing voice for one frame. */
export interface SpeechAudioFeatures {
  /** Loudness 0..1 (−70 dBFS → 0, −20 dBFS → 1 over 80 Hz–8 kHz). */
  level: number;
  /** Spectral centroid over 80 Hz–8 kHz, Hz. Low for rounded vowels (o, u), high for i/e and s. */
  centroidHz: number;
  /** Share of power above 4 kHz, 0..1 (sibilants: s, sh, f). */
  highRatio: number;
}

/** A features object to reuse every frame. */
export function createSpeechAudioFeatures(): SpeechAudioFeatures {
  return { level: 0, centroidHz: 1500, highRatio: 0 };
}

/**
 * Spectral features from an AnalyserNode's `getFloatFrequencyData` output (dB per bin, bins span
 * 0..sampleRate/2). Writes into `out`; allocation-free.
 */
export function computeSpectralFeatures(dbBins: Float32Array, sampleRate: number, out: SpeechAudioFeatures): SpeechAudioFeatures {
  const binHz = sampleRate / 2 / dbBins.length;
  const first = Math.max(1, Math.floor(80 / binHz));
  const last = Math.min(dbBins.length - 1, Math.ceil(8000 / binHz));
  const highFirst = Math.ceil(4000 / binHz);
  let total = 0;
  let weighted = 0;
  let high = 0;
  for (let i = first; i <= last; i++) {
    const db = dbBins[i];
    if (!(db > -160)) continue;
    const power = Math.pow(10, db / 10);
    total += power;
    weighted += power * i * binHz;
    if (i >= highFirst) high += power;
  }
  const dbfs = total > 0 ? 10 * Math.log10(total) : -160;
  out.level = Math.min(1, Math.max(0, (dbfs + 70) / 50));
  out.centroidHz = total > 0 ? weighted / total : 1500;
  out.highRatio = total > 0 ? high / total : 0;
  return out;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * Estimates viseme weights from voice features when the TTS gives no phoneme timings: loudness
 * opens the jaw (with a slow automatic gain so quiet and loud voices both articulate), the
 * centroid picks rounded (O/U) versus spread (E/I) vowels, and high-band energy picks sibilants.
 */
export class AudioVisemeEstimator {
  private peak = 0.3;

  /** Writes VISEME_COUNT weights summing to 1 into `out` for this frame; `dtSeconds` drives the gain. */
  estimate(features: SpeechAudioFeatures, dtSeconds: number, out: Float32Array): Float32Array {
    out.fill(0);
    const level = clamp01(features.level);
    // Peak follower: rises instantly, decays ~0.15/s, never below 0.25 so noise stays closed.
    this.peak = Math.max(0.25, level, this.peak - 0.15 * dtSeconds);
    const gate = level < 0.05 ? 0 : (level - 0.05) / (this.peak - 0.05);
    const open = clamp01(gate * 0.95);
    const sibilance = clamp01((features.highRatio - 0.3) / 0.3);
    const roundness = clamp01((1300 - features.centroidHz) / 800);
    const spread = clamp01((features.centroidHz - 1900) / 1400) * (1 - sibilance);
    const voiced = open * (1 - sibilance);
    out[VI.sil] = 1 - open;
    out[VI.SS] = open * sibilance;
    out[VI.O] = voiced * roundness * 0.65;
    out[VI.U] = voiced * roundness * 0.35;
    out[VI.E] = voiced * spread * 0.6;
    out[VI.I] = voiced * spread * 0.4;
    out[VI.aa] = voiced * clamp01(1 - roundness - spread);
    return out;
  }
}

/** Mouth-only fallback from a bare 0..1 voice level (no spectrum): an 'aa' scaled by loudness. */
export function levelToVisemes(level: number, out: Float32Array): Float32Array {
  out.fill(0);
  const open = clamp01((level - 0.03) / 0.6);
  out[VI.sil] = 1 - open;
  out[VI.aa] = open * 0.75;
  out[VI.E] = open * 0.25;
  return out;
}

