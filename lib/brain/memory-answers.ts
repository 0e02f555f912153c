import { detectInjection } from '../guardrails/injection';
import { reflect } from './reflect';

/**
 * Answers to "do you remember…" questions for the built-in brain, from the memories recalled for
 * the turn (lib/memory record texts: "Anna is the user's sister", "My sister [Anna (sister)] is
 * visiting on Saturday [2026-11-28].", "Works as a nurse"). Memory text is data: a memory that
 * reads like an instruction is never used.
 */

/** What a memory question asks for. */
export type MemoryQuestion =
  | { type: 'relation-name'; relation: string }
  | { type: 'own-name' }
  | { type: 'recap' }
  | { type: 'topic'; topic: string };

/** The result of looking a memory question up. */
export type MemoryAnswer =
  | { type: 'relation-name'; relation: string; name: string | null; detail: string | null }
  | { type: 'own-name'; name: string | null }
  | { type: 'recap'; facts: string[]; earlierToday: string | null }
  | { type: 'topic'; topic: string; fact: string | null };

const RELATION = String.raw`(?:grand)?(?:daughter|son|sister|brother|mother|mum|mom|father|dad|wife|husband|partner|friend|neighbour|neighbor|boss|cat|dog|puppy|kitten|niece|nephew|aunt|uncle|cousin|child|baby|teacher|doctor|girlfriend|boyfriend|grandchild|grandson|granddaughter|grandma|grandpa|granny|grandad|grandmother|grandfather|pet)`;

/** Parses a memory question ("what's my daughter's name", "what did we talk about last time", "do you remember my trip"). */
export function parseMemoryQuestion(text: string): MemoryQuestion | null {
  const t = text.toLowerCase().replace(/[’]/g, "'").replace(/[?!.]+\s*$/, '').trim();
  const relation =
    new RegExp(String.raw`\bmy (${RELATION})'s name\b`).exec(t) ??
    new RegExp(String.raw`\b(?:what(?:'s| is| was)|who(?:'s| is)) my (${RELATION})(?: called| named)?$`).exec(t) ??
    new RegExp(String.raw`\b(?:remember|know) (?:who|what) my (${RELATION}) is(?: called)?\b`).exec(t);
  if (relation) return { type: 'relation-name', relation: relation[1] };
  if (/\b(?:what(?:'s| is) my name|(?:remember|know) my name|(?:remember|know) who i am|who am i)\b/.test(t)) return { type: 'own-name' };
  if (
    /\bwhat (?:did|have|were) (?:we|you and i|i) (?:been )?(?:talk|chat|speak|spoke|discuss|say|said|tell you|told you)\w*(?: about)?(?: (?:last time|before|yesterday|earlier|the other day|last week))?$/.test(t) ||
    /\b(?:remind me|tell me) what (?:we|i) (?:talked|chatted|spoke|discussed|said|told you)\b/.test(t) ||
    /\b(?:remember|recall) (?:our|what we|the) (?:last |previous )?(?:conversation|chat|talk|call|talked about|said)\b/.test(t) ||
    /\bwhat do you (?:remember|know) about me\b|\bwhere did we (?:leave off|get to)\b/.test(t)
  )
    return { type: 'recap' };
  const topic =
    /\b(?:do|can) you (?:still )?(?:remember|recall) (?:that |when |what i (?:told you|said) about |about )?(.+)$/.exec(t) ??
    /\bwhat did i (?:tell you|say|mention) about (.+)$/.exec(t) ??
    /\bwhat do you know about (my .+)$/.exec(t) ??
    /\b(?:when|where|what) (?:is|was|are|were) my (.+)$/.exec(t) ??
    /\bwhere do i (live)\b|\bwhat do i do for (work|a living)\b|\bhow old am i\b/.exec(t);
  if (topic) return { type: 'topic', topic: (topic[1] ?? (/how old/.test(t) ? 'years old' : '')).trim() };
  return null;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;

/** Local midnight of `date`, ms. */
export function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

/** The days a memory's [YYYY-MM-DD] marks name, as local midnights (ms), in order. */
export function memoryDays(memory: string): number[] {
  return [...memory.matchAll(/\[(\d{4})-(\d{2})-(\d{2})\]/g)].map((m) => new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime());
}

/** A calendar day said naturally relative to `now`: "today", "tomorrow", "last Saturday", "on Saturday the 28th", "on Monday 3 August". */
export function naturalDay(iso: string, now: Date): string {
  const [y, m, d] = iso.split('-').map(Number);
  const day = new Date(y, m - 1, d);
  const diff = Math.round((day.getTime() - startOfDay(now)) / 86_400_000);
  const weekday = WEEKDAYS[day.getDay()];
  if (diff === 0) return 'today';
  if (diff === 1) return 'tomorrow';
  if (diff === -1) return 'yesterday';
  if (diff > 1 && diff < 7) return `on ${weekday}`;
  if (diff < -1 && diff > -7) return `last ${weekday}`;
  if (Math.abs(diff) < 45) return `on ${weekday} the ${ordinal(d)}`;
  return `on ${weekday} ${d} ${MONTHS[m - 1]}`;
}

const SUBJECTLESS: [RegExp, string][] = [
  [/^works as /i, 'you work as '],
  [/^lives in /i, 'you live in '],
  [/^likes /i, 'you like '],
  [/^dislikes /i, 'you don’t like '],
  [/^is (\d+) years old/i, 'you are $1 years old'],
  [/^favourite ([a-z ]+): /i, 'your favourite $1 is '],
  [/^prefers /i, 'you prefer '],
  [/^call the user /i, 'you like to be called '],
];

const SENTENCE_STARTERS = /^(?:My|I|I'm|I’m|I've|I’ve|The|We|Our|A|An|It|This|That|There|On|In|At|Today|Yesterday|Tomorrow|Last|Next|When|She|He|They|Her|His|Their|Works|Lives|Likes|Dislikes|Is|Favourite|Prefers|Call)\b/;

/** Whether a memory is a rule about how to talk (procedural), not something that happened or a fact. */
export function isProcedural(memory: string): boolean {
  return /^(?:call the user|prefers|don't bring up|don’t bring up|avoid|never mention)\b/i.test(memory.trim()) || /\bhelps(?: when| before| after| with| to| if|$)/i.test(memory);
}

/**
 * A memory as the companion would say it to the user: second person, resolved names inline
 * ("my sister [Anna (sister)]" → "your sister Anna"), dates said naturally, at most `maxWords` words.
 */
export function sayMemory(memory: string, now: Date, maxWords = 16): string {
  const today = startOfDay(now);
  const past = memoryDays(memory).some((day) => day < today);
  let text = memory
    .trim()
    // "she [Anna (sister)]" → "Anna"; "my sister [Anna (sister)]" → "my sister Anna".
    .replace(/\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]im|[Hh]ers|[Hh]is)\s+\[([A-Z][^\]()[]*?)(?:\s*\([^)]*\))?\]/g, '$1')
    .replace(/\s*\[([A-Z][^\]()[]*?)(?:\s*\([^)]*\))?\]/g, (_m, name: string) => ` ${name.trim()}`)
    // "on Saturday [2026-11-28]" → "on Saturday the 28th" (or relative: "last Saturday", "tomorrow").
    .replace(/\b(?:on |this |next |last )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday|today|tomorrow|tonight|yesterday)\s*\[(\d{4}-\d{2}-\d{2})\]/gi, (_m, _w: string, iso: string) => naturalDay(iso, now))
    .replace(/\s*\[(\d{4}-\d{2}-\d{2})\]/g, (_m, iso: string) => ` (${naturalDay(iso, now)})`)
    .replace(/\s*\[\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}\]/g, '')
    .replace(/\s*\[[^\]]*\]/g, '')
    .replace(/[.!?]+$/, '');
  const subjectless = SUBJECTLESS.find(([pattern]) => pattern.test(text));
  const startsWithName = /^[A-Z][\p{L}'-]+\b/u.test(text) && !SENTENCE_STARTERS.test(text);
  text = subjectless ? text.replace(subjectless[0], subjectless[1]) : reflect(text);
  if (startsWithName) text = text.charAt(0).toUpperCase() + text.slice(1);
  // Something planned for a day that has passed is said in the past tense: "has an interview last Tuesday" → "had".
  if (past) text = text.replace(/\b(is|are|has|have|will)\b/, (verb) => ({ is: 'was', are: 'were', has: 'had', have: 'had', will: 'would' })[verb] ?? verb);
  text = text.replace(/\bthe user's\b/gi, 'your').replace(/\bthe user\b/gi, 'you').replace(/\s{2,}/g, ' ').trim();
  const words = text.split(/\s+/);
  return words.length > maxWords ? words.slice(0, maxWords).join(' ').replace(/[,;:]$/, '') : text;
}

/**
 * Whether a remembered turn was a question ("do you think I should call my sister tonight"; spoken
 * turns carry no question mark): a recap says what the user told, not what they asked.
 */
export function isQuestionLike(text: string): boolean {
  const t = text.trim();
  return /\?\s*$/.test(t) || /^(?:do|did|does|should|can|could|would|will|is|are|am|was|were|have|has|what|why|how|when|where|who|which)\b/i.test(t);
}

/** The memories that may be read out: no instruction-like text, no empty strings. */
export function safeMemories(memories: readonly string[] | undefined): string[] {
  return (memories ?? []).filter((m) => m.trim() && !detectInjection(m).flagged);
}

const STOP = new Set(
  'a an the my your our i you we me it is are was were be been do did does to of in on at for and or but about that this what when where who how remember recall tell told say said know still can could would please me us any some with from'.split(' '),
);
const stem = (w: string) => w.toLowerCase().replace(/['’]s$/, '').replace(/(?:ies)$/, 'y').replace(/(?:ing|ed|es|s)$/, '');
const contentWords = (text: string) => (text.match(/[\p{L}\p{N}'’]+/gu) ?? []).map((w) => w.toLowerCase()).filter((w) => !STOP.has(w) && w.length > 1).map(stem);

/** The name of the user's `relation` in the memories ("Anna" for "sister"), or null. */
export function findRelationName(relation: string, memories: readonly string[]): string | null {
  const rel = relation.replace(/^mom$/, 'mum').replace(/^neighbor$/, 'neighbour');
  const alt = `(?:${rel}${rel === 'mum' ? '|mom|mother' : rel === 'mother' ? '|mum|mom' : rel === 'dad' ? '|father' : rel === 'father' ? '|dad' : ''})`;
  const name = String.raw`([A-Z][\p{L}'-]+)`;
  const patterns = [
    new RegExp(String.raw`^${name} is the user['’]s ${alt}\b`, 'u'),
    new RegExp(String.raw`\[${name} \(${alt}\)\]`, 'iu'),
    new RegExp(String.raw`\b(?:[Mm]y|the user['’]s) ${alt}(?: is)? (?:called |named )?${name}`, 'u'),
    new RegExp(String.raw`\b${name},? (?:my|the user['’]s) ${alt}\b`, 'u'),
  ];
  const notNames = /^(Is|Was|And|But|The|On|In|At|To|Who|When|Has|Had|Will|Came|Said)$/;
  for (const memory of memories) {
    for (const pattern of patterns) {
      const m = pattern.exec(memory);
      if (m && !notNames.test(m[1])) return m[1];
    }
  }
  return null;
}

export interface MemoryContext {
  memories: readonly string[] | undefined;
  now: Date;
  /** The user's name if known from this call or adaptation. */
  knownName?: string;
  /** What the user said earlier in this call, oldest first. */
  earlierUserTurns?: readonly string[];
}

/** Looks a memory question up in the recalled memories; honest nulls when nothing matches. */
export function answerMemoryQuestion(question: MemoryQuestion, context: MemoryContext): MemoryAnswer {
  const memories = safeMemories(context.memories);
  switch (question.type) {
    case 'relation-name': {
      const name = findRelationName(question.relation, memories);
      const detail = name ? memories.find((m) => m.includes(name) && !/ is the user['’]s /.test(m) && !isProcedural(m)) : undefined;
      return { type: 'relation-name', relation: question.relation, name, detail: detail ? sayMemory(detail, context.now) : null };
    }
    case 'own-name': {
      const fromMemory = memories.map((m) => /^call the user ([A-Z][\p{L}'-]+)/iu.exec(m.trim())?.[1]).find(Boolean);
      return { type: 'own-name', name: context.knownName ?? fromMemory ?? null };
    }
    case 'recap': {
      // Events first (they carry more), and a fact whose names another chosen memory already says is skipped.
      const chosen: string[] = [];
      for (const memory of [...memories.filter((m) => !isProcedural(m) && !isQuestionLike(m))].sort((a, b) => Number(/\[\d{4}-/.test(b)) - Number(/\[\d{4}-/.test(a)))) {
        const names = memory.match(/\b[A-Z][\p{L}'-]+\b/gu)?.filter((n) => !SENTENCE_STARTERS.test(n)) ?? [];
        if (names.length && names.every((n) => chosen.some((c) => c.includes(n)))) continue;
        chosen.push(memory);
        if (chosen.length === 2) break;
      }
      const facts = chosen.map((m) => sayMemory(m, context.now, 14));
      const earlier = (context.earlierUserTurns ?? []).filter((t) => t.split(/\s+/).length >= 4 && !isQuestionLike(t) && !detectInjection(t).flagged);
      return { type: 'recap', facts, earlierToday: earlier.length ? sayMemory(earlier[earlier.length - 1], context.now, 12) : null };
    }
    case 'topic': {
      const wanted = new Set(contentWords(question.topic));
      let best: { memory: string; overlap: number } | null = null;
      for (const memory of memories.filter((m) => !isProcedural(m))) {
        const overlap = new Set(contentWords(memory).filter((w) => wanted.has(w))).size;
        if (overlap > 0 && (!best || overlap > best.overlap)) best = { memory, overlap };
      }
      return { type: 'topic', topic: reflect(question.topic), fact: best ? sayMemory(best.memory, context.now) : null };
    }
  }
}

/** "she", "he" or "they" for a relation word, for the follow-up question. */
export function pronounFor(relation: string): { subject: string; object: string } {
  if (/daughter|sister|mother|mum|mom|wife|girlfriend|niece|aunt|grandma|granny|grandmother|granddaughter/.test(relation)) return { subject: 'she', object: 'her' };
  if (/son|brother|father|dad|husband|boyfriend|nephew|uncle|grandpa|grandad|grandfather|grandson/.test(relation)) return { subject: 'he', object: 'him' };
  return { subject: 'they', object: 'them' };
}
