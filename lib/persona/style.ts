import { NO_ADAPTATION, type Adaptation } from './adaptation';
import { resolveTopics, type Topic } from './style-lexicon';
import { traitsOf } from './traits';
import type { Persona, TraitVector } from './types';

/** Measurable style targets for one reply (and, for question rate, a conversation). */
export interface StyleTargets {
  /** Words per reply, inclusive band. */
  words: { min: number; max: number };
  /** Sentences per reply, inclusive band. */
  sentences: { min: number; max: number };
  /** Most questions in one reply (spoken replies ask one thing at a time). */
  maxQuestions: number;
  /** Share of replies that ask a question, over a conversation, 0..1 band. */
  questionRate: { min: number; max: number };
  /** Most '!' per sentence; a reply may have ceil(rate × sentences). 0 = none at all. */
  maxExclamationRate: number;
  /** Formality lexicon: target score -1..1 and how many off-register markers one reply may use. */
  formality: { target: number; maxInformal: number; maxFormal: number };
  /** Warmth lexicon: caring markers required when the user is struggling, dismissive markers allowed. */
  warmth: { target: number; minWarmWhenUpset: number; maxCold: number };
  /** Topics the reply must not touch (persona boundaries plus the user's "don't bring up"). */
  forbiddenTopics: Topic[];
  /** Softness of this turn, 0..1 (from adaptation), ≥ 0.5 means the user is struggling. */
  softness: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Maps a trait vector (and this turn's adaptation) to measurable targets. Formulas in docs/personas.md. */
export function targetsFromTraits(traits: TraitVector, adaptation: Adaptation = NO_ADAPTATION, forbidden: readonly string[] = []): StyleTargets {
  const scale = adaptation.lengthScale;
  const softness = adaptation.softness;
  const maxWords = Math.max(8, Math.round((14 + 56 * traits.verbosity) * scale));
  // A soft reply may need a caring opener before its one point, so it gets two sentences at least.
  const maxSentences = Math.max(softness >= 0.5 ? 2 : 1, Math.round((1.5 + 3.5 * traits.verbosity) * scale));
  const questionCentre = 0.2 + 0.7 * traits.curiosity;
  const exclamation = softness >= 0.5 || traits.energy < 0.35 ? 0 : round2(traits.energy * 0.6 * (1 - softness));
  return {
    words: { min: Math.min(maxWords, 2 + Math.round(3 * traits.verbosity)), max: maxWords },
    sentences: { min: 1, max: maxSentences },
    maxQuestions: 1,
    questionRate: { min: round2(clamp01(questionCentre - 0.3)), max: round2(clamp01(questionCentre + 0.3)) },
    maxExclamationRate: exclamation,
    formality: {
      target: round2(2 * traits.formality - 1),
      maxInformal: traits.formality >= 0.65 ? 0 : traits.formality >= 0.35 ? 1 : 3,
      maxFormal: traits.formality <= 0.3 ? 0 : traits.formality <= 0.6 ? 1 : 3,
    },
    warmth: {
      target: round2(2 * traits.warmth - 1),
      minWarmWhenUpset: traits.warmth >= 0.6 || softness >= 0.5 ? 1 : 0,
      maxCold: traits.warmth >= 0.4 ? 0 : 1,
    },
    forbiddenTopics: resolveTopics([...forbidden, ...adaptation.avoidTopics]),
    softness,
  };
}

/** The persona's targets for this turn. */
export function styleTargets(persona: Persona, adaptation: Adaptation = NO_ADAPTATION): StyleTargets {
  return targetsFromTraits(traitsOf(persona), adaptation, persona.forbiddenTopics ?? []);
}

/** Style instructions for an LLM prompt: the trait vector and this turn's adaptation in plain words. */
export function styleInstructions(persona: Persona, adaptation: Adaptation = NO_ADAPTATION): string {
  const t = traitsOf(persona);
  const targets = styleTargets(persona, adaptation);
  const lines: string[] = [];
  lines.push(t.warmth >= 0.7 ? 'Be warm and caring; acknowledge feelings before anything else.' : t.warmth <= 0.35 ? 'Be friendly but matter-of-fact.' : 'Be kind and friendly.');
  lines.push(t.energy >= 0.65 ? 'Sound upbeat and lively.' : t.energy <= 0.35 ? 'Keep a calm, unhurried tone and never use exclamation marks.' : 'Keep an even, relaxed tone.');
  if (t.humour >= 0.6 && adaptation.softness < 0.5) lines.push('Light, playful humour is welcome.');
  else if (t.humour <= 0.25 || adaptation.softness >= 0.5) lines.push('No jokes.');
  if (t.formality >= 0.65) lines.push('Use polite, slightly formal English and no slang (no "yeah", "gonna", "awesome").');
  else if (t.formality <= 0.3) lines.push('Talk casually, like a friend; contractions are fine, but avoid stiff words such as "certainly", "indeed" or "however".');
  lines.push(t.directness >= 0.7 ? 'Be direct: name one concrete next step.' : t.directness <= 0.3 ? 'Do not give advice unless asked; reflect back what you hear.' : 'Offer a suggestion only when it helps.');
  lines.push(t.curiosity >= 0.7 ? 'End most replies with one curious question.' : t.curiosity <= 0.4 ? 'Ask a question only when it helps; leaving room for silence is fine.' : 'Ask a follow-up question now and then.');
  lines.push(`Reply in ${targets.sentences.max === 1 ? 'one sentence' : `at most ${targets.sentences.max} sentences`} and at most ${targets.words.max} words, with at most one question.`);
  if (targets.maxExclamationRate === 0 && t.energy > 0.35) lines.push('No exclamation marks this time.');
  if (targets.forbiddenTopics.length) lines.push(`Never bring up: ${targets.forbiddenTopics.map((x) => x.label).join(', ')}.`);
  if (adaptation.reasons.length) lines.push(`Adapt this reply (${adaptation.reasons.join('; ')}): ${adaptation.softness >= 0.3 ? 'softer and slower, ' : ''}${adaptation.lengthScale < 0.95 ? 'shorter than usual.' : adaptation.lengthScale > 1.05 ? 'a little more detail than usual.' : 'as usual otherwise.'}`);
  if (adaptation.callName) lines.push(`Call the user ${adaptation.callName}.`);
  if (persona.values?.length) lines.push(`You value ${persona.values.join(', ')}.`);
  if (persona.boundaries?.length) lines.push(`Your boundaries: ${persona.boundaries.join('; ')}.`);
  return `Style: ${lines.join(' ')}`;
}
