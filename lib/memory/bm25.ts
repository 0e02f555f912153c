const STOPWORDS = new Set(
  'a an the and or but if of to in on at for with by from as is are was were be been being am do does did doing have has had having i me my mine myself you your yours we our us they them their he him his she her it its this that these those there here what which who whom whose when where why how not no so than too very can could will would shall should may might must just also about into over after before again then once all any both each few more most other some such only own same s t don now get got like really yeah oh wow hey hi thanks thank ll re ve d m o y'.split(' '),
);

/** Lower-case word tokens with stopwords dropped and a light suffix stemmer (for BM25). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().replace(/['’]s\b/g, '').split(/[^a-z0-9]+/)) {
    if (!raw || STOPWORDS.has(raw)) continue;
    out.push(stem(raw));
  }
  return out;
}

/** A small Porter-like stemmer: plural, -ing, -ed, -ly. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 3 && w.endsWith('es') && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('ly')) w = w.slice(0, -2);
  if (w.length > 3 && /([^aeiouslz])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** An incremental Okapi BM25 index over string ids. */
export class Bm25Index {
  private readonly postings = new Map<string, Map<string, number>>();
  private readonly lengths = new Map<string, number>();
  private totalLength = 0;
  constructor(private readonly k1 = 1.2, private readonly b = 0.75) {}

  get size(): number {
    return this.lengths.size;
  }

  /** Adds or replaces a document. */
  add(id: string, text: string): void {
    if (this.lengths.has(id)) this.remove(id);
    const tokens = tokenize(text);
    this.lengths.set(id, tokens.length);
    this.totalLength += tokens.length;
    for (const t of tokens) {
      let posting = this.postings.get(t);
      if (!posting) this.postings.set(t, (posting = new Map()));
      posting.set(id, (posting.get(id) ?? 0) + 1);
    }
  }

  /** Removes a document from every posting list. */
  remove(id: string): void {
    const length = this.lengths.get(id);
    if (length === undefined) return;
    this.totalLength -= length;
    this.lengths.delete(id);
    for (const [term, posting] of this.postings) {
      if (posting.delete(id) && posting.size === 0) this.postings.delete(term);
    }
  }

  /** Whether any posting list still mentions the id (for deletion checks). */
  contains(id: string): boolean {
    if (this.lengths.has(id)) return true;
    for (const posting of this.postings.values()) if (posting.has(id)) return true;
    return false;
  }

  /** BM25 scores (≥ 0) of every document sharing a term with the query. */
  score(query: string): Map<string, number> {
    const scores = new Map<string, number>();
    const n = this.lengths.size;
    if (!n) return scores;
    const avgLength = this.totalLength / n || 1;
    for (const term of new Set(tokenize(query))) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = Math.log(1 + (n - posting.size + 0.5) / (posting.size + 0.5));
      for (const [id, tf] of posting) {
        const length = this.lengths.get(id) ?? avgLength;
        const s = (idf * tf * (this.k1 + 1)) / (tf + this.k1 * (1 - this.b + (this.b * length) / avgLength));
        scores.set(id, (scores.get(id) ?? 0) + s);
      }
    }
    return scores;
  }
}
