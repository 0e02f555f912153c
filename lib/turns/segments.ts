import { tokenize } from './lexical';

/** A pause this long (s) splits a turn's words into the fragments the word model was trained on. */
export const SEGMENT_PAUSE_S = 0.2;
/** A fragment that ends this little after a pause began (s) still ends before it (timing error). */
const END_TOLERANCE_S = 0.1;

/**
 * The word model learned from fragments of speech between pauses (make-turn-corpus's segments, a
 * dozen words at most); a live recognizer reports the whole turn so far, growing a word at a time.
 * Read whole, a long turn looked finished to it whatever its last words ("…that i should call my
 * sister anna about the" 0.98, the last 11 words alone 0.007). This keeps the words since the
 * user's latest pause: once a fragment has ended at a pause (its end at or before the pause began),
 * the words after it form the next fragment. Transcripts that do not extend the last one (a new turn,
 * or fragments that are not cumulative, as in the eval corpora) start again from their first word.
 */
export class TranscriptSegmenter {
  private words: string[] = [];
  /** End of the last transcript (stream s). */
  private wordsEnd = -Infinity;
  /** Index of the first word of the current fragment. */
  private start = 0;
  /** Start of the latest pause (stream s) and the word count of the last fragment that ended by it. */
  private pauseStart = -Infinity;
  private wordsAtPause: number | null = null;

  /** The detector saw a pause of SEGMENT_PAUSE_S begin at `start` (stream s). */
  pause(start: number): void {
    this.pauseStart = start;
    // Words that arrived before the pause was long enough to count may already end at it.
    this.wordsAtPause = this.words.length > 0 && this.wordsEnd <= start + END_TOLERANCE_S ? this.words.length : null;
  }

  /** The words of the latest fragment for a transcript ending at `endTime` (stream s); null if none. */
  segment(text: string, endTime: number): string | null {
    const tokens = tokenize(text);
    const extendsLast = this.words.length > 0 && tokens.length >= this.words.length && this.words.every((w, i) => tokens[i] === w);
    if (!extendsLast) {
      // A new utterance: a boundary counted in the last one's words does not apply to it.
      this.start = 0;
      this.wordsAtPause = null;
    }
    this.words = tokens;
    this.wordsEnd = endTime;
    if (endTime <= this.pauseStart + END_TOLERANCE_S) this.wordsAtPause = tokens.length;
    else if (this.wordsAtPause !== null) {
      // Counted in this utterance's earlier (shorter) transcript, so it lies within these words.
      this.start = this.wordsAtPause;
      this.wordsAtPause = null;
    }
    return this.start < tokens.length ? tokens.slice(this.start).join(' ') : null;
  }
}
