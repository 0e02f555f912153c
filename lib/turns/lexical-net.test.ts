import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lexicalCues, tokenize, wordModelProbability } from './lexical';
import { LEXICAL_MAX_TOKENS, LEXICAL_VOCAB_SIZE, LexicalNet, LexicalNetError, lexicalTokenId, type LexicalNetJson } from './lexical-net';
import type { TurnModelJson } from './model';

/** A 1-dimensional GRU written out by hand (PyTorch's equations), to check the typed-array one. */
function scalarGru(net: LexicalNetJson, ids: number[]): number {
  const s = (x: number) => 1 / (1 + Math.exp(-x));
  let h = 0;
  for (const id of ids) {
    const x = net.embedding[id];
    const r = s(net.weightIh[0] * x + net.biasIh[0] + net.weightHh[0] * h + net.biasHh[0]);
    const z = s(net.weightIh[1] * x + net.biasIh[1] + net.weightHh[1] * h + net.biasHh[1]);
    const n = Math.tanh(net.weightIh[2] * x + net.biasIh[2] + r * (net.weightHh[2] * h + net.biasHh[2]));
    h = (1 - z) * n + z * h;
  }
  return s(net.out[0] * h + net.outBias);
}

function tinyNet(): LexicalNetJson {
  const embedding = Array.from({ length: LEXICAL_VOCAB_SIZE }, (_, i) => Math.sin(i * 1.7));
  return {
    kind: 'gru', vocabSize: LEXICAL_VOCAB_SIZE, embedDim: 1, hiddenDim: 1, embedding,
    weightIh: [0.8, -0.6, 1.3], weightHh: [0.4, 0.9, -0.7], biasIh: [0.1, -0.2, 0.05], biasHh: [0.0, 0.3, -0.1],
    out: [2.5], outBias: -0.4,
  };
}

describe('word model v3 (GRU)', () => {
  it('keeps closed-class words, maps common words to their part of speech and others to suffix shapes', () => {
    expect(lexicalTokenId('and')).toBeGreaterThan(12);
    expect(lexicalTokenId('because')).not.toBe(lexicalTokenId('and'));
    // Not in the common-word lexicon: suffix shapes.
    expect(lexicalTokenId('gardening')).toBe(1);
    expect(lexicalTokenId('planted')).toBe(2);
    expect(lexicalTokenId('wobbly')).toBe(3);
    expect(lexicalTokenId('zebras')).toBe(4);
    expect(lexicalTokenId('42')).toBe(5);
    expect(lexicalTokenId('giraffe')).toBe(6);
    // Common words: their part of speech; irregular pasts share the -ed token, adverbs the -ly one.
    expect(lexicalTokenId('glass')).toBe(7);
    expect(lexicalTokenId('kitchen')).toBe(lexicalTokenId('cat'));
    expect(lexicalTokenId('walk')).toBe(10);
    expect(lexicalTokenId('sold')).toBe(lexicalTokenId('planted'));
    expect(lexicalTokenId('quickly')).toBe(lexicalTokenId('wobbly'));
    expect(lexicalTokenId('proud')).toBe(12);
  });

  it('computes the same GRU as the written-out equations', () => {
    const json = tinyNet();
    const net = new LexicalNet(json);
    for (const text of ['and', 'I planted tomatoes yesterday', 'so the thing is', 'what do you think']) {
      const words = tokenize(text);
      expect(net.probability(words)).toBeCloseTo(scalarGru(json, words.map(lexicalTokenId)), 12);
    }
  });

  it('averages an ensemble: the net and its members', () => {
    const a = tinyNet();
    const b = { ...tinyNet(), out: [-1.5], outBias: 0.7 };
    const words = tokenize('I planted tomatoes yesterday');
    const pa = new LexicalNet(a).probability(words);
    const pb = new LexicalNet(b).probability(words);
    expect(Math.abs(pa - pb)).toBeGreaterThan(0.1);
    expect(wordModelProbability({ ...a, members: [b] }, words, 0, 0)).toBeCloseTo((pa + pb) / 2, 12);
    expect(wordModelProbability(a, words, 0, 0)).toBeCloseTo(pa, 12);
  });

  it('reads only the last LEXICAL_MAX_TOKENS words and is deterministic', () => {
    const net = new LexicalNet(tinyNet());
    const tail = Array.from({ length: LEXICAL_MAX_TOKENS }, (_, i) => (i % 2 ? 'the' : 'garden'));
    const long = ['because', 'and', 'um', ...tail];
    expect(net.probability(long)).toBe(net.probability(tail));
    expect(net.probability(long)).toBe(net.probability(long));
  });

  it('runs only the new words of a growing transcript and gives the same number as a full run', () => {
    const json = { ...tinyNet(), embedDim: 2, hiddenDim: 2 } as LexicalNetJson;
    // A 2-dimensional net, so the carried state is a vector.
    json.embedding = Array.from({ length: LEXICAL_VOCAB_SIZE * 2 }, (_, i) => Math.sin(i * 0.37));
    json.weightIh = Array.from({ length: 12 }, (_, i) => Math.cos(i * 1.1));
    json.weightHh = Array.from({ length: 12 }, (_, i) => Math.sin(i * 0.7 + 1));
    json.biasIh = Array.from({ length: 6 }, (_, i) => 0.1 * i - 0.2);
    json.biasHh = Array.from({ length: 6 }, (_, i) => 0.05 * i);
    json.out = [1.2, -0.8];
    const cached = new LexicalNet(json);
    const words = tokenize('so yesterday I went down to the old garden centre with my sister and we bought two apple trees because');
    const runs: number[] = [];
    for (let k = 1; k <= words.length; k++) {
      const p = cached.probability(words.slice(0, k));
      runs.push(cached.lastRunTokens);
      expect(p).toBe(new LexicalNet(json).probability(words.slice(0, k)));
    }
    // One new word per call while the transcript fits the window; the full window once it slides.
    expect(runs.slice(0, LEXICAL_MAX_TOKENS)).toEqual(Array(LEXICAL_MAX_TOKENS).fill(1));
    expect(runs.slice(LEXICAL_MAX_TOKENS)).toEqual(Array(words.length - LEXICAL_MAX_TOKENS).fill(LEXICAL_MAX_TOKENS));
    // A revised partial (a word changed) and a repeat: still the same numbers as fresh runs.
    const revised = [...words.slice(0, 5), 'walked', ...words.slice(6, 9)];
    expect(cached.probability(revised)).toBe(new LexicalNet(json).probability(revised));
    expect(cached.lastRunTokens).toBe(revised.length);
    expect(cached.probability(revised)).toBe(new LexicalNet(json).probability(revised));
    expect(cached.lastRunTokens).toBe(0);
    expect(cached.probability(words.slice(0, 3))).toBe(new LexicalNet(json).probability(words.slice(0, 3)));
  });

  it('rejects weights of the wrong shape or vocabulary', () => {
    expect(() => new LexicalNet({ ...tinyNet(), vocabSize: 10 })).toThrow(LexicalNetError);
    expect(() => new LexicalNet({ ...tinyNet(), out: [1, 2] })).toThrow(LexicalNetError);
  });

  it('the shipped word model holds after trailing function words and ends on complete sentences', () => {
    const model = JSON.parse(readFileSync(join(__dirname, '../../public/models/turns/turn-model.json'), 'utf8')) as TurnModelJson;
    expect(model.lexical?.kind).toBe('gru');
    const p = (text: string) => lexicalCues(text, model.lexical).endProbability;
    // None of these sentences is in the training banks. Since v6 the word model has learnt from
    // spoken banks in which a complete-looking clause is sometimes continued ("I went to the
    // doctor, and she said…"), so a plain statement is no longer a sure end (v5: 0.65 for "she
    // repaired the old clock" and "i went to the dentist", v6: 0.33–0.56 over two seeds) and
    // prosody decides; what must hold is the gap to fragments that cannot end a sentence.
    for (const hold of ['and', 'um so', 'my neighbour told me that', 'because the', 'we drove down to the']) expect(p(hold)).toBeLessThan(0.1);
    for (const end of ['where did you park the van', 'she repaired the old clock', 'thank you very much', 'i went to the dentist']) expect(p(end)).toBeGreaterThan(0.25);
  });

  it('the shipped word model holds after a conjunction and a sentence adverbial, and rises once the clause comes', () => {
    const model = JSON.parse(readFileSync(join(__dirname, '../../public/models/turns/turn-model.json'), 'utf8')) as TurnModelJson;
    const p = (text: string) => lexicalCues(text, model.lexical).endProbability;
    // v7 (grammar: conj_adverbial). v6 gave "we got to the station and out of nowhere" 0.87 and
    // "the lift broke and to make matters worse" 0.40; v7 0.12–0.14 and 0.02 over two seeds
    // ("i rang the council but for some reason" was 0.00 already: a guard, not a v7 change).
    for (const hold of ['we got to the station and out of nowhere', 'the lift broke and to make matters worse', 'i rang the council but for some reason']) {
      expect(p(hold)).toBeLessThan(0.3);
    }
    // v8 0.48 against 0.09; v9 (complement ends) 0.46 against 0.20: the gap narrowed, so 0.2, not 0.3.
    expect(p('we got to the station and out of nowhere a fox ran out')).toBeGreaterThan(p('we got to the station and out of nowhere') + 0.2);
  });

  it('the shipped word model does not read a sentence ending in a time phrase or a stance as a sure hold', () => {
    const model = JSON.parse(readFileSync(join(__dirname, '../../public/models/turns/turn-model.json'), 'utf8')) as TurnModelJson;
    const p = (text: string) => lexicalCues(text, model.lexical).endProbability;
    // "mid, after lunch," holds and "… after lunch." ends share their words; prosody tells them
    // apart. v4 gave these under 0.01 (it had only seen such adjuncts in holds).
    for (const text of ['i finished the book before lunch', 'it was too cold to be honest', 'we walked home after the concert']) {
      expect(p(text)).toBeGreaterThan(0.1);
    }
  });
});
