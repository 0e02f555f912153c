/**
 * Word model v3 of the lexical channel: a one-layer GRU over the fragment's words that outputs
 * the probability that the fragment completes a turn. Words of the closed classes (function
 * words, auxiliaries, fillers, discourse and reporting verbs, time words) and common verbs keep
 * their identity; the commonest other words become their part of speech (lib/turns/pos-lexicon.ts:
 * noun, plural noun, name, verb, verb -s, past, -ing, adjective, adverb), and any other word a
 * shape token from its suffix, so the model learns structure ("subject + finite verb + a
 * closed-off complement" ends a turn, "… said", "… and", "… to the", "if …" hold) and carries
 * over to words it never saw.
 * Computed once per recognizer fragment (not per audio frame); weights come from
 * training/turns/train_lexical_net.py.
 */
import { POS_WORDS } from './pos-lexicon';

/**
 * Class tokens for words outside the lexicon (ids 1..SHAPES.length; 0 is unused): suffix shapes,
 * then parts of speech that no suffix shows.
 */
const SHAPES = ['<ing>', '<ed>', '<ly>', '<s>', '<num>', '<word>', '<noun>', '<nouns>', '<name>', '<verb>', '<verbs>', '<adj>'] as const;
type Shape = (typeof SHAPES)[number];

/** Part of speech (pos-lexicon.ts) -> class token; -ing, past and adverbs share the suffix shapes' tokens. */
const POS_SHAPE: Readonly<Record<string, Shape>> = {
  noun: '<noun>', nouns: '<nouns>', name: '<name>', verb: '<verb>', verbs: '<verbs>', adj: '<adj>',
  ing: '<ing>', past: '<ed>', adv: '<ly>',
};

const LEXICON_TEXT =
  // pronouns and determiners
  'i me my mine myself you your yours yourself he him his himself she her hers herself it its itself we us our ' +
  'ours ourselves they them their theirs themselves the a an this that these those some any no every each all ' +
  'both either neither much many more most few little lot lots another other such own one ones ' +
  // be / have / do / modals and contractions
  'be is am are was were been being have has had having do does did done doing ' +
  "can could will would shall should may might must cannot can't couldn't won't wouldn't shouldn't don't doesn't " +
  "didn't isn't aren't wasn't weren't haven't hasn't hadn't i'm you're we're they're he's she's it's that's " +
  "there's what's who's where's how's here's let's i've you've we've they've i'll you'll we'll they'll it'll " +
  "that'll i'd you'd we'd they'd gonna wanna gotta " +
  // conjunctions, subordinators, wh-words
  'and but or so because cause cos then although though if unless since while whereas plus also nor yet when ' +
  'where whenever after before until till once as than whether which who whom whose what why how ' +
  // prepositions and particles
  'at on in to of for with about from by into onto over under during near around across behind between ' +
  'through without within against toward towards like up down out off away back along past per via ' +
  // adverbs, discourse markers, fillers, answers
  'not never always just really very too still already even only maybe probably actually basically honestly ' +
  'literally anyway anyways well kind sort right okay ok yeah yes yep nope sure fine thanks thank please oh ah ' +
  'um uh erm er hmm mm mhm huh wow hey hi hello bye sorry true exactly definitely absolutely totally ' +
  'quite pretty rather almost again ever here there now later soon first second third finally next last ' +
  'ago today tonight yesterday tomorrow morning afternoon evening night week weekend month year day time ' +
  'monday tuesday wednesday thursday friday saturday sunday christmas ' +
  // framing nouns and adjectives that decide completeness
  'thing things problem point question reason idea part way stuff fact story matter deal issue plan worry ' +
  'truth news word good bad great nice happy sad tired better worse best worst glad afraid sure ready ' +
  'same else something anything nothing everything someone anyone everyone nobody somebody everybody ' +
  // reporting, discourse and framing verbs
  'mean means meant know knew known think thinks thought thinking guess suppose reckon say says said saying ' +
  'tell tells told telling wonder wondering wondered see sees saw seen look looking listen wait hope believe ' +
  'feel feels felt feeling seem seems seemed want wants wanted need needs needed try tries tried trying ' +
  'like likes liked love loves loved hate go goes went gone going get gets got getting come comes came coming ' +
  'make makes made take takes took taken give gives gave given keep keeps kept let put ask asks asked ' +
  'call called work works worked start started stop stopped finish finished happen happened ' +
  'remember remembered forget forgot explain explained mention mentioned decide decided';

const LEXICON: readonly string[] = LEXICON_TEXT.split(' ');
const VOCAB = new Map<string, number>();
for (const word of LEXICON) if (!VOCAB.has(word)) VOCAB.set(word, 1 + SHAPES.length + VOCAB.size);

/** Size of the token space (ids 0..VOCAB_SIZE-1), for the trainer's embedding table. */
export const LEXICAL_VOCAB_SIZE = 1 + SHAPES.length + VOCAB.size;

const POS = new Map<string, number>();
for (const [pos, words] of Object.entries(POS_WORDS)) {
  const id = 1 + SHAPES.indexOf(POS_SHAPE[pos]);
  for (const word of words.split(' ')) if (!VOCAB.has(word)) POS.set(word, id);
}

/** Token id of one lower-case word: its own id when in the lexicon, else its part of speech, else a suffix shape. */
export function lexicalTokenId(word: string): number {
  const id = VOCAB.get(word) ?? POS.get(word);
  if (id !== undefined) return id;
  let shape: number;
  if (/^[0-9]/.test(word)) shape = 4;
  else if (word.length > 4 && word.endsWith('ing')) shape = 0;
  else if (word.length > 3 && word.endsWith('ed')) shape = 1;
  else if (word.length > 3 && word.endsWith('ly')) shape = 2;
  else if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) shape = 3;
  else shape = 5;
  return 1 + shape;
}

/** Longest word sequence the net reads: the fragment's last words. */
export const LEXICAL_MAX_TOKENS = 16;

/** Writes the token ids of the words the net reads (the last LEXICAL_MAX_TOKENS) into `into`; returns their count. */
export function windowTokenIds(words: readonly string[], into: Int32Array): number {
  const from = Math.max(0, words.length - LEXICAL_MAX_TOKENS);
  for (let t = from; t < words.length; t++) into[t - from] = lexicalTokenId(words[t]);
  return words.length - from;
}

/** Weights of the GRU word model, as written by train_lexical_net.py (row-major, PyTorch's gate order r, z, n). */
export interface LexicalNetJson {
  kind: 'gru';
  vocabSize: number;
  embedDim: number;
  hiddenDim: number;
  /** vocabSize × embedDim. */
  embedding: number[];
  /** 3·hiddenDim × embedDim. */
  weightIh: number[];
  /** 3·hiddenDim × hiddenDim. */
  weightHh: number[];
  biasIh: number[];
  biasHh: number[];
  /** hiddenDim output weights and one bias. */
  out: number[];
  outBias: number;
  /**
   * Optional second word model (the v2 logistic one over sparse keys) whose probability is
   * averaged with the net's: the two err on different fragments, and the average is rarely
   * confidently wrong (see docs/turn-taking.md).
   */
  blend?: { bias: number; weights: Record<string, number> };
  /**
   * Optional further GRUs of the same shape, trained with other seeds; the word probability is the
   * mean over this net and them (an ensemble errs less often with confidence on unseen texts).
   */
  members?: LexicalNetWeights[];
}

/** The weights of one GRU (a member of an ensemble carries no blend and no members). */
export type LexicalNetWeights = Omit<LexicalNetJson, 'blend' | 'members'>;

export class LexicalNetError extends Error {
  readonly code = 'model:load' as const;
}

/**
 * Runs the GRU word model; buffers are allocated once per model. A recognizer's transcript grows
 * a word or two per fragment, so the state after the last call's tokens is kept: when the new
 * tokens extend the last ones, only the new tokens are run (the result is the same number as a
 * full run: the same operations in the same order).
 */
export class LexicalNet {
  private readonly h: Float64Array;
  private readonly ids = new Int32Array(LEXICAL_MAX_TOKENS);
  /** Token ids of the last call and the state after them (valid for cachedLength tokens). */
  private readonly cachedIds = new Int32Array(LEXICAL_MAX_TOKENS);
  private readonly cachedH: Float64Array;
  private cachedLength = 0;
  /** Tokens run through the GRU by the last call (for tests). */
  lastRunTokens = 0;
  private readonly gi: Float64Array;
  private readonly gh: Float64Array;
  private readonly E: Float64Array;
  private readonly Wih: Float64Array;
  private readonly Whh: Float64Array;

  constructor(private readonly json: LexicalNetWeights) {
    const { vocabSize: V, embedDim: D, hiddenDim: H } = json;
    if (json.kind !== 'gru') throw new LexicalNetError(`unknown word model ${String(json.kind)}`);
    if (V !== LEXICAL_VOCAB_SIZE) throw new LexicalNetError(`word model vocabulary ${V} does not match lib/turns (${LEXICAL_VOCAB_SIZE})`);
    if (json.embedding.length !== V * D || json.weightIh.length !== 3 * H * D || json.weightHh.length !== 3 * H * H ||
        json.biasIh.length !== 3 * H || json.biasHh.length !== 3 * H || json.out.length !== H) {
      throw new LexicalNetError('word model weights have the wrong shapes');
    }
    this.E = Float64Array.from(json.embedding);
    this.Wih = Float64Array.from(json.weightIh);
    this.Whh = Float64Array.from(json.weightHh);
    this.h = new Float64Array(H);
    this.cachedH = new Float64Array(H);
    this.gi = new Float64Array(3 * H);
    this.gh = new Float64Array(3 * H);
  }

  /** Probability that the words complete a turn, 0..1. */
  probability(words: readonly string[]): number {
    return this.probabilityOfIds(this.ids, windowTokenIds(words, this.ids));
  }

  /** The same for the first `n` (≤ LEXICAL_MAX_TOKENS) of `ids`, as `windowTokenIds` writes them. */
  probabilityOfIds(ids: Int32Array, n: number): number {
    const { embedDim: D, hiddenDim: H, biasIh, biasHh, out, outBias } = this.json;
    const { h, gi, gh, E, Wih, Whh, cachedIds } = this;
    let same = this.cachedLength <= n ? this.cachedLength : 0;
    for (let t = 0; t < same; t++) {
      if (ids[t] !== cachedIds[t]) {
        same = 0;
        break;
      }
    }
    if (same > 0) h.set(this.cachedH);
    else h.fill(0);
    this.lastRunTokens = n - same;
    for (let t = same; t < n; t++) {
      cachedIds[t] = ids[t];
      const base = ids[t] * D;
      for (let g = 0; g < 3 * H; g++) {
        let a = biasIh[g];
        let b = biasHh[g];
        const ri = g * D;
        for (let d = 0; d < D; d++) a += Wih[ri + d] * E[base + d];
        const rh = g * H;
        for (let k = 0; k < H; k++) b += Whh[rh + k] * h[k];
        gi[g] = a;
        gh[g] = b;
      }
      for (let k = 0; k < H; k++) {
        const r = sigmoid(gi[k] + gh[k]);
        const z = sigmoid(gi[H + k] + gh[H + k]);
        const c = Math.tanh(gi[2 * H + k] + r * gh[2 * H + k]);
        h[k] = (1 - z) * c + z * h[k];
      }
    }
    this.cachedLength = n;
    this.cachedH.set(h);
    let s = outBias;
    for (let k = 0; k < H; k++) s += out[k] * h[k];
    return sigmoid(s);
  }
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
