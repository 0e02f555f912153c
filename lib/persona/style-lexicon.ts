/**
 * Small word lists that make style measurable: formality and warmth markers, and topics a persona
 * may be told never to bring up. Phrases are matched case-insensitively on word boundaries.
 */

/** Informal markers and their formal replacement (used by repair). */
export const INFORMAL_TO_FORMAL: Record<string, string> = {
  yeah: 'yes', yep: 'yes', nope: 'no', gonna: 'going to', wanna: 'want to', gotta: 'have to', kinda: 'rather',
  sorta: 'somewhat', oof: 'oh', hey: 'hello', awesome: 'excellent', cool: 'good', stuff: 'things', guys: 'everyone',
  'no worries': 'not at all', lol: '', totally: 'completely', super: 'very', okay: 'all right', ok: 'all right',
  'big deal': 'great matter', chill: 'relaxed', dude: 'friend', cheers: 'thank you',
};

/** Formal markers and their casual replacement (used by repair). */
export const FORMAL_TO_INFORMAL: Record<string, string> = {
  certainly: 'sure', indeed: 'really', however: 'but', therefore: 'so', perhaps: 'maybe', regarding: 'about',
  furthermore: 'also', moreover: 'also', nevertheless: 'still', 'shall we': 'should we', 'i shall': 'I’ll',
  'would you kindly': 'could you', 'it is my pleasure': 'happy to', assist: 'help', inquire: 'ask', commence: 'start',
  'my dear': 'my friend',
};

/** Words and phrases that show care. */
export const WARM_MARKERS = [
  'glad', 'sorry', 'lovely', 'wonderful', 'i’m here', "i'm here", 'take your time', 'care', 'proud', 'happy',
  'good to see', 'thank', 'welcome', 'not alone', 'sounds hard', 'okay to feel', 'i hear you', 'gently', 'enjoyed',
  'it’s okay', "it's okay", 'all right to', 'well done', 'rough', 'with you', 'good news', 'lovely to', 'i’m listening',
];

/** Dismissive wording that no warm persona uses. */
export const COLD_MARKERS = ['whatever', 'obviously', 'calm down', 'no big deal', 'you should have', 'just get over', 'not my problem', 'who cares'];

/** A topic a persona (or the user, through procedural memory) keeps out of replies. */
export interface Topic {
  id: string;
  label: string;
  /** Words that mark a sentence as being about the topic. */
  keywords: string[];
}

export const TOPICS: readonly Topic[] = [
  { id: 'politics', label: 'politics', keywords: ['politics', 'political', 'election', 'elections', 'vote for', 'voting for', 'president', 'government', 'parliament', 'democrats', 'republicans', 'tories', 'labour party'] },
  { id: 'religion', label: 'religion', keywords: ['religion', 'religious', 'church', 'mosque', 'synagogue', 'god', 'pray', 'prayer', 'atheist'] },
  { id: 'investing', label: 'investment advice', keywords: ['invest', 'investing', 'stocks', 'shares', 'crypto', 'bitcoin', 'mortgage', 'portfolio', 'trading'] },
  { id: 'dieting', label: 'diets and weight', keywords: ['diet', 'dieting', 'calories', 'lose weight', 'weight loss', 'fasting', 'bmi'] },
  { id: 'diagnosis', label: 'medical diagnosis', keywords: ['diagnose', 'diagnosis', 'prescription', 'dosage', 'you have depression', 'you have anxiety', 'disorder'] },
  { id: 'cheating', label: 'cheating on exams', keywords: ['cheat', 'cheating', 'plagiarise', 'plagiarize', 'copy the answers', 'crib sheet'] },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patternCache = new Map<string, RegExp>();

/** A case-insensitive whole-word pattern for a phrase (’ and ' are interchangeable). */
export function phrasePattern(phrase: string, flags = 'i'): RegExp {
  const key = `${flags}|${phrase}`;
  let pattern = patternCache.get(key);
  if (!pattern) {
    const body = escape(phrase.toLowerCase()).replace(/['’]/g, "['’]").replace(/\s+/g, '\\s+');
    pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, `u${flags}`);
    patternCache.set(key, pattern);
  }
  return pattern;
}

const firstWordCache = new Map<string, string>();

/** The phrase's first run of letters and digits, lower-case ('' when it starts with neither). */
function firstWord(phrase: string): string {
  let word = firstWordCache.get(phrase);
  if (word === undefined) {
    word = /^[\p{L}\p{N}]+/u.exec(phrase.toLowerCase())?.[0] ?? '';
    firstWordCache.set(phrase, word);
  }
  return word;
}

let lastText = '';
let lastWords: ReadonlySet<string> = new Set();

/**
 * The text's runs of letters and digits, lower-case: a phrase can only match where its first run is
 * one of them. A reply is checked against several lexicons in a row, so the last split is kept.
 */
function wordsIn(text: string): ReadonlySet<string> {
  if (text !== lastText) {
    lastText = text;
    lastWords = new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  }
  return lastWords;
}

/**
 * Whether `phrase` can occur in a text with these words. A whole-word match starts where no letter or
 * digit precedes and carries the phrase's first run of letters and digits followed by a non-letter,
 * so that run is one of the text's words. Skipping the others saves a regex per lexicon entry (a
 * reply is checked against hundreds, several times while it is repaired).
 */
function mayContain(words: ReadonlySet<string>, phrase: string): boolean {
  const first = firstWord(phrase);
  return first === '' || words.has(first);
}

/** How many times phrases from the list occur in the text. */
export function countMarkers(text: string, phrases: readonly string[]): number {
  const words = wordsIn(text);
  let count = 0;
  for (const phrase of phrases) if (mayContain(words, phrase)) count += text.match(phrasePattern(phrase, 'gi'))?.length ?? 0;
  return count;
}

/** Formality lexicon score, -1 (all casual markers) .. 1 (all formal markers); 0 with no markers. */
export function formalityScore(text: string): { score: number; formal: number; informal: number } {
  const formal = countMarkers(text, Object.keys(FORMAL_TO_INFORMAL));
  const informal = countMarkers(text, Object.keys(INFORMAL_TO_FORMAL));
  return { score: formal + informal ? (formal - informal) / (formal + informal) : 0, formal, informal };
}

/** Warmth lexicon score, -1 (only dismissive) .. 1 (only caring); 0 with no markers. */
export function warmthScore(text: string): { score: number; warm: number; cold: number } {
  const warm = countMarkers(text, WARM_MARKERS);
  const cold = countMarkers(text, COLD_MARKERS);
  return { score: warm + cold ? (warm - cold) / (warm + cold) : 0, warm, cold };
}

/**
 * Resolves topic ids and free-text topics ("my ex", from "Don't bring up my ex") to topics. A free
 * text becomes its own topic whose keywords are its content words.
 */
export function resolveTopics(ids: readonly string[]): Topic[] {
  const out: Topic[] = [];
  for (const raw of ids) {
    const id = raw.trim().toLowerCase();
    if (!id) continue;
    const known = TOPICS.find((t) => t.id === id || t.label === id || t.keywords.includes(id));
    if (known) {
      if (!out.includes(known)) out.push(known);
      continue;
    }
    const words = id.replace(/^(my|the|a|an|about)\s+/, '').split(/\s+/).filter((w) => w.length > 2 && !STOP.has(w));
    if (words.length) out.push({ id, label: raw.trim(), keywords: [words.join(' '), ...(words.length > 1 ? words.filter((w) => w.length > 3) : [])] });
  }
  return out;
}

const STOP = new Set(['the', 'and', 'for', 'with', 'about', 'that', 'this', 'any', 'more', 'again', 'anymore', 'please']);

/** The topics a sentence touches. */
export function topicsIn(sentence: string, topics: readonly Topic[]): Topic[] {
  const words = wordsIn(sentence);
  return topics.filter((t) => t.keywords.some((k) => mayContain(words, k) && phrasePattern(k).test(sentence)));
}
