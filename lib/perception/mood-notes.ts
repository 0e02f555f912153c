/**
 * Which perception sentences become memories. Only with the user's permission
 * (`privacy.rememberMood`, off by default) and only the words: a note is written when the described
 * state changes, at most once every `minIntervalMs` (2 minutes), never below `minConfidence`, and
 * never the same sentence twice in a row. No numbers, frames or audio ever reach memory.
 */
import type { FusedDescription } from './fused-describer';

export interface MoodNoteOptions {
  /** The user allowed it (privacy.rememberMood). False → `offer` always returns null. */
  enabled: boolean;
  minIntervalMs?: number;
  minConfidence?: number;
}

export const MOOD_NOTE_INTERVAL_MS = 120_000;

/** The episodic note for one perception sentence ("tired; speaking softly" → a full sentence). */
export function moodNoteText(sentence: string): string {
  const words = sentence.trim().replace(/[.!?\s]+$/, '');
  return `During the call the user seemed ${words}.`;
}

export class MoodNotes {
  private lastSentence: string | null = null;
  private lastWrittenMs = -Infinity;
  private readonly minIntervalMs: number;
  private readonly minConfidence: number;

  constructor(private readonly options: MoodNoteOptions) {
    this.minIntervalMs = options.minIntervalMs ?? MOOD_NOTE_INTERVAL_MS;
    this.minConfidence = options.minConfidence ?? 0.5;
  }

  /** A fused description arrived at `nowMs`: the note text to store now, or null. */
  offer(description: Pick<FusedDescription, 'sentence' | 'confidence'> | null, nowMs: number): string | null {
    if (!this.options.enabled || !description) return null;
    const sentence = description.sentence.trim();
    if (!sentence || description.confidence < this.minConfidence) return null;
    if (sentence === this.lastSentence) return null;
    if (nowMs - this.lastWrittenMs < this.minIntervalMs) return null;
    this.lastSentence = sentence;
    this.lastWrittenMs = nowMs;
    return moodNoteText(sentence);
  }
}
