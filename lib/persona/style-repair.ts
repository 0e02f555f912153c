import { COLD_MARKERS, FORMAL_TO_INFORMAL, INFORMAL_TO_FORMAL, WARM_MARKERS, countMarkers, formalityScore, phrasePattern, topicsIn } from './style-lexicon';
import { allowedExclamations, countWords, scoreAgainst, splitSentences, type StyleViolationType } from './style-score';
import type { Adaptation } from './adaptation';
import { styleTargets, type StyleTargets } from './style';
import type { Persona } from './types';

/** Said first when the user is struggling and a warm persona's reply has no caring words. */
export const WARM_OPENER = 'I’m here with you.';

function swapMarkers(sentence: string, table: Record<string, string>): string {
  let out = sentence;
  // Longest phrases first, so "no worries" wins over a shorter marker inside it.
  for (const phrase of Object.keys(table).sort((a, b) => b.length - a.length)) {
    out = out.replace(phrasePattern(phrase, 'gi'), (match) => {
      const replacement = table[phrase];
      return match[0] === match[0].toUpperCase() && replacement ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
    });
  }
  return out.replace(/\s{2,}/g, ' ').replace(/\s+([,.!?])/g, '$1').replace(/^[,\s]+/, '').replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** Puts a sentence into the persona's register: casual words out for formal personas and vice versa. */
export function adjustFormality(sentence: string, targets: StyleTargets): string {
  const { formal, informal } = formalityScore(sentence);
  let out = sentence;
  if (informal > 0 && targets.formality.maxInformal === 0) out = swapMarkers(out, INFORMAL_TO_FORMAL);
  if (formal > 0 && targets.formality.maxFormal === 0) out = swapMarkers(out, FORMAL_TO_INFORMAL);
  return out;
}

const DANGLING = /\s+(?:and|or|but|so|to|the|a|an|of|for|with|from|at|in|on|my|your|that|because|which)$/i;

/** Cuts one over-long sentence to at most `maxWords` words, at a clause break (, ; : —) in its second half if there is one. */
export function truncateSentence(sentence: string, maxWords: number): string {
  if (countWords(sentence) <= maxWords) return sentence;
  const tokens = sentence.split(/\s+/);
  let kept = tokens[0];
  for (const token of tokens.slice(1)) {
    if (countWords(`${kept} ${token}`) > Math.max(1, maxWords)) break;
    kept += ` ${token}`;
  }
  const clause = Math.max(...[',', ';', ':', ' —', ' –'].map((mark) => kept.lastIndexOf(mark)));
  if (clause > kept.length * 0.5) kept = kept.slice(0, clause);
  for (let i = 0; i < 3 && DANGLING.test(kept); i++) kept = kept.replace(DANGLING, '');
  return kept.replace(/[,;:—–-]+$/, '').replace(/[.!?…]*$/, '') + '.';
}

const demote = (sentence: string) => sentence.replace(/!+(["”’)]?)$/, '.$1');

export interface RepairResult {
  text: string;
  /** Violations the repair addressed. */
  repaired: StyleViolationType[];
  /** Whether the repaired text is in band. */
  inBand: boolean;
}

/**
 * Repairs a whole reply: drops sentences on forbidden topics or with dismissive wording and extra
 * questions, adjusts formality words, adds a caring opener when the user is struggling, caps
 * sentences and words, and turns surplus '!' into '.'. Cannot lengthen a reply that is too short.
 */
export function repairReply(reply: string, targets: StyleTargets): RepairResult {
  const before = scoreAgainst(reply, targets);
  if (before.inBand) return { text: reply.trim(), repaired: [], inBand: true };
  const guard = new StyleGuard(targets);
  for (const sentence of splitSentences(reply)) guard.accept(sentence);
  const text = guard.text || reply.trim();
  const after = scoreAgainst(text, targets);
  const remaining = new Set(after.violations.map((v) => v.type));
  return { text, repaired: [...new Set(before.violations.map((v) => v.type))].filter((t) => !remaining.has(t)), inBand: after.inBand };
}

/**
 * The same repair for a reply that streams to the voice sentence by sentence: each sentence is
 * accepted (possibly changed) or dropped before it is spoken, and `full` says when the reply has
 * reached its length cap so generation can stop. Nothing already spoken is ever taken back.
 */
export class StyleGuard {
  private readonly targets: StyleTargets;
  private readonly kept: string[] = [];
  private words = 0;
  private questions = 0;
  private exclamations = 0;
  private warm = 0;
  private informal = 0;
  private formal = 0;
  /** Sentences dropped or changed so far, by reason. */
  readonly changes: StyleViolationType[] = [];
  /** The length cap is reached: later sentences will be dropped. */
  full = false;

  constructor(targets: StyleTargets) {
    this.targets = targets;
  }

  /** Everything accepted so far. */
  get text(): string {
    return this.kept.join(' ');
  }

  /** Sentences accepted so far. */
  get count(): number {
    return this.kept.length;
  }

  /** One finished sentence from the stream: the text to speak (maybe changed), or null to drop it. */
  accept(raw: string): string | null {
    const t = this.targets;
    let sentence = raw.replace(/\s+/g, ' ').trim();
    if (!sentence) return null;
    if (this.full) return this.drop(this.kept.length >= t.sentences.max ? 'too-many-sentences' : 'too-long');
    if (topicsIn(sentence, t.forbiddenTopics).length) return this.drop('forbidden-topic');
    if (this.warm === 0 && countMarkers(sentence, COLD_MARKERS) > t.warmth.maxCold) return this.drop('cold-wording');
    const isQuestion = /\?["”’)]?$/.test(sentence);
    if (isQuestion && this.questions >= t.maxQuestions) return this.drop('too-many-questions');
    const register = formalityScore(sentence);
    if ((register.informal && this.informal + register.informal > t.formality.maxInformal) || (register.formal && this.formal + register.formal > t.formality.maxFormal)) {
      const adjusted = adjustFormality(sentence, t);
      if (adjusted !== sentence) this.changes.push(register.informal ? 'too-informal' : 'too-formal');
      sentence = adjusted;
    }
    // A struggling user hears a caring word first; the opener and this sentence share the first slot.
    const opener = this.kept.length === 0 && t.softness >= 0.5 && t.warmth.minWarmWhenUpset > 0 && countMarkers(sentence, WARM_MARKERS) === 0;
    let words = countWords(sentence);
    if (this.kept.length > 0 && (this.kept.length >= t.sentences.max || this.words + words > t.words.max)) {
      this.full = true;
      return this.drop(this.kept.length >= t.sentences.max ? 'too-many-sentences' : 'too-long');
    }
    const budget = t.words.max - this.words - (opener ? countWords(WARM_OPENER) : 0);
    if (words > budget) {
      sentence = truncateSentence(sentence, budget);
      words = countWords(sentence);
      this.changes.push('too-long');
      this.full = true;
    }
    if (opener) {
      this.push(WARM_OPENER);
      this.changes.push('not-warm');
    }
    if (/!["”’)]?$/.test(sentence)) {
      if (this.exclamations + 1 > allowedExclamations(t, this.kept.length + 1)) {
        sentence = demote(sentence);
        this.changes.push('too-many-exclamations');
      } else this.exclamations++;
    }
    if (/\?["”’)]?$/.test(sentence)) this.questions++;
    this.push(sentence);
    if (this.kept.length >= t.sentences.max || this.words >= t.words.max) this.full = true;
    return opener ? `${WARM_OPENER} ${sentence}` : sentence;
  }

  private push(sentence: string): void {
    const register = formalityScore(sentence);
    this.kept.push(sentence);
    this.words += countWords(sentence);
    this.warm += countMarkers(sentence, WARM_MARKERS);
    this.informal += register.informal;
    this.formal += register.formal;
  }

  private drop(reason: StyleViolationType | null): null {
    if (reason) this.changes.push(reason);
    return null;
  }
}

/** Repairs a reply for this persona and turn; the built-in brain's last step, so its replies are in band by construction. */
export function fitReply(reply: string, persona: Persona, adaptation?: Adaptation): string {
  return repairReply(reply, styleTargets(persona, adaptation)).text;
}
