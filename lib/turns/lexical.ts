import { LEXICAL_MAX_TOKENS, LexicalNet, windowTokenIds, type LexicalNetJson } from './lexical-net';

/**
 * Lexical channel: cues from the words of the latest recognizer fragment (lower-case, no
 * punctuation). Computed once per posted fragment, never per frame.
 */

/** Word classes that the model sees as small integers. */
export const WordClass = {
  Other: 0,
  Conjunction: 1,
  Filler: 2,
  /** Function words that cannot end a clause: articles, prepositions, auxiliaries. */
  Incomplete: 3,
  /** Discourse markers and framing verbs that announce more ("I mean", "basically"). */
  Discourse: 4,
  WhQuestion: 5,
  AuxQuestion: 6,
  Preposition: 7,
} as const;

const CONJUNCTIONS = new Set(['and', 'but', 'so', 'because', 'or', 'cause', 'cos', 'then', 'although', 'if',
  'though', 'unless', 'since', 'while', 'whereas', 'plus', 'also', 'nor', 'yet']);
const FILLERS = new Set(['um', 'uh', 'erm', 'er', 'hmm', 'hm', 'ah', 'eh', 'mm', 'like', 'well']);
const INCOMPLETE = new Set(['the', 'a', 'an', 'my', 'your', 'his', 'her', 'our', 'their', 'this',
  'that', 'these', 'those', 'to', 'of', 'for', 'with', 'if', 'when', 'which', 'who', 'whose',
  'where', 'is', 'was', 'are', 'were', 'am', 'be', 'been', 'i', 'we', 'you', 'he', 'she', 'they',
  'it\'s', 'its', 'some', 'any', 'very', 'really', 'just', 'about', 'than', 'as', 'what']);
const DISCOURSE = new Set(['mean', 'know', 'basically', 'honestly', 'actually', 'anyway', 'anyways',
  'think', 'thinking', 'guess', 'said', 'says', 'told', 'see', 'say', 'thing', 'is', 'again',
  'fair', 'course', 'sure', 'right', 'though', 'apparently', 'obviously', 'finally', 'first',
  'second', 'next', 'meanwhile', 'otherwise', 'instance', 'example']);
const WH = new Set(['what', 'why', 'how', 'where', 'when', 'who', 'which', 'whose']);
const AUX = new Set(['do', 'does', 'did', 'is', 'are', 'was', 'were', 'can', 'could', 'would',
  'should', 'will', 'shall', 'have', 'has', 'had', 'may', 'might', 'am', 'isn\'t', 'don\'t',
  'doesn\'t', 'didn\'t', 'can\'t', 'won\'t', 'aren\'t', 'wasn\'t']);
const PREPOSITIONS = new Set(['at', 'on', 'in', 'after', 'before', 'during', 'since', 'until',
  'down', 'up', 'over', 'under', 'by', 'near', 'from', 'into', 'around', 'across', 'behind',
  'last', 'yesterday', 'today', 'tonight', 'tomorrow', 'apart', 'besides', 'because']);
const BACKCHANNELS = new Set(['yeah', 'yes', 'yep', 'mhm', 'mm', 'hmm', 'uh-huh', 'uhhuh', 'right',
  'okay', 'ok', 'sure', 'i see', 'mm hm', 'mm-hm', 'uh huh', 'got it', 'true', 'exactly', 'wow', 'oh']);
/** Two-word endings that close a clause although their last word alone suggests more. */
const CLOSING_BIGRAMS = new Set(['think so', 'guess so', 'hope so', 'said so', 'do so', 'and so on',
  'i know', 'you know?', 'of course', 'that is', 'it is', 'i see', 'see you', 'so so', 'like it',
  'like that', 'like this', 'as well', 'all right', 'that\'s right', 'is right']);

/** Lexical features of one fragment; values are small numbers the model reads directly. */
export interface LexicalCues {
  /** Class of the last word (WordClass), 0..7. */
  lastClass: number;
  /** Class of the first word (WordClass), 0..7. */
  firstClass: number;
  /** Words in the fragment, 0..∞. */
  wordCount: number;
  /** 1 when it reads as a question (wh-word or auxiliary first, two words or more). */
  question: number;
  /** 1 when the whole fragment is a backchannel ("yeah", "mm hm", "right"). */
  backchannel: number;
  /** Learned probability that the fragment completes a turn, 0..1 (0.5 without a lexical model). */
  endProbability: number;
}

/** Weights of the v1/v2 word-level logistic model (training/turns/train_lexical.py). */
export interface LexicalLogisticJson {
  kind?: 'logistic';
  bias: number;
  /** Feature key (see lexicalFeatureKeys) → weight. */
  weights: Record<string, number>;
}

/** Either word model: the logistic one over sparse keys, or the v3 GRU (lexical-net.ts). */
export type LexicalModelJson = LexicalLogisticJson | LexicalNetJson;

const nets = new WeakMap<LexicalNetJson, LexicalNet[]>();

/**
 * The runnable GRUs for a word model's weights (the net and its ensemble members), built once per
 * model object. The turn model calls it when it loads, so broken weights fail there
 * (LexicalNetError, `model:load`), not on every fragment.
 */
export function wordNetFor(model: LexicalNetJson): readonly LexicalNet[] {
  let built = nets.get(model);
  if (!built) {
    built = [model, ...(model.members ?? [])].map((weights) => new LexicalNet(weights));
    nets.set(model, built);
  }
  return built;
}

/** Token ids of the words the GRUs read, mapped once per fragment for all ensemble members. */
const WINDOW_IDS = new Int32Array(LEXICAL_MAX_TOKENS);

/** End-of-turn probability of a fragment's words under either word model, 0..1. */
export function wordModelProbability(model: LexicalModelJson, words: readonly string[], lastClass: number, firstClass: number): number {
  if (model.kind === 'gru') {
    const members = wordNetFor(model);
    const n = windowTokenIds(words, WINDOW_IDS);
    let p = 0;
    for (const net of members) p += net.probabilityOfIds(WINDOW_IDS, n);
    p /= members.length;
    return model.blend ? (p + lexicalEndProbability(model.blend, lexicalFeatureKeys(words, lastClass, firstClass))) / 2 : p;
  }
  return lexicalEndProbability(model, lexicalFeatureKeys(words, lastClass, firstClass));
}

/** Common verbs (base, -s, past and participle forms): a clause without one is usually unfinished. */
const VERBS = new Set(
  (
    'be is am are was were been being have has had do does did done go goes went gone get gets got gotten ' +
    'make makes made take takes took taken come comes came see sees saw seen know knows knew known ' +
    'think thinks thought say says said tell tells told give gives gave given find finds found ' +
    'feel feels felt leave leaves left keep keeps kept let lets put puts bring brings brought ' +
    'begin begins began begun run runs ran write writes wrote written sit sits sat stand stands stood ' +
    'lose loses lost pay pays paid meet meets met buy buys bought send sends sent spend spends spent ' +
    'build builds built fall falls fell fallen grow grows grew grown break breaks broke broken ' +
    'eat eats ate eaten drink drinks drank sleep sleeps slept win wins won sell sells sold ' +
    'hear hears heard hold holds held read reads drive drives drove driven ride rides rode ' +
    'speak speaks spoke spoken forget forgets forgot forgotten choose chooses chose steal stole stolen ' +
    'wear wears wore fly flies flew catch catches caught teach teaches taught fight fought ' +
    'hurt hurts cut cuts shut hit hits cost costs sing sang swim swam throw threw thrown ' +
    'want wants need needs like likes love loves hate hates hope hopes try tries tried ' +
    'work works help helps play plays call calls ask asks look looks seem seems ' +
    'happen happens move moves live lives believe believes wait waits stay stays start starts ' +
    'stop stops finish finishes open opens close closes change changes miss misses ' +
    'can could will would shall should may might must ' +
    "can't couldn't won't wouldn't shouldn't don't doesn't didn't isn't aren't wasn't weren't " +
    "haven't hasn't hadn't i'm you're we're they're he's she's it's that's there's what's " +
    "i've you've we've they've i'll you'll we'll they'll it'll i'd you'd we'd they'd"
  ).split(' '),
);
const SUBJECTS = new Set(['i', 'you', 'we', 'they', 'he', 'she', 'it', 'that', 'this', 'there', 'everyone',
  'nobody', 'somebody', 'someone', 'everything', 'nothing']);
const CLAUSE_BREAKS = new Set(['and', 'but', 'so', 'because', 'or', 'then']);

function isVerbLike(word: string): boolean {
  return VERBS.has(word) || (word.length > 4 && word.endsWith('ed'));
}

/**
 * Sparse feature keys of a fragment: last word(s), first word, word classes, length, and
 * structure keys that generalize to unseen words (suffix of the last word, whether the last
 * clause has a verb and a subject, how long it is).
 */
export function lexicalFeatureKeys(words: readonly string[], lastClass: number, firstClass: number): string[] {
  const n = words.length;
  if (n === 0) return ['N:0'];
  const last = words[n - 1];
  const keys = [`L:${last}`, `F:${words[0]}`, `C:${lastClass}`, `FC:${firstClass}`, `N:${Math.min(n, 8)}`];
  if (n >= 2) keys.push(`L2:${words[n - 2]} ${words[n - 1]}`, `P:${words[n - 2]}`);
  // Structure of the last clause (after the last "and / but / so ..." that is not the final word).
  let clauseStart = 0;
  for (let i = n - 2; i > 0; i--) {
    if (CLAUSE_BREAKS.has(words[i])) {
      clauseStart = i + 1;
      break;
    }
  }
  let verbs = 0;
  let subjectVerb = 0;
  let lastVerb = -1;
  for (let i = clauseStart; i < n; i++) {
    if (isVerbLike(words[i])) {
      verbs++;
      lastVerb = i;
      if (i > clauseStart || VERBS.has(words[i])) subjectVerb = 1;
    }
  }
  const clauseLength = n - clauseStart;
  const clauseFirst = words[clauseStart];
  const clauseQuestion = clauseLength >= 2 && (WH.has(clauseFirst) || AUX.has(clauseFirst)) ? 1 : 0;
  keys.push(
    `CQ:${clauseQuestion}:${verbs > 0 ? 1 : 0}`,
    `CF:${classify(clauseFirst, 'first')}`,
    `CV:${Math.min(verbs, 2)}`,
    `CSV:${subjectVerb}`,
    `CN:${Math.min(clauseLength, 6)}`,
    `LV:${isVerbLike(last) ? 1 : 0}`,
    `LS:${SUBJECTS.has(last) ? 1 : 0}`,
    `CVC:${Math.min(verbs, 2)}:${lastClass}`,
    `AV:${lastVerb < 0 ? -1 : Math.min(n - 1 - lastVerb, 5)}`,
  );
  if (last.length >= 4) keys.push(`S3:${last.slice(-3)}`);
  if (last.length >= 3) keys.push(`S2:${last.slice(-2)}`);
  return keys;
}

/** Learned end-of-turn probability of a fragment from its word features, 0..1. */
export function lexicalEndProbability(model: LexicalLogisticJson, keys: readonly string[]): number {
  let z = model.bias;
  for (const key of keys) z += model.weights[key] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** Splits recognizer text into lower-case words, dropping punctuation except apostrophes. */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9'\s-]/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

function classify(word: string, position: 'first' | 'last'): number {
  if (position === 'first') {
    if (WH.has(word)) return WordClass.WhQuestion;
    if (AUX.has(word)) return WordClass.AuxQuestion;
    if (CONJUNCTIONS.has(word)) return WordClass.Conjunction;
    if (FILLERS.has(word)) return WordClass.Filler;
    if (PREPOSITIONS.has(word)) return WordClass.Preposition;
    if (DISCOURSE.has(word)) return WordClass.Discourse;
    return WordClass.Other;
  }
  if (CONJUNCTIONS.has(word)) return WordClass.Conjunction;
  if (FILLERS.has(word)) return WordClass.Filler;
  if (INCOMPLETE.has(word)) return WordClass.Incomplete;
  if (DISCOURSE.has(word)) return WordClass.Discourse;
  if (PREPOSITIONS.has(word)) return WordClass.Preposition;
  return WordClass.Other;
}

/** Lexical cues of a recognizer fragment (any case; punctuation is ignored). */
export function lexicalCues(text: string, model?: LexicalModelJson): LexicalCues {
  const words = tokenize(text);
  if (words.length === 0) return { lastClass: 0, firstClass: 0, wordCount: 0, question: 0, backchannel: 0, endProbability: 0.5 };
  const last = words[words.length - 1];
  const first = words[0];
  const lastTwo = words.slice(-2).join(' ');
  const lastThree = words.slice(-3).join(' ');
  let lastClass = classify(last, 'last');
  if (words.length >= 2 && (CLOSING_BIGRAMS.has(lastTwo) || CLOSING_BIGRAMS.has(lastThree))) lastClass = WordClass.Other;
  const firstClass = classify(first, 'first');
  const joined = words.join(' ');
  const question = words.length >= 2 && (firstClass === WordClass.WhQuestion || firstClass === WordClass.AuxQuestion) ? 1 : 0;
  const backchannel = words.length <= 3 && (BACKCHANNELS.has(joined) || words.every((w) => BACKCHANNELS.has(w))) ? 1 : 0;
  const endProbability = model ? wordModelProbability(model, words, lastClass, firstClass) : 0.5;
  return { lastClass, firstClass, wordCount: words.length, question, backchannel, endProbability };
}
