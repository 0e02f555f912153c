/**
 * Text normalisation for the crisis detector: lower case, straight apostrophes, contractions
 * expanded (with or without the apostrophe, as people type on phones), chat slang mapped to words,
 * emoji and stray symbols dropped. Sentence punctuation is kept as clause boundaries.
 */

const CONTRACTIONS: [RegExp, string][] = [
  [/\bcan'?t\b/g, 'cannot'],
  [/\bwon'?t\b/g, 'will not'],
  [/\bain'?t\b/g, 'is not'],
  [/\b(do|does|did|is|are|was|were|would|should|could|has|have|had|must|need)n'?t\b/g, '$1 not'],
  [/\bi'?m\b/g, 'i am'],
  [/\bi'?ve\b/g, 'i have'],
  [/\bi'?ll\b/g, 'i will'],
  [/\bi'?d\b/g, 'i would'],
  [/\b(you|we|they)'re\b/g, '$1 are'],
  [/\b(you|we|they|he|she)'ll\b/g, '$1 will'],
  [/\b(you|we|they|he|she)'d\b/g, '$1 would'],
  [/\b(you|we|they)'ve\b/g, '$1 have'],
  [/\b(he|she|it|that|there|what|who|everyone|everybody|nobody|life)'s\b/g, '$1 is'],
  [/\bgonna\b/g, 'going to'],
  [/\bwanna\b/g, 'want to'],
  [/\bgotta\b/g, 'got to'],
  [/\bkinda\b/g, 'kind of'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\bcuz\b|\bcos\b|\b'cause\b/g, 'because'],
  [/\b(kms)\b/g, 'kill myself'],
  [/\b(unalive|unaliving) myself\b/g, 'kill myself'],
  [/\bsewerslide\b|\bsuicde\b|\bsuicid\b/g, 'suicide'],
  [/\bmum\b|\bmom\b|\bmommy\b|\bmummy\b|\bma\b/g, 'mother'],
  [/\bdad\b|\bdaddy\b|\bpa\b/g, 'father'],
  [/\bbf\b/g, 'boyfriend'],
  [/\bgf\b/g, 'girlfriend'],
  [/\bpls\b|\bplz\b/g, 'please'],
  [/\brn\b/g, 'right now'],
  [/\bidk\b/g, 'i do not know'],
  [/\bdont\b/g, 'do not'],
  [/\b(was|were|has|have|had|could|should|are|does|did)nt\b/g, '$1 not'],
  [/\bdoesnt\b/g, 'does not'],
  [/\bdidnt\b/g, 'did not'],
  [/\bim\b/g, 'i am'],
  [/\bive\b/g, 'i have'],
  [/\bwouldnt\b/g, 'would not'],
  [/\bisnt\b/g, 'is not'],
  [/\bhes\b/g, 'he is'],
  [/\bshes\b/g, 'she is'],
  [/\bthats\b/g, 'that is'],
  [/\bits\b(?= (been|not|like|just|all|over|too|so|a|the|getting|killing|going))/g, 'it is'],
];

/** Normalised text: lower case, contractions expanded, only letters, digits, spaces and . ! ? , ; kept. */
export function normalizeText(text: string): string {
  let t = text.normalize('NFKC').toLowerCase().replace(/[’‘`´]/g, "'").replace(/[“”]/g, '"');
  for (const [pattern, replacement] of CONTRACTIONS) t = t.replace(pattern, replacement);
  t = t.replace(/'s\b/g, ' s').replace(/[^a-z0-9.!?,; ]+/g, ' ');
  return t.replace(/\s+/g, ' ').trim();
}

/** Splits normalised text into clauses at sentence punctuation and "but". */
export function clauses(normalized: string): string[] {
  return normalized
    .split(/[.!?;]+|\bbut\b/)
    .map((c) => c.replace(/,/g, ' ').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}
