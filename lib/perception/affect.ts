/** The one line about how the user seems that goes to the brain (only when the user shares it). */
import type { FusedDescription } from './fused-describer';
import { incongruence } from './incongruence';

export interface AffectInputs {
  /** Fused face + voice description (preferred), or null. */
  fused: FusedDescription | null;
  /** Face-only description from the vision worker (fallback while fusion is not running). */
  face: { sentence: string; cues: string[]; timestampMs: number } | null;
  /** The user's latest words, for the incongruence check. */
  userText?: string;
  nowMs: number;
}

/**
 * "probably sad; mouth corners down, …, as of 1 s ago" plus, when words and face/voice disagree,
 * "Note: says 'I'm fine' but seems sad; …". Undefined when nothing current (≤ 10 s) is known.
 */
export function perceptionAffect({ fused, face, userText, nowMs }: AffectInputs): string | undefined {
  const current = fused && nowMs - fused.timestampMs <= 10000 ? fused : null;
  const source = current ?? (face && nowMs - face.timestampMs <= 10000 ? face : null);
  if (!source) return undefined;
  const ageSeconds = Math.max(0, Math.round((nowMs - source.timestampMs) / 1000));
  const extraCues = source.cues.filter((cue) => !source.sentence.includes(cue));
  let line = `${source.sentence}${extraCues.length ? ` (${extraCues.join(', ')})` : ''}, as of ${ageSeconds} s ago`;
  const mismatch = current && userText ? incongruence(userText, current, nowMs) : null;
  if (mismatch) line += `. Note: ${mismatch.summary}`;
  return line;
}
