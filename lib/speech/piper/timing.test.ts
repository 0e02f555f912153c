import { describe, expect, test } from 'vitest';
import { phonemeWeight, splitPhonemes, spreadPhonemes, voicedSpan, wordTimings } from './timing';

describe('splitPhonemes', () => {
  test('stress joins the next phoneme, length the one before; diphthongs and affricates stay whole', () => {
    expect(splitPhonemes('hˈaʊ ɑːɹ juː, tʃˈɪps?')).toEqual(['h', 'ˈaʊ', ' ', 'ɑː', 'ɹ', ' ', 'j', 'uː', ',', ' ', 'tʃ', 'ˈɪ', 'p', 's', '?']);
  });
});

describe('spreadPhonemes', () => {
  test('fills the span exactly, in order, with vowels longer than consonants and pauses as ""', () => {
    const track = spreadPhonemes('həlˈoʊ, ðˈɛɹ.', 100, 1100);
    expect(track[0].startMs).toBe(100);
    const last = track[track.length - 1];
    expect(last.startMs + last.durationMs).toBeCloseTo(1100, 6);
    for (let i = 1; i < track.length; i++) expect(track[i].startMs).toBeCloseTo(track[i - 1].startMs + track[i - 1].durationMs, 6);
    const byPhoneme = Object.fromEntries(track.map((p) => [p.phoneme, p.durationMs]));
    expect(byPhoneme['ˈoʊ']).toBeGreaterThan(byPhoneme['ə']);
    expect(byPhoneme['ə']).toBeGreaterThan(byPhoneme.h);
    expect(track.filter((p) => p.phoneme === '').length).toBe(3); // ',' ' ' '.'
  });

  test('weights', () => {
    expect(phonemeWeight('ˈaʊ')).toBe(1.5);
    expect(phonemeWeight('iː')).toBe(1.5);
    expect(phonemeWeight('ɪ')).toBe(1);
    expect(phonemeWeight('t')).toBe(0.65);
    expect(phonemeWeight(',')).toBeGreaterThan(phonemeWeight(' '));
  });

  test('an empty span gives zero-length phonemes, not NaN', () => {
    expect(spreadPhonemes('a', 5, 5)).toEqual([{ phoneme: 'a', startMs: 5, durationMs: 0 }]);
  });
});

describe('voicedSpan and wordTimings', () => {
  test('finds the first and last sample above the threshold', () => {
    const samples = new Float32Array(100);
    samples[10] = 0.5;
    samples[70] = -0.2;
    expect(voicedSpan(samples)).toEqual({ start: 10, end: 71 });
    expect(voicedSpan(new Float32Array(10))).toBeNull();
  });

  test('word starts spread by character position, offsets into the whole text', () => {
    expect(wordTimings('Hi you', 10, 0, 600)).toEqual([
      { ms: 0, charIndex: 10, phoneme: '' },
      { ms: 300, charIndex: 13, phoneme: '' },
    ]);
  });
});
