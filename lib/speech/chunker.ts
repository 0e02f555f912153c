/**
 * Splits a checked reply sentence into speech chunks so the voice can start on the first clause:
 * text-to-speech engines synthesize a whole utterance before any of it can play, so the first
 * chunk of a reply is kept short (a clause, at most a few words) and later chunks longer, where a
 * longer utterance sounds more natural and is synthesized while the previous chunk plays.
 */

export interface ChunkLimits {
  /** Fewest words in a chunk cut at a clause boundary (shorter clauses stay with the next one). */
  minWords: number;
  /** Most words in the first chunk of a reply; a longer first clause is cut at a word boundary. */
  maxFirstWords: number;
  /** Most words in any later chunk. */
  maxWords: number;
  /** Fewest words left after a cut (no one-word tail). */
  minTailWords: number;
}

export const DEFAULT_CHUNK_LIMITS: ChunkLimits = { minWords: 3, maxFirstWords: 10, maxWords: 22, minTailWords: 2 };

/** Words that open a new clause: a cut before them sounds natural. */
const CONJUNCTION = /^(and|but|so|because|or|though|although|while|when|whenever|which|who|where|if|unless|until|since|then|yet)$/i;
/** Word ends a clause: comma, semicolon, colon, or a dash glued to it. */
const CLAUSE_END = /[,;:—–]["”’)]?$/;
/** Word is a free-standing dash. */
const DASH = /^(—|–|-{1,2})$/;

/** Where a cut after `words[k-1]` (before `words[k]`) falls: 2 punctuation, 1 conjunction, 0 none. */
function boundaryStrength(words: readonly string[], k: number): number {
  if (k <= 0 || k >= words.length) return 0;
  if (CLAUSE_END.test(words[k - 1]) || DASH.test(words[k])) return 2;
  if (CONJUNCTION.test(words[k])) return 1;
  return 0;
}

/** The number of words in the next chunk of `words`, at most `max`. */
function cutAt(words: readonly string[], max: number, limits: ChunkLimits, first: boolean): number {
  const n = words.length;
  if (n <= max) {
    // Short enough to say at once — except the first chunk, which still ends at an early clause.
    if (!first) return n;
    for (let k = limits.minWords; k <= n - limits.minTailWords; k++) if (boundaryStrength(words, k) === 2) return k;
    return n;
  }
  const last = Math.min(max, n - limits.minTailWords);
  if (first) {
    // Earliest clause end wins: it is audible soonest. A conjunction needs one more word.
    for (let k = limits.minWords; k <= last; k++) if (boundaryStrength(words, k) === 2) return k;
    for (let k = limits.minWords + 1; k <= last; k++) if (boundaryStrength(words, k) === 1) return k;
    return Math.max(1, last);
  }
  // Later chunks: the latest clause end in range keeps chunks long and natural.
  for (let k = last; k >= limits.minWords; k--) if (boundaryStrength(words, k) === 2) return k;
  for (let k = last; k >= limits.minWords + 1; k--) if (boundaryStrength(words, k) === 1) return k;
  return Math.max(1, last);
}

/**
 * Speech chunks of one sentence, in order; joined with single spaces they give the sentence back
 * (whitespace normalised). `first`: this sentence opens the reply, so its first chunk is short.
 */
export function speechChunks(sentence: string, first: boolean, limits: ChunkLimits = DEFAULT_CHUNK_LIMITS): string[] {
  let words = sentence.trim().split(/\s+/).filter(Boolean);
  const chunks: string[] = [];
  let opening = first;
  while (words.length) {
    const k = cutAt(words, opening ? limits.maxFirstWords : limits.maxWords, limits, opening);
    chunks.push(words.slice(0, k).join(' '));
    words = words.slice(k);
    opening = false;
  }
  return chunks;
}

/**
 * The first chunk of a reply whose first sentence is still streaming, when it already ends at a
 * clause mark (so the finished sentence will most likely open with the same chunk), else null.
 */
export function openingClause(partialSentence: string, limits: ChunkLimits = DEFAULT_CHUNK_LIMITS): string | null {
  const chunks = speechChunks(partialSentence, true, limits);
  return chunks.length > 1 && CLAUSE_END.test(chunks[0]) ? chunks[0] : null;
}

/**
 * How replies are cut for the voice: 'clauses' (the default) or 'sentences', the old whole-sentence
 * behaviour with no synthesis ahead, kept only as the baseline of `npm run eval:voice-latency`
 * (localStorage['kin.bench.speech'] = 'sentences').
 */
export type SpeechChunking = 'clauses' | 'sentences';

/** The chunking chosen for this page: 'sentences' only when the latency eval asks for its baseline. */
export function speechChunkingForPage(): SpeechChunking {
  try {
    return typeof window !== 'undefined' && window.localStorage.getItem('kin.bench.speech') === 'sentences' ? 'sentences' : 'clauses';
  } catch {
    return 'clauses';
  }
}
