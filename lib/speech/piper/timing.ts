/**
 * Lip-sync timings for Piper audio. Piper returns no phoneme times, so each sentence's IPA is cut
 * into phonemes and spread over the sentence's voiced audio (first to last sample above the
 * silence threshold), each phoneme's share weighted by its class: long vowels and diphthongs >
 * vowels > consonants; punctuation and word gaps become pauses ('' closes the mouth).
 */
import type { SpeechPhoneme } from '../types';

const VOWELS = new Set(Array.from('aeiouyæɐɑɒɔəɘɚɛɜɞɤɨɪɯɵɶʉʊʌʏᵻ'));
/** Two-symbol units eSpeak emits for English diphthongs and affricates. */
const PAIRS = new Set(['aɪ', 'aʊ', 'eɪ', 'oʊ', 'ɔɪ', 'əʊ', 'tʃ', 'dʒ']);
const MODIFIERS = /[ːˑ˞ʰʲˤ\u0300-\u036f]/u;
const STRESS = /[ˈˌ]/u;
const PAUSES: Record<string, number> = { ' ': 0.15, ',': 1.2, ';': 1.2, ':': 1.2, '.': 0.6, '?': 0.6, '!': 0.6, '-': 0.3 };

/** Relative duration of one phoneme unit (a pause's weight for ''-phonemes). */
export function phonemeWeight(unit: string): number {
  if (unit in PAUSES) return PAUSES[unit];
  const base = unit.replace(STRESS, '');
  const vowel = VOWELS.has(Array.from(base)[0] ?? '');
  let weight = vowel ? 1 : 0.65;
  if (vowel && (PAIRS.has(base.slice(0, 2)) || base.includes('ː'))) weight = 1.5;
  return weight;
}

/** Cuts Piper IPA into phoneme units: stress marks join the next phoneme, length marks the one before, diphthongs and affricates stay whole. */
export function splitPhonemes(ipa: string): string[] {
  const symbols = Array.from(ipa.normalize('NFC'));
  const units: string[] = [];
  let stress = '';
  for (let i = 0; i < symbols.length; i++) {
    const symbol = symbols[i];
    if (STRESS.test(symbol)) {
      stress += symbol;
      continue;
    }
    if (MODIFIERS.test(symbol) && units.length && !(units[units.length - 1] in PAUSES)) {
      units[units.length - 1] += symbol;
      continue;
    }
    if (symbol in PAUSES) {
      units.push(symbol);
      stress = '';
      continue;
    }
    const pair = symbol + (symbols[i + 1] ?? '');
    if (PAIRS.has(pair)) {
      units.push(stress + pair);
      i++;
    } else {
      units.push(stress + symbol);
    }
    stress = '';
  }
  return units;
}

/**
 * Phoneme track for one sentence: its units spread over [startMs, endMs) by weight. Pauses come
 * out as '' so the face closes the mouth there.
 */
export function spreadPhonemes(ipa: string, startMs: number, endMs: number): SpeechPhoneme[] {
  const units = splitPhonemes(ipa);
  const weights = units.map(phonemeWeight);
  const total = weights.reduce((a, b) => a + b, 0);
  const span = Math.max(0, endMs - startMs);
  const track: SpeechPhoneme[] = [];
  let at = startMs;
  units.forEach((unit, i) => {
    const durationMs = total > 0 ? (span * weights[i]) / total : 0;
    track.push({ phoneme: unit in PAUSES ? '' : unit, startMs: at, durationMs });
    at += durationMs;
  });
  return track;
}

/** First and last sample index above `threshold` (the voiced span), or null for a silent clip. */
export function voicedSpan(samples: Float32Array, from = 0, to = samples.length, threshold = 0.01): { start: number; end: number } | null {
  let start = from;
  while (start < to && Math.abs(samples[start]) < threshold) start++;
  if (start >= to) return null;
  let end = to;
  while (end > start && Math.abs(samples[end - 1]) < threshold) end--;
  return { start, end };
}

/** Word-start events for captions: a sentence's words spread over its span by character position. */
export function wordTimings(sentence: string, charStart: number, startMs: number, endMs: number): { ms: number; charIndex: number; phoneme: string }[] {
  const events: { ms: number; charIndex: number; phoneme: string }[] = [];
  const length = Math.max(1, sentence.length);
  for (const match of sentence.matchAll(/\S+/g)) {
    const index = match.index ?? 0;
    events.push({ ms: startMs + ((endMs - startMs) * index) / length, charIndex: charStart + index, phoneme: '' });
  }
  return events;
}
