import type { Adaptation } from './adaptation';
import { formalityScore, topicsIn, warmthScore, COLD_MARKERS, countMarkers } from './style-lexicon';
import { styleTargets, type StyleTargets } from './style';
import type { Persona } from './types';

/** One way a reply is outside the persona's style targets. */
export type StyleViolation =
  | { type: 'too-long'; words: number; max: number }
  | { type: 'too-short'; words: number; min: number }
  | { type: 'too-many-sentences'; sentences: number; max: number }
  | { type: 'too-many-questions'; questions: number; max: number }
  | { type: 'too-many-exclamations'; exclamations: number; max: number }
  | { type: 'too-formal'; formal: number; max: number }
  | { type: 'too-informal'; informal: number; max: number }
  | { type: 'not-warm'; warm: number; min: number }
  | { type: 'cold-wording'; cold: number; max: number }
  | { type: 'forbidden-topic'; topic: string; sentence: string };

export type StyleViolationType = StyleViolation['type'];

/** What was measured on a reply. Lexicon scores are -1..1, 0 with no markers. */
export interface StyleMetrics {
  words: number;
  sentences: number;
  questions: number;
  exclamations: number;
  formality: number;
  warmth: number;
}

export interface StyleScore {
  inBand: boolean;
  violations: StyleViolation[];
  metrics: StyleMetrics;
}

export interface ScoreContext {
  /** This turn's adaptation (shorter, softer, topics to avoid). */
  adaptation?: Adaptation;
  /** Precomputed targets (otherwise from the persona and adaptation). */
  targets?: StyleTargets;
}

/** Splits a reply into sentences (keeps the end punctuation). */
export function splitSentences(text: string): string[] {
  return (text.replace(/\s+/g, ' ').trim().match(/[^.!?…]+(?:[.!?…]+["”’)]?|$)/g) ?? []).map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** Words in a text (letters or digits, apostrophes inside words allowed). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0;
}

/** Measures a reply's length, questions, exclamations and lexicon scores. */
export function measureReply(reply: string): StyleMetrics {
  const sentences = splitSentences(reply);
  return {
    words: countWords(reply),
    sentences: sentences.length,
    questions: sentences.filter((s) => /\?["”’)]?$/.test(s) || /\?!|!\?/.test(s)).length,
    exclamations: sentences.filter((s) => /!["”’)]?$/.test(s)).length,
    formality: formalityScore(reply).score,
    warmth: warmthScore(reply).score,
  };
}

/** Most exclamations a reply of `sentences` sentences may have under the targets. */
export function allowedExclamations(targets: StyleTargets, sentences: number): number {
  return Math.ceil(targets.maxExclamationRate * Math.max(1, sentences) - 1e-9);
}

/** Scores a reply against the persona's style targets for this turn: in band, or every violation found. */
export function scoreReply(reply: string, persona: Persona, context: ScoreContext = {}): StyleScore {
  const targets = context.targets ?? styleTargets(persona, context.adaptation);
  return scoreAgainst(reply, targets);
}

/** Scores a reply against explicit targets. */
export function scoreAgainst(reply: string, targets: StyleTargets): StyleScore {
  const metrics = measureReply(reply);
  const violations: StyleViolation[] = [];
  if (metrics.words > targets.words.max) violations.push({ type: 'too-long', words: metrics.words, max: targets.words.max });
  if (metrics.words < targets.words.min) violations.push({ type: 'too-short', words: metrics.words, min: targets.words.min });
  if (metrics.sentences > targets.sentences.max) violations.push({ type: 'too-many-sentences', sentences: metrics.sentences, max: targets.sentences.max });
  if (metrics.questions > targets.maxQuestions) violations.push({ type: 'too-many-questions', questions: metrics.questions, max: targets.maxQuestions });
  const maxBang = allowedExclamations(targets, metrics.sentences);
  if (metrics.exclamations > maxBang) violations.push({ type: 'too-many-exclamations', exclamations: metrics.exclamations, max: maxBang });
  const formality = formalityScore(reply);
  if (formality.formal > targets.formality.maxFormal) violations.push({ type: 'too-formal', formal: formality.formal, max: targets.formality.maxFormal });
  if (formality.informal > targets.formality.maxInformal) violations.push({ type: 'too-informal', informal: formality.informal, max: targets.formality.maxInformal });
  const warmth = warmthScore(reply);
  if (targets.softness >= 0.5 && warmth.warm < targets.warmth.minWarmWhenUpset) violations.push({ type: 'not-warm', warm: warmth.warm, min: targets.warmth.minWarmWhenUpset });
  const cold = countMarkers(reply, COLD_MARKERS);
  if (cold > targets.warmth.maxCold) violations.push({ type: 'cold-wording', cold, max: targets.warmth.maxCold });
  for (const sentence of splitSentences(reply)) {
    for (const topic of topicsIn(sentence, targets.forbiddenTopics)) violations.push({ type: 'forbidden-topic', topic: topic.label, sentence });
  }
  return { inBand: violations.length === 0, violations, metrics };
}
