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

/** Scored documents returned by Bm25Index.top(): ids and BM25 scores, best first. */
export interface Bm25Hits {
  ids: string[];
  scores: number[];
  /** Highest score over every matching document (before any filter). */
  max: number;
}

/** One term's posting list: document numbers and term frequencies in growable typed arrays. */
interface Posting {
  docs: Int32Array;
  tfs: Uint16Array;
  length: number;
}

/**
 * An incremental Okapi BM25 index over string ids.
 *
 * Documents get dense numbers (freed numbers are reused); each term keeps a posting list in typed
 * arrays, and each document remembers its distinct terms so removal touches only its own lists.
 * Queries accumulate into a reused Float64Array and pick the top k with a heap: no per-query
 * allocation proportional to the corpus.
 */
export class Bm25Index {
  private readonly postings = new Map<string, Posting>();
  private readonly docOf = new Map<string, number>();
  private idOf: string[] = [];
  private termsOf: (string[] | null)[] = [];
  private lengths = new Float64Array(1024);
  private readonly free: number[] = [];
  private totalLength = 0;
  private acc = new Float64Array(1024);
  private touched = new Int32Array(1024);
  private heap = new Int32Array(0);
  constructor(private readonly k1 = 1.2, private readonly b = 0.75) {}

  get size(): number {
    return this.docOf.size;
  }

  /** Adds or replaces a document. */
  add(id: string, text: string): void {
    if (this.docOf.has(id)) this.remove(id);
    const tokens = tokenize(text);
    let doc = this.free.pop();
    if (doc === undefined) {
      doc = this.idOf.length;
      this.idOf.push(id);
      this.termsOf.push(null);
      if (doc >= this.lengths.length) {
        const lengths = new Float64Array(this.lengths.length * 2);
        lengths.set(this.lengths);
        this.lengths = lengths;
      }
    } else this.idOf[doc] = id;
    this.docOf.set(id, doc);
    this.lengths[doc] = tokens.length;
    this.totalLength += tokens.length;
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    this.termsOf[doc] = [...counts.keys()];
    for (const [term, tf] of counts) {
      let posting = this.postings.get(term);
      if (!posting) this.postings.set(term, (posting = { docs: new Int32Array(4), tfs: new Uint16Array(4), length: 0 }));
      if (posting.length === posting.docs.length) {
        const docs = new Int32Array(posting.length * 2);
        docs.set(posting.docs);
        const tfs = new Uint16Array(posting.length * 2);
        tfs.set(posting.tfs);
        posting.docs = docs;
        posting.tfs = tfs;
      }
      posting.docs[posting.length] = doc;
      posting.tfs[posting.length] = Math.min(tf, 65535);
      posting.length++;
    }
  }

  /** Removes a document from every posting list it is in. */
  remove(id: string): void {
    const doc = this.docOf.get(id);
    if (doc === undefined) return;
    this.totalLength -= this.lengths[doc];
    this.lengths[doc] = 0;
    for (const term of this.termsOf[doc] ?? []) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const at = posting.docs.subarray(0, posting.length).indexOf(doc);
      if (at < 0) continue;
      const last = --posting.length;
      posting.docs[at] = posting.docs[last];
      posting.tfs[at] = posting.tfs[last];
      if (!posting.length) this.postings.delete(term);
    }
    this.termsOf[doc] = null;
    this.idOf[doc] = '';
    this.docOf.delete(id);
    this.free.push(doc);
  }

  /** Whether any posting list still mentions the id (for deletion checks). */
  contains(id: string): boolean {
    if (this.docOf.has(id)) return true;
    for (let doc = 0; doc < this.idOf.length; doc++) if (this.idOf[doc] === id) return true;
    return false;
  }

  /** Accumulates scores into this.acc; returns how many documents were touched (their numbers in this.touched). */
  private accumulate(query: string): number {
    const n = this.docOf.size;
    if (!n) return 0;
    if (this.acc.length < this.idOf.length) {
      this.acc = new Float64Array(this.lengths.length);
      this.touched = new Int32Array(this.lengths.length);
    }
    const { acc, touched, lengths, k1, b } = this;
    const avgLength = this.totalLength / n || 1;
    let count = 0;
    for (const term of new Set(tokenize(query))) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = Math.log(1 + (n - posting.length + 0.5) / (posting.length + 0.5));
      const { docs, tfs } = posting;
      const lengthScale = (k1 * b) / avgLength;
      const lengthBase = k1 * (1 - b);
      for (let i = 0; i < posting.length; i++) {
        const doc = docs[i];
        const tf = tfs[i];
        if (acc[doc] === 0) touched[count++] = doc;
        acc[doc] += (idf * tf * (k1 + 1)) / (tf + lengthBase + lengthScale * lengths[doc]);
      }
    }
    return count;
  }

  /** BM25 scores (≥ 0) of every document sharing a term with the query. */
  score(query: string): Map<string, number> {
    const scores = new Map<string, number>();
    const count = this.accumulate(query);
    for (let i = 0; i < count; i++) {
      const doc = this.touched[i];
      scores.set(this.idOf[doc], this.acc[doc]);
      this.acc[doc] = 0;
    }
    return scores;
  }

  /** The k best-scoring documents, best first; accept (optional) is asked only about documents that would enter the top list. */
  top(query: string, k: number, accept?: (id: string) => boolean): Bm25Hits {
    const hits: Bm25Hits = { ids: [], scores: [], max: 0 };
    const count = this.accumulate(query);
    const { acc, touched } = this;
    if (this.heap.length < k) this.heap = new Int32Array(k);
    const heap = this.heap;
    let size = 0;
    for (let i = 0; i < count; i++) {
      const doc = touched[i];
      const v = acc[doc];
      if (v > hits.max) hits.max = v;
      if (k <= 0 || (size === k && v <= acc[heap[0]])) continue;
      if (accept && !accept(this.idOf[doc])) continue;
      if (size < k) {
        let c = size++;
        heap[c] = doc;
        while (c > 0) {
          const p = (c - 1) >> 1;
          if (acc[heap[p]] <= acc[heap[c]]) break;
          const t = heap[p];
          heap[p] = heap[c];
          heap[c] = t;
          c = p;
        }
      } else {
        heap[0] = doc;
        for (let p = 0; ; ) {
          const l = 2 * p + 1;
          const r = l + 1;
          let s = p;
          if (l < size && acc[heap[l]] < acc[heap[s]]) s = l;
          if (r < size && acc[heap[r]] < acc[heap[s]]) s = r;
          if (s === p) break;
          const t = heap[p];
          heap[p] = heap[s];
          heap[s] = t;
          p = s;
        }
      }
    }
    const docs = Array.from(heap.subarray(0, size)).sort((x, y) => acc[y] - acc[x]);
    for (const doc of docs) {
      hits.ids.push(this.idOf[doc]);
      hits.scores.push(acc[doc]);
    }
    for (let i = 0; i < count; i++) acc[touched[i]] = 0;
    return hits;
  }
}
