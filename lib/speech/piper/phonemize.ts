/**
 * Text → Piper phoneme strings, per sentence, the way Piper builds them from eSpeak NG: each
 * clause's IPA (no separators, words split by spaces) followed by the clause's punctuation
 * ("," ";" ":" then a space; "." "?" "!" end the sentence). Piper synthesizes each sentence on
 * its own and joins them with `SENTENCE_SILENCE_S` of silence.
 */

/** Silence between sentences, seconds (Piper's `sentence_silence` default). */
export const SENTENCE_SILENCE_S = 0.2;

export interface PiperSentence {
  /** The sentence's text, as in the input. */
  text: string;
  /** Offset of `text` in the input, characters. */
  charStart: number;
  /** IPA with Piper's punctuation, e.g. "həlˈoʊ, ðˈɛɹ." */
  phonemes: string;
}

/** Splits text into sentences at . ! ? (and … or newlines) followed by space or the end. */
export function splitSentences(text: string): { text: string; charStart: number }[] {
  const sentences: { text: string; charStart: number }[] = [];
  const pattern = /[^.!?…\n]*(?:[.!?…]+["'”’)\]]*|\n|$)/g;
  for (const match of text.matchAll(pattern)) {
    const raw = match[0];
    if (!raw.trim()) continue;
    const leading = raw.length - raw.trimStart().length;
    sentences.push({ text: raw.trim(), charStart: (match.index ?? 0) + leading });
  }
  // "3.5" or "e.g. this": a period inside a word is not a sentence end. Merge pieces that do not
  // end before whitespace back into the next one.
  const merged: { text: string; charStart: number }[] = [];
  for (const sentence of sentences) {
    const previous = merged[merged.length - 1];
    if (previous) {
      const gap = text.slice(previous.charStart + previous.text.length, sentence.charStart);
      if (gap === '' && /[.]$/.test(previous.text)) {
        previous.text = text.slice(previous.charStart, sentence.charStart + sentence.text.length);
        continue;
      }
    }
    merged.push({ ...sentence });
  }
  return merged;
}

/** eSpeak's IPA output ("h_ə_l_ˈoʊ ð_ˈɛɹ\n…") as Piper's: no separators, no language flags, one space between words. */
export function cleanEspeakIpa(ipa: string): string {
  return ipa
    .replace(/\([a-z]{2,3}(?:-[a-z0-9-]+)?\)/gi, '')
    .replace(/_/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const CLAUSE = /([^,;:.!?…]*)([,;:.!?…]*)/g;

/**
 * Phonemizes one sentence clause by clause with `ipaOf` (eSpeak's `synthesize_ipa` in the worker),
 * keeping the punctuation Piper keeps.
 */
export function phonemizeSentence(sentence: string, ipaOf: (clause: string) => string): string {
  const parts: string[] = [];
  for (const match of sentence.matchAll(CLAUSE)) {
    const [, words, punctuation] = match;
    if (!words.trim() && !punctuation) continue;
    const ipa = words.trim() ? cleanEspeakIpa(ipaOf(words.trim())) : '';
    const mark = punctuation.includes('?') ? '?' : punctuation.includes('!') ? '!' : /[.…]/.test(punctuation) ? '.' : punctuation ? punctuation[0] : '';
    if (!ipa && !parts.length) continue;
    parts.push(`${ipa}${mark} `);
  }
  let phonemes = parts.join('').replace(/\s+/g, ' ').replace(/ ([,;:.?!])/g, '$1').trim();
  // Piper ends every sentence with its terminator; eSpeak treats a bare end as a period.
  if (phonemes && !/[.?!]$/.test(phonemes)) phonemes += '.';
  return phonemes;
}

/** All sentences of `text` with their Piper phoneme strings (empty sentences dropped). */
export function phonemizeText(text: string, ipaOf: (clause: string) => string): PiperSentence[] {
  return splitSentences(text)
    .map((s) => ({ ...s, phonemes: phonemizeSentence(s.text, ipaOf) }))
    .filter((s) => s.phonemes.replace(/[.?!,;: ]/g, '') !== '');
}
