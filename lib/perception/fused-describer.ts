/**
 * Turns fusion-model outputs into one short, steady sentence ("hesitant and slightly anxious;
 * looking away; speaking softly and flatly") with a confidence, the cues behind it and the capture
 * time of the newest frame it reflects. Hysteresis: probabilities are smoothed (≈0.3 s) and the lead
 * state only changes after a challenger has led by a margin for `holdMs`.
 */
import { FUSED_STATES, FUSION_UNITS, UNIT_CUES, type FusedState, type FusionOutput } from './fusion-output';

export interface FusedDescription {
  state: FusedState;
  /** A second state worth mentioning, when it is close. */
  secondary: FusedState | null;
  sentence: string;
  /** 0..1: smoothed probability of the lead state. */
  confidence: number;
  cues: string[];
  valence: number;
  arousal: number;
  engagement: number;
  /** Capture time of the newest frame it reflects (page clock, ms). */
  timestampMs: number;
}

const ADJECTIVE: Record<FusedState, string> = {
  calm: 'calm',
  happy: 'happy',
  amused: 'amused',
  interested: 'interested',
  thinking: 'thinking',
  hesitant: 'hesitant',
  confused: 'confused',
  anxious: 'anxious',
  sad: 'sad',
  frustrated: 'frustrated',
  surprised: 'surprised',
  tired: 'tired',
  distracted: 'distracted',
};

export interface DescriberOptions {
  /** How long a challenger must lead before the lead state changes, ms. */
  holdMs?: number;
  /** How far it must lead (probability). */
  margin?: number;
  /** Smoothing time constant of probabilities, ms. */
  smoothMs?: number;
}

export class FusedDescriber {
  private readonly smoothed = new Float32Array(FUSED_STATES.length);
  private readonly unitSmoothed = new Float32Array(FUSION_UNITS.length);
  private affect = { valence: 0, arousal: 0, engagement: 0.5 };
  private lastMs: number | null = null;
  private current = 0;
  private challenger = -1;
  private challengerSince = 0;
  private readonly holdMs: number;
  private readonly margin: number;
  private readonly smoothMs: number;

  constructor(options: DescriberOptions = {}) {
    this.holdMs = options.holdMs ?? 700;
    this.margin = options.margin ?? 0.05;
    this.smoothMs = options.smoothMs ?? 300;
  }

  /** Feeds one model output; returns the (possibly unchanged) description. */
  update(output: FusionOutput): FusedDescription {
    const t = output.newestMs;
    const dt = this.lastMs === null ? Infinity : Math.max(0, t - this.lastMs);
    this.lastMs = t;
    const alpha = 1 - Math.exp(-dt / this.smoothMs);
    for (let i = 0; i < this.smoothed.length; i++) this.smoothed[i] += ((output.states[i] ?? 0) - this.smoothed[i]) * alpha;
    for (let i = 0; i < this.unitSmoothed.length; i++) this.unitSmoothed[i] += ((output.units[i] ?? 0) - this.unitSmoothed[i]) * alpha;
    this.affect = {
      valence: this.affect.valence + (output.affect.valence - this.affect.valence) * alpha,
      arousal: this.affect.arousal + (output.affect.arousal - this.affect.arousal) * alpha,
      engagement: this.affect.engagement + (output.affect.engagement - this.affect.engagement) * alpha,
    };
    let best = 0;
    for (let i = 1; i < this.smoothed.length; i++) if (this.smoothed[i] > this.smoothed[best]) best = i;
    if (best === this.current || this.smoothed[best] < this.smoothed[this.current] + this.margin) {
      this.challenger = -1;
    } else if (best !== this.challenger) {
      this.challenger = best;
      this.challengerSince = t;
    }
    if (this.challenger >= 0 && (t - this.challengerSince >= this.holdMs || dt === Infinity)) {
      this.current = this.challenger;
      this.challenger = -1;
    }
    return this.describe(t);
  }

  private describe(t: number): FusedDescription {
    const lead = this.current;
    const confidence = this.smoothed[lead];
    let second = -1;
    for (let i = 0; i < this.smoothed.length; i++) {
      if (i === lead || FUSED_STATES[i] === 'calm') continue;
      if (second < 0 || this.smoothed[i] > this.smoothed[second]) second = i;
    }
    const secondary = second >= 0 && this.smoothed[second] > 0.2 && this.smoothed[second] > confidence * 0.5 ? FUSED_STATES[second] : null;
    const cues = FUSION_UNITS.map((unit, i) => ({ word: UNIT_CUES[unit], value: this.unitSmoothed[i] }))
      .filter((cue): cue is { word: string; value: number } => cue.word !== null && cue.value > 0.05)
      .sort((a, b) => b.value - a.value)
      .map((cue) => cue.word)
      // "brows raised" adds nothing next to "brows raised, eyes wide".
      .filter((word, i, words) => !words.some((other, j) => j !== i && other.includes(word) && (other !== word || j < i)))
      .slice(0, 3);
    const state = FUSED_STATES[lead];
    const strength = confidence >= 0.55 ? '' : confidence >= 0.35 ? 'probably ' : 'maybe ';
    let head = `${strength}${ADJECTIVE[state]}`;
    if (secondary) head += ` and slightly ${ADJECTIVE[secondary]}`;
    const sentence = [head, ...cues.slice(0, 2)].join('; ');
    return {
      state,
      secondary,
      sentence,
      confidence: Math.round(confidence * 100) / 100,
      cues,
      valence: round2(this.affect.valence),
      arousal: round2(this.affect.arousal),
      engagement: round2(this.affect.engagement),
      timestampMs: t,
    };
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;
