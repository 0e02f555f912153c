/**
 * Text normalisation shared by the recognizers and WER: lower case, curly quotes straightened,
 * punctuation dropped (apostrophes inside words kept), Whisper's non-speech annotations removed.
 */

/** Whisper writes these for silence, music and noise; they are not words the user said. */
const ANNOTATION = /\[[^\]]*\]|\([^)]*\)|\*[^*]*\*|♪+/g;

/** Lower-case words of `text`, joined by single spaces. */
export function normalizeTranscript(text: string): string {
  return words(text).join(' ');
}

/** Lower-case words of `text` (see normalizeTranscript). */
export function words(text: string): string[] {
  const cleaned = text
    .replace(ANNOTATION, ' ')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[-\u2010-\u2015/]/g, ' ')
    // Letters, digits and in-word apostrophes survive; everything else separates words.
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ');
  return cleaned
    .split(/\s+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

/** Joins transcript segments (each already normalised or not) into one normalised string. */
export function joinSegments(segments: readonly string[]): string {
  return segments.map(normalizeTranscript).filter(Boolean).join(' ');
}
