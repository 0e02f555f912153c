const PRONOUNS: Record<string, string> = {
  i: 'you', me: 'you', my: 'your', mine: 'yours', am: 'are', "i'm": 'you’re', 'i’m': 'you’re', im: 'you’re', myself: 'yourself',
  you: 'I', your: 'my', yours: 'mine', "i've": 'you’ve', 'i’ve': 'you’ve', "i'll": 'you’ll', 'i’ll': 'you’ll', "i'd": 'you’d', 'i’d': 'you’d', we: 'you', our: 'your',
};

/** Verb agreement after the pronouns are swapped: "you was" → "you were", "I are" → "I am". */
const AGREEMENT: [RegExp, string][] = [
  [/\byou was\b/gi, 'you were'],
  [/\byou wasn['’]t\b/gi, 'you weren’t'],
  [/\bI are\b/g, 'I am'],
  [/\bI aren['’]t\b/g, 'I’m not'],
  [/\bI were\b/g, 'I was'],
  [/\b([Aa])re I\b/g, '$1m I'],
];

/** "you" as an object ("I told you", "with you") reflects to "me", not "I". */
const OBJECT_I = /\b(to|with|for|about|at|from|of|told|asked|tell|ask|love|miss|thank|help|see|call|like|need|trust) I\b/g;

/** Turns "I lost my keys" into "you lost your keys" for reflective listening. */
export function reflect(text: string): string {
  let out = text
    .replace(/[.!?]+\s*$/, '')
    .split(/\s+/)
    .map((w) => PRONOUNS[w.toLowerCase()] ?? w)
    .join(' ')
    .replace(OBJECT_I, '$1 me')
    .replace(/ I$/, ' me');
  for (const [pattern, fix] of AGREEMENT) out = out.replace(pattern, fix);
  // Lower-case the first letter (it is reflected mid-sentence), but never the pronoun I.
  return /^I\b/.test(out) ? out : out.replace(/^\w/, (c) => c.toLowerCase());
}

/** Deterministic choice among variants, so a conversation is reproducible. */
export function pick<T>(options: readonly T[], seed: string): T {
  return options[hashSeed(seed) % options.length];
}

/** FNV-1a hash of a seed string, non-negative. */
export function hashSeed(seed: string): number {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return Math.abs(h);
}

/** `count` distinct items chosen by the seed, in a seed-dependent order; items in `exclude` only if nothing else is left. */
export function pickSome<T>(options: readonly T[], count: number, seed: string, exclude: (item: T) => boolean = () => false): T[] {
  const fresh = options.filter((o) => !exclude(o));
  const pool = fresh.length >= count ? fresh : [...options];
  const out: T[] = [];
  let h = hashSeed(seed);
  while (out.length < count && pool.length) {
    out.push(pool.splice(h % pool.length, 1)[0]);
    h = hashSeed(`${h}|${out.length}`);
  }
  return out;
}
