import { BLENDSHAPE_COUNT, createWeights, recipeToWeights, type BlendshapeRecipe } from './arkit';

/** The 15 Oculus/OVR visemes: the de-facto mouth-shape set TTS engines and lip-sync tools share. */
export const VISEMES = ['sil', 'PP', 'FF', 'TH', 'DD', 'kk', 'CH', 'SS', 'nn', 'RR', 'aa', 'E', 'I', 'O', 'U'] as const;
export type Viseme = (typeof VISEMES)[number];
export const VISEME_COUNT = VISEMES.length;
/** Index of each viseme. */
export const VI = Object.fromEntries(VISEMES.map((v, i) => [v, i])) as Record<Viseme, number>;

/** Mouth shape per viseme as ARKit weights (jaw, lips, tongue only; emotion layers stay separate). */
export const VISEME_RECIPES: Record<Viseme, BlendshapeRecipe> = {
  sil: {},
  PP: { mouthClose: 0.3, mouthPressLeft: 0.55, mouthPressRight: 0.55, mouthRollLower: 0.25, mouthRollUpper: 0.15 },
  FF: { mouthRollLower: 0.65, mouthUpperUpLeft: 0.3, mouthUpperUpRight: 0.3, jawOpen: 0.07, mouthShrugUpper: 0.2 },
  TH: { jawOpen: 0.16, tongueOut: 0.45, mouthStretchLeft: 0.12, mouthStretchRight: 0.12 },
  DD: { jawOpen: 0.22, mouthStretchLeft: 0.2, mouthStretchRight: 0.2, mouthShrugUpper: 0.1 },
  kk: { jawOpen: 0.28, mouthStretchLeft: 0.25, mouthStretchRight: 0.25 },
  CH: { jawOpen: 0.16, mouthFunnel: 0.55, mouthPucker: 0.2, mouthUpperUpLeft: 0.2, mouthUpperUpRight: 0.2 },
  SS: { jawOpen: 0.08, mouthStretchLeft: 0.45, mouthStretchRight: 0.45, mouthSmileLeft: 0.15, mouthSmileRight: 0.15, mouthUpperUpLeft: 0.15, mouthUpperUpRight: 0.15 },
  nn: { jawOpen: 0.18, mouthStretchLeft: 0.15, mouthStretchRight: 0.15, mouthShrugLower: 0.1 },
  RR: { jawOpen: 0.14, mouthFunnel: 0.35, mouthPucker: 0.35 },
  aa: { jawOpen: 0.7, mouthLowerDownLeft: 0.3, mouthLowerDownRight: 0.3, mouthUpperUpLeft: 0.1, mouthUpperUpRight: 0.1 },
  E: { jawOpen: 0.38, mouthStretchLeft: 0.35, mouthStretchRight: 0.35, mouthSmileLeft: 0.15, mouthSmileRight: 0.15, mouthLowerDownLeft: 0.2, mouthLowerDownRight: 0.2 },
  I: { jawOpen: 0.2, mouthStretchLeft: 0.45, mouthStretchRight: 0.45, mouthSmileLeft: 0.25, mouthSmileRight: 0.25 },
  O: { jawOpen: 0.48, mouthFunnel: 0.6, mouthPucker: 0.2 },
  U: { jawOpen: 0.15, mouthPucker: 0.8, mouthFunnel: 0.3 },
};

/** Dense 52-weight vector per viseme index. */
export const VISEME_WEIGHTS: readonly Float32Array[] = VISEMES.map((v) => recipeToWeights(VISEME_RECIPES[v], createWeights()));

/** Marks a phoneme that borrows the next phoneme's mouth (h is shaped by the vowel after it). */
const NEXT = -1;

const ARPABET: Record<string, number> = {
  P: VI.PP, B: VI.PP, M: VI.PP,
  F: VI.FF, V: VI.FF,
  TH: VI.TH, DH: VI.TH,
  T: VI.DD, D: VI.DD, DX: VI.DD,
  K: VI.kk, G: VI.kk, NG: VI.kk,
  CH: VI.CH, JH: VI.CH, SH: VI.CH, ZH: VI.CH,
  S: VI.SS, Z: VI.SS,
  N: VI.nn, L: VI.nn, EL: VI.nn, EN: VI.nn,
  R: VI.RR, ER: VI.RR, AXR: VI.RR,
  AA: VI.aa, AE: VI.aa, AH: VI.aa, AW: VI.aa, AY: VI.aa, AX: VI.aa,
  EH: VI.E, EY: VI.E,
  IH: VI.I, IY: VI.I, Y: VI.I, IX: VI.I,
  AO: VI.O, OW: VI.O, OY: VI.O,
  UH: VI.U, UW: VI.U, W: VI.U,
  HH: NEXT,
};

/** IPA symbols (espeak/Piper style phoneme output); multi-character affricates listed first. */
const IPA: Record<string, number> = {
  'tʃ': VI.CH, 'dʒ': VI.CH, 'ʃ': VI.CH, 'ʒ': VI.CH,
  p: VI.PP, b: VI.PP, m: VI.PP, f: VI.FF, v: VI.FF, 'θ': VI.TH, 'ð': VI.TH,
  t: VI.DD, d: VI.DD, 'ɾ': VI.DD, k: VI.kk, g: VI.kk, 'ɡ': VI.kk, 'ŋ': VI.kk,
  s: VI.SS, z: VI.SS, n: VI.nn, l: VI.nn, 'ɹ': VI.RR, r: VI.RR, 'ɝ': VI.RR, 'ɚ': VI.RR,
  'ɑ': VI.aa, 'æ': VI.aa, 'ʌ': VI.aa, a: VI.aa, 'ə': VI.aa, 'ɐ': VI.aa,
  'ɛ': VI.E, e: VI.E, 'ɪ': VI.I, i: VI.I, j: VI.I,
  'ɔ': VI.O, o: VI.O, 'ɒ': VI.O, 'ʊ': VI.U, u: VI.U, w: VI.U, h: NEXT,
};

/**
 * Viseme index (into VISEMES) for one phoneme: ARPAbet (stress digits ignored, any case), IPA, or
 * a pause marker. Returns -1 for /h/, which takes the following phoneme's mouth; unknown → 'sil'.
 */
export function phonemeToViseme(phoneme: string): number {
  const trimmed = phoneme.trim();
  if (trimmed === '' || trimmed === 'sil' || trimmed === 'sp' || trimmed === 'pau' || trimmed === '_' || trimmed === ' ') return VI.sil;
  const cleaned = trimmed.replace(/[ːˈˌ0-2]/g, '');
  if (/^[A-Z]+$/.test(cleaned) && ARPABET[cleaned] !== undefined) return ARPABET[cleaned];
  const ipa = IPA[cleaned] ?? IPA[cleaned.slice(0, 2)] ?? IPA[cleaned[0]];
  if (ipa !== undefined) return ipa;
  return ARPABET[cleaned.toUpperCase()] ?? VI.sil;
}

/** A phoneme with timing from a TTS engine, ms relative to the start of its audio. */
export interface TimedPhoneme {
  phoneme: string;
  startMs: number;
  durationMs: number;
}

/**
 * A compiled viseme track for one utterance. `sample()` writes viseme weights for a time with a
 * short cross-fade at each boundary (coarticulation) and allocates nothing.
 */
export class VisemeTimeline {
  readonly visemes: Uint8Array;
  readonly starts: Float32Array;
  readonly ends: Float32Array;
  private cursor = 0;

  constructor(phonemes: readonly TimedPhoneme[], readonly blendMs = 60) {
    const n = phonemes.length;
    this.visemes = new Uint8Array(n);
    this.starts = new Float32Array(n);
    this.ends = new Float32Array(n);
    let following = VI.sil;
    for (let i = n - 1; i >= 0; i--) {
      const v = phonemeToViseme(phonemes[i].phoneme);
      const resolved = v === NEXT ? following : v;
      this.visemes[i] = resolved;
      following = resolved;
    }
    for (let i = 0; i < n; i++) {
      this.starts[i] = phonemes[i].startMs;
      this.ends[i] = phonemes[i].startMs + phonemes[i].durationMs;
    }
  }

  /** End of the last phoneme, ms. */
  get durationMs(): number {
    return this.ends.length ? this.ends[this.ends.length - 1] : 0;
  }

  /**
   * Writes weights per viseme (length VISEME_COUNT, summing to 1) at `tMs` into `out`: the share of
   * a `blendMs` window around `tMs` each viseme covers (a box-filtered track, so every weight
   * changes by at most 1/blendMs per ms — coarticulation without pops). Gaps count as 'sil'.
   */
  sample(tMs: number, out: Float32Array): Float32Array {
    out.fill(0);
    const n = this.visemes.length;
    const lo = tMs - this.blendMs / 2;
    const hi = tMs + this.blendMs / 2;
    if (n === 0 || hi <= this.starts[0] || lo >= this.ends[n - 1]) {
      out[VI.sil] = 1;
      return out;
    }
    if (this.cursor > n || (this.cursor > 0 && this.ends[this.cursor - 1] > lo)) this.cursor = 0;
    while (this.cursor < n && this.ends[this.cursor] <= lo) this.cursor++;
    let covered = 0;
    for (let j = this.cursor; j < n && this.starts[j] < hi; j++) {
      const overlap = Math.min(hi, this.ends[j]) - Math.max(lo, this.starts[j]);
      if (overlap <= 0) continue;
      const share = overlap / this.blendMs;
      out[this.visemes[j]] += share;
      covered += share;
    }
    out[VI.sil] += Math.max(0, 1 - covered);
    return out;
  }
}

/** Mixes viseme weights (length VISEME_COUNT) into 52 ARKit weights in `out`, scaled by `gain`. */
export function visemesToArkit(visemeWeights: Float32Array, gain: number, out: Float32Array): Float32Array {
  out.fill(0);
  for (let v = 0; v < VISEME_COUNT; v++) {
    const w = visemeWeights[v] * gain;
    if (w <= 0) continue;
    const shape = VISEME_WEIGHTS[v];
    for (let i = 0; i < BLENDSHAPE_COUNT; i++) out[i] += shape[i] * w;
  }
  for (let i = 0; i < BLENDSHAPE_COUNT; i++) if (out[i] > 1) out[i] = 1;
  return out;
}
