/**
 * Incongruence: what the user says (a small lexicon sentiment of the transcript) against how they
 * look and sound (the fused state). "Says 'I'm fine' but looks sad and speaks flatly" is worth the
 * companion's attention; a mismatch is only flagged with concrete evidence.
 */
import type { FusedDescription } from './fused-describer';
import type { FusedState } from './fusion-output';

const POSITIVE = new Set([
  'fine', 'good', 'great', 'ok', 'okay', 'happy', 'glad', 'well', 'awesome', 'excellent', 'wonderful', 'perfect', 'amazing',
  'nice', 'love', 'lovely', 'better', 'best', 'fantastic', 'cool', 'excited', 'fun', 'alright', 'relaxed', 'calm', 'thanks',
]);
const NEGATIVE = new Set([
  'sad', 'bad', 'terrible', 'awful', 'tired', 'angry', 'upset', 'worried', 'anxious', 'stressed', 'hate', 'horrible', 'lonely',
  'depressed', 'scared', 'afraid', 'annoyed', 'frustrated', 'miserable', 'sick', 'exhausted', 'hurt', 'cry', 'crying', 'worse',
  'worst', 'died', 'lost', 'broke', 'fired', 'failed', 'sorry', 'nervous',
]);
const NEGATORS = new Set(['not', "n't", 'no', 'never', 'hardly', 'barely']);

/** Sentiment of a short utterance, -1..1 (0 = neutral or no sentiment words). */
export function textSentiment(text: string): number {
  const words = text.toLowerCase().replace(/n't\b/g, " n't").match(/[a-z']+/g) ?? [];
  let score = 0, hits = 0;
  for (let i = 0; i < words.length; i++) {
    const polarity = POSITIVE.has(words[i]) ? 1 : NEGATIVE.has(words[i]) ? -1 : 0;
    if (!polarity) continue;
    const negated = words.slice(Math.max(0, i - 3), i).some((w) => NEGATORS.has(w));
    score += negated ? -polarity : polarity;
    hits++;
  }
  return hits ? Math.max(-1, Math.min(1, score / hits)) : 0;
}

const NEGATIVE_STATES = new Set<FusedState>(['sad', 'frustrated', 'anxious', 'tired', 'confused', 'hesitant']);
const POSITIVE_STATES = new Set<FusedState>(['happy', 'amused']);

export interface Incongruence {
  /** Sentiment of the words, -1..1. */
  textSentiment: number;
  /** Valence of face and voice, -1..1. */
  perceivedValence: number;
  /** One line for the brain, e.g. "says 'I'm fine' but looks sad; speaking softly and flatly". */
  summary: string;
  /** The cues behind the perceived side. */
  evidence: string[];
}

/**
 * Compares an utterance with the current fused state. Returns null when they agree, when the text
 * has no sentiment, or when the perception is too unsure (confidence < 0.35) or too old.
 */
export function incongruence(text: string, state: FusedDescription | null, nowMs?: number, maxAgeMs = 5000): Incongruence | null {
  if (!state || state.confidence < 0.35) return null;
  if (nowMs !== undefined && nowMs - state.timestampMs > maxAgeMs) return null;
  const sentiment = textSentiment(text);
  const quote = text.trim().length > 40 ? `${text.trim().slice(0, 37)}…` : text.trim();
  const looksNegative = NEGATIVE_STATES.has(state.state) || state.valence < -0.3;
  const looksPositive = POSITIVE_STATES.has(state.state) && state.valence > 0.2;
  if (sentiment > 0.3 && looksNegative) {
    return { textSentiment: sentiment, perceivedValence: state.valence, summary: `says '${quote}' but seems ${state.state}${state.cues.length ? `; ${state.cues.join(', ')}` : ''}`, evidence: state.cues };
  }
  if (sentiment < -0.3 && looksPositive) {
    return { textSentiment: sentiment, perceivedValence: state.valence, summary: `says '${quote}' while looking ${state.state} (${state.cues.join(', ') || 'smiling'}) — maybe masking or joking`, evidence: state.cues };
  }
  return null;
}
