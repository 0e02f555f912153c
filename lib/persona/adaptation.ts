/**
 * Adaptation: how this turn's reply should differ from the persona's usual style, from how the user
 * seems (perception sentence, their own words) and from procedural memories ("Prefers short
 * answers", "Call the user Sam", "Don't bring up work"). Prompt assembly, the built-in brain, the
 * style check and the voice all read the same object, and the HUD shows its reasons.
 */
import { extractCandidates } from '../memory/extract';

/** How this reply departs from the persona's usual style. */
export interface Adaptation {
  /** Multiplies the persona's reply-length band, 0.4..1.5 (1 = usual). */
  lengthScale: number;
  /** Multiplies the voice's speech rate, 0.8..1.1 (1 = usual). */
  rate: number;
  /** How much softer than usual, 0..1: fewer exclamations, no jokes, warmth expected. */
  softness: number;
  /** Why, in words for the user: "you seem tired", "you prefer brevity". */
  reasons: string[];
  /** The name the user asked to be called, if any. */
  callName?: string;
  /** Topics the user asked not to be brought up. */
  avoidTopics: string[];
}

/** A memory as the memory port returns it; `tier` is 'procedural' for preferences and rules. */
export interface AdaptationMemory {
  text: string;
  tier?: string;
}

export interface AdaptationInput {
  /** The latest perception sentence (may include cues and age). */
  affect?: string;
  /** What the user just said. */
  userText?: string;
  /** Recalled memories; procedural ones (by tier, or by their rule text) adapt the reply. */
  memories?: readonly AdaptationMemory[];
  /** Local time, for time-of-day preferences ("short answers in the morning"). */
  now?: Date;
  /** The user's earlier turns in this call: preferences said there ("keep it short") apply at once, before memory has stored them. */
  dialogue?: readonly string[];
}

export const NO_ADAPTATION: Adaptation = Object.freeze({ lengthScale: 1, rate: 1, softness: 0, reasons: [], avoidTopics: [] }) as Adaptation;

interface MoodRule {
  pattern: RegExp;
  reason: string;
  lengthScale: number;
  rate: number;
  softness: number;
}

/** Perceived or stated states that change the tone: slower, softer, shorter. */
const MOOD_RULES: readonly MoodRule[] = [
  { pattern: /\b(anxious|anxiety|worried|nervous|tense|stressed|stress|panick(y|ing)|overwhelmed)\b/i, reason: 'you seem anxious', lengthScale: 0.8, rate: 0.9, softness: 0.7 },
  { pattern: /\b(sad|feel(ing)? (so |really )?down|upset|crying|lonely|hurt|grieving|heartbroken)\b/i, reason: 'you seem sad', lengthScale: 0.8, rate: 0.9, softness: 0.8 },
  { pattern: /\b(tired|exhausted|sleepy|worn out|drained|knackered)\b/i, reason: 'you seem tired', lengthScale: 0.7, rate: 0.88, softness: 0.5 },
  { pattern: /\b(frustrated|angry|annoyed|irritated|fed up)\b/i, reason: 'you seem frustrated', lengthScale: 0.8, rate: 0.95, softness: 0.6 },
];

/** A negation right before a mood word ("not tired", "no longer anxious") cancels it. */
function moodMatches(rule: MoodRule, text: string): boolean {
  const m = rule.pattern.exec(text);
  if (!m) return false;
  const before = text.slice(Math.max(0, m.index - 20), m.index).toLowerCase();
  return !/\b(not|no longer|never|isn'?t|aren'?t|wasn'?t|don'?t)\s+(\w+\s+)?$/.test(before);
}

const PREFERS = /^prefers (short|long) answers(?: in the (morning|afternoon|evening))?$/i;
const CALL_NAME = /^call the user ([A-Za-z][A-Za-z'-]{0,30})$/i;
const AVOID = /^don'?t bring up (.{2,60})$/i;

function partOfDay(now: Date): 'morning' | 'afternoon' | 'evening' {
  const h = now.getHours();
  return h < 12 ? 'morning' : h < 18 ? 'afternoon' : 'evening';
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Combines perception, the user's words and procedural memories into one adaptation; rules and ranges above. */
export function computeAdaptation(input: AdaptationInput): Adaptation {
  let lengthScale = 1;
  let rate = 1;
  let softness = 0;
  const reasons: string[] = [];
  const avoidTopics: string[] = [];
  let callName: string | undefined;
  for (const rule of MOOD_RULES) {
    // Perception says how the user looks; their own words count as much. One reason per mood.
    const seen = (input.affect && moodMatches(rule, input.affect)) || (input.userText && moodMatches(rule, input.userText));
    if (!seen) continue;
    lengthScale = Math.min(lengthScale, rule.lengthScale);
    rate = Math.min(rate, rule.rate);
    softness = Math.max(softness, rule.softness);
    reasons.push(rule.reason);
  }
  const now = input.now ?? new Date();
  for (const memory of [...(input.memories ?? []), ...preferencesSaid([...(input.dialogue ?? []), input.userText ?? ''])]) {
    if (memory.tier !== undefined && memory.tier !== 'procedural') continue;
    const text = memory.text.trim().replace(/[.!]+$/, '');
    let m: RegExpExecArray | null;
    if ((m = PREFERS.exec(text))) {
      if (m[2] && m[2].toLowerCase() !== partOfDay(now)) continue;
      const short = m[1].toLowerCase() === 'short';
      const reason = short ? 'you prefer brevity' : 'you like detailed answers';
      if (reasons.includes(reason)) continue;
      lengthScale *= short ? 0.6 : 1.4;
      reasons.push(reason);
    } else if ((m = CALL_NAME.exec(text))) {
      callName = m[1][0].toUpperCase() + m[1].slice(1);
    } else if ((m = AVOID.exec(text))) {
      const topic = m[1].trim();
      if (!avoidTopics.includes(topic.toLowerCase())) {
        avoidTopics.push(topic.toLowerCase());
        reasons.push(`you asked me not to bring up ${topic}`);
      }
    }
  }
  return { lengthScale: clamp(lengthScale, 0.4, 1.5), rate: clamp(rate, 0.8, 1.1), softness: clamp(softness, 0, 1), reasons, callName, avoidTopics };
}

/** Procedural rules the user stated in this call, in the memory write path's own words ("Prefers short answers"). */
export function preferencesSaid(turns: readonly string[]): AdaptationMemory[] {
  const out: AdaptationMemory[] = [];
  for (const turn of turns) {
    if (!turn.trim()) continue;
    for (const candidate of extractCandidates(turn, [], (id) => id)) {
      if (candidate.tier === 'procedural' && !out.some((m) => m.text === candidate.text)) out.push({ text: candidate.text, tier: 'procedural' });
    }
    // Word orders the memory extractor does not catch: "keep your answers short", "be brief".
    if (/\b(?:keep (?:it|things|them|your (?:answers|replies))|be) (?:short|brief)\b/i.test(turn) && !out.some((m) => m.text === 'Prefers short answers')) {
      out.push({ text: 'Prefers short answers', tier: 'procedural' });
    }
  }
  return out;
}

/** One line for the HUD: "shorter replies, slower voice, softer because: you seem tired; you prefer brevity". */
export function describeAdaptation(adaptation: Adaptation): string {
  const effects: string[] = [];
  if (adaptation.lengthScale < 0.95) effects.push('shorter replies');
  else if (adaptation.lengthScale > 1.05) effects.push('longer replies');
  if (adaptation.rate < 0.97) effects.push('slower voice');
  if (adaptation.softness >= 0.3) effects.push('softer tone');
  if (adaptation.avoidTopics.length) effects.push(`avoiding ${adaptation.avoidTopics.join(', ')}`);
  const name = adaptation.callName ? `calling you ${adaptation.callName}` : '';
  if (!effects.length) return name || 'usual style';
  const reasons = adaptation.reasons.filter((r) => !r.startsWith('you asked me not to bring up'));
  return `${effects.join(', ')}${reasons.length ? ` because: ${reasons.join('; ')}` : ''}${name ? ` · ${name}` : ''}`;
}
