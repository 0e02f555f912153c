import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { cleanEspeakIpa, phonemizeSentence, phonemizeText, splitSentences } from './phonemize';

describe('splitSentences', () => {
  test.each([
    ['Hello there. How are you?', ['Hello there.', 'How are you?']],
    ['Wait!! Really?! Yes', ['Wait!!', 'Really?!', 'Yes']],
    ['It costs 3.5 dollars. Fine.', ['It costs 3.5 dollars.', 'Fine.']],
    ['“Go.” She went.', ['“Go.”', 'She went.']],
    ['One line\nanother line', ['One line', 'another line']],
    ['   ', []],
  ])('%j', (text, expected) => {
    const sentences = splitSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(expected);
    for (const s of sentences) expect(text.slice(s.charStart, s.charStart + s.text.length)).toBe(s.text);
  });
});

describe('Piper phoneme strings', () => {
  test('eSpeak IPA loses separators, newlines and language flags', () => {
    expect(cleanEspeakIpa('h_ə_l_ˈoʊ ð_ˈɛɹ\nh_ˌaʊ (fr)b_ɔ̃(en)\n')).toBe('həlˈoʊ ðˈɛɹ hˌaʊ bɔ̃');
  });

  test('clause punctuation is kept the way Piper keeps it', () => {
    const fake = (clause: string) => clause.toLowerCase().replace(/ /g, '_ ');
    expect(phonemizeSentence('Well, hello there!', fake)).toBe('well, hello there!');
    expect(phonemizeSentence('Yes; no: maybe', fake)).toBe('yes; no: maybe.');
    expect(phonemizeSentence('Why...', fake)).toBe('why.');
  });

  test('empty sentences are dropped', () => {
    expect(phonemizeText('... Hi.', (c) => c).map((s) => s.phonemes)).toEqual(['Hi.']);
  });
});

// The real phonemizer the worker uses: eSpeak NG's emscripten build.
const require = createRequire(import.meta.url);
describe('with eSpeak NG (the worker’s phonemizer)', () => {
  test('gives Piper-style IPA per sentence', async () => {
    const mod = (await import(pathToFileURL(require.resolve('@echogarden/espeak-ng-emscripten/espeak-ng.js')).href)) as { default: () => Promise<{ eSpeakNGWorker: new () => { set_voice(v: string): number; synthesize_ipa(t: string): { code: number; ipa: string } } }> };
    const engine = new (await mod.default()).eSpeakNGWorker();
    expect(engine.set_voice('en-us')).toBe(0);
    const sentences = phonemizeText('Hello there. How are you, today?', (clause) => engine.synthesize_ipa(clause).ipa);
    expect(sentences.map((s) => s.phonemes)).toEqual(['həlˈoʊ ðˈɛɹ.', 'hˈaʊ ɑːɹ juː, tədˈeɪ?']);
  }, 30_000);
});
