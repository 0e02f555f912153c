import { tokenize } from '../memory/bm25';
import { TopK } from './top-k';

/** Weights of the two signals in the hybrid score (cosine in −1..1, BM25 scaled to 0..1 by the query's best). */
export interface HybridWeights {
  vector: number;
  keyword: number;
}

export const DEFAULT_WEIGHTS: HybridWeights = { vector: 0.6, keyword: 0.4 };

interface Posting {
  rows: Int32Array;
  freqs: Uint16Array;
  length: number;
}

/** A search result by row: the caller maps rows to chunks with idAt(). */
export interface RowHit {
  row: number;
  score: number;
  vectorScore: number;
  keywordScore: number;
}

const K1 = 1.2;
const B = 0.75;

/**
 * Hybrid (vector + BM25) index over chunks, built for ~10k–50k rows with no per-query allocation
 * storms: vectors are int8 with a per-row scale in one flat Int8Array (a quarter of the memory of
 * float32, norms folded into the scale), keywords in an inverted index of typed-array postings
 * (tokens from lib/memory/bm25), scores accumulate in reused scratch arrays and a fixed-size min-heap
 * keeps the top k. Deletion marks rows dead; compaction rebuilds once a quarter of rows are dead.
 */
export class KnowledgeIndex {
  readonly dim: number;
  private capacity: number;
  private vectors: Int8Array;
  /** The same bytes as `vectors`, four int8 per int32 (little-endian), read in the hot loop. */
  private packed: Int32Array;
  private scales: Float32Array;
  private docLengths: Float32Array;
  private alive: Uint8Array;
  private hasVector: Uint8Array;
  private ids: string[] = [];
  private rowTerms: (Int32Array | null)[] = [];
  private readonly rowOf = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private postings: Posting[] = [];
  private liveCount = 0;
  private totalLength = 0;
  // Per-query scratch, grown with capacity, never reallocated per query.
  private keywordScratch: Float32Array;
  private queryScratch: Int32Array;
  private readonly top = new TopK();
  private readonly shortlist = new TopK();
  /** Sign bits of each row's vector, dim/32 int32 per row, for the shortlist stage. */
  private signs: Int32Array;
  private readonly queryBits: Int32Array;
  /** cos(π·h/dim): the angle a Hamming distance h between sign vectors stands for. */
  private readonly cosOfHamming: Float32Array;
  /** Below this many live rows every row is scored exactly (no shortlist). */
  private readonly exactBelow: number;

  constructor(dim: number, capacity = 1024, options: { exactBelow?: number } = {}) {
    if (dim % 32 !== 0) throw new Error(`index dimension must be a multiple of 32, got ${dim}`);
    this.dim = dim;
    this.capacity = Math.max(16, capacity);
    this.vectors = new Int8Array(this.capacity * dim);
    this.packed = new Int32Array(this.vectors.buffer);
    this.scales = new Float32Array(this.capacity);
    this.docLengths = new Float32Array(this.capacity);
    this.alive = new Uint8Array(this.capacity);
    this.hasVector = new Uint8Array(this.capacity);
    this.keywordScratch = new Float32Array(this.capacity);
    this.queryScratch = new Int32Array(dim);
    this.signs = new Int32Array(this.capacity * (dim >> 5));
    this.queryBits = new Int32Array(dim >> 5);
    this.cosOfHamming = Float32Array.from({ length: dim + 1 }, (_, h) => Math.cos((Math.PI * h) / dim));
    this.exactBelow = options.exactBelow ?? 4096;
  }

  /** Live chunks in the index. */
  get size(): number {
    return this.liveCount;
  }

  has(id: string): boolean {
    return this.rowOf.has(id);
  }

  /** The chunk id stored in a row. */
  idAt(row: number): string {
    return this.ids[row];
  }

  private grow(): void {
    const capacity = this.capacity * 2;
    const grownVectors = new Int8Array(capacity * this.dim);
    grownVectors.set(this.vectors);
    this.vectors = grownVectors;
    this.packed = new Int32Array(grownVectors.buffer);
    const grownSigns = new Int32Array(capacity * (this.dim >> 5));
    grownSigns.set(this.signs);
    this.signs = grownSigns;
    const growF = (a: Float32Array) => {
      const b = new Float32Array(capacity);
      b.set(a);
      return b;
    };
    const growU = (a: Uint8Array) => {
      const b = new Uint8Array(capacity);
      b.set(a);
      return b;
    };
    this.scales = growF(this.scales);
    this.docLengths = growF(this.docLengths);
    this.alive = growU(this.alive);
    this.hasVector = growU(this.hasVector);
    this.keywordScratch = new Float32Array(capacity);
    this.capacity = capacity;
  }

  /**
   * Adds a chunk (replacing one with the same id): its searchable text (title and headings
   * included by the caller) and its L2-normalised embedding, or null for keyword-only.
   */
  add(id: string, text: string, vector: Float32Array | null): void {
    if (vector && vector.length !== this.dim) throw new Error(`vector has ${vector.length} dims, index has ${this.dim}`);
    if (this.rowOf.has(id)) this.remove(id);
    if (this.ids.length >= this.capacity) this.grow();
    const row = this.ids.length;
    this.ids.push(id);
    this.rowOf.set(id, row);
    this.alive[row] = 1;
    this.liveCount++;
    if (vector) {
      let maxAbs = 0;
      for (let i = 0; i < this.dim; i++) maxAbs = Math.max(maxAbs, Math.abs(vector[i]));
      const scale = maxAbs / 127 || 1;
      const base = row * this.dim;
      for (let i = 0; i < this.dim; i++) this.vectors[base + i] = Math.round(vector[i] / scale);
      this.scales[row] = scale;
      this.hasVector[row] = 1;
      const bitWords = this.dim >> 5;
      for (let w = 0; w < bitWords; w++) {
        let bits = 0;
        for (let j = 0; j < 32; j++) if (vector[w * 32 + j] > 0) bits |= 1 << j;
        this.signs[row * bitWords + w] = bits;
      }
    }
    const tokens = tokenize(text);
    this.docLengths[row] = tokens.length;
    this.totalLength += tokens.length;
    const counts = new Map<number, number>();
    for (const token of tokens) {
      let termId = this.termIds.get(token);
      if (termId === undefined) {
        termId = this.postings.length;
        this.termIds.set(token, termId);
        this.postings.push({ rows: new Int32Array(4), freqs: new Uint16Array(4), length: 0 });
      }
      counts.set(termId, (counts.get(termId) ?? 0) + 1);
    }
    const terms = new Int32Array(counts.size);
    let t = 0;
    for (const [termId, count] of counts) {
      terms[t++] = termId;
      const posting = this.postings[termId];
      if (posting.length === posting.rows.length) {
        const rows = new Int32Array(posting.rows.length * 2);
        rows.set(posting.rows);
        const freqs = new Uint16Array(posting.freqs.length * 2);
        freqs.set(posting.freqs);
        posting.rows = rows;
        posting.freqs = freqs;
      }
      posting.rows[posting.length] = row;
      posting.freqs[posting.length] = Math.min(count, 65535);
      posting.length++;
    }
    this.rowTerms.push(terms);
  }

  /** Removes a chunk; returns whether it was there. */
  remove(id: string): boolean {
    const row = this.rowOf.get(id);
    if (row === undefined) return false;
    this.rowOf.delete(id);
    this.alive[row] = 0;
    this.liveCount--;
    this.totalLength -= this.docLengths[row];
    this.rowTerms[row] = null;
    if (this.ids.length - this.liveCount > Math.max(64, this.ids.length / 4)) this.compact();
    return true;
  }

  /** Rebuilds rows and postings without the dead rows (ids keep their identity, rows change). */
  private compact(): void {
    const oldIds = this.ids;
    const newRowOf = new Int32Array(oldIds.length).fill(-1);
    let next = 0;
    for (let row = 0; row < oldIds.length; row++) {
      if (!this.alive[row]) continue;
      newRowOf[row] = next;
      if (next !== row) {
        this.vectors.copyWithin(next * this.dim, row * this.dim, (row + 1) * this.dim);
        const bitWords = this.dim >> 5;
        this.signs.copyWithin(next * bitWords, row * bitWords, (row + 1) * bitWords);
        this.scales[next] = this.scales[row];
        this.docLengths[next] = this.docLengths[row];
        this.hasVector[next] = this.hasVector[row];
        this.rowTerms[next] = this.rowTerms[row];
        this.ids[next] = oldIds[row];
        this.rowOf.set(oldIds[row], next);
      }
      this.alive[next] = 1;
      next++;
    }
    this.alive.fill(0, next);
    this.hasVector.fill(0, next);
    this.ids.length = next;
    this.rowTerms.length = next;
    for (const posting of this.postings) {
      let w = 0;
      for (let i = 0; i < posting.length; i++) {
        const mapped = newRowOf[posting.rows[i]];
        if (mapped < 0) continue;
        posting.rows[w] = mapped;
        posting.freqs[w] = posting.freqs[i];
        w++;
      }
      posting.length = w;
    }
  }

  /** Dot product of a row with the quantised query in queryScratch, times the row's scale. */
  private dotInt8(row: number): number {
    const { packed, queryScratch: q } = this;
    const words = this.dim >> 2;
    const base = row * words;
    let dot = 0;
    for (let w = 0, i = 0; w < words; w++, i += 4) {
      const x = packed[base + w];
      dot = (dot + ((x << 24) >> 24) * q[i] + ((x << 16) >> 24) * q[i + 1] + ((x << 8) >> 24) * q[i + 2] + (x >> 24) * q[i + 3]) | 0;
    }
    return dot * this.scales[row];
  }

  /**
   * Top-k rows by hybrid score, best first. `queryVector` (L2-normalised) may be null for keyword
   * only; `queryText` may be empty for vector only.
   */
  search(queryText: string, queryVector: Float32Array | null, k: number, weights: HybridWeights = DEFAULT_WEIGHTS): RowHit[] {
    const rowCount = this.ids.length;
    if (!this.liveCount || k <= 0) return [];
    const keyword = this.keywordScratch;
    keyword.fill(0, 0, rowCount);
    let maxKeyword = 0;
    if (queryText) {
      const avgLength = this.totalLength / this.liveCount || 1;
      const seen = new Set<number>();
      for (const token of tokenize(queryText)) {
        const termId = this.termIds.get(token);
        if (termId === undefined || seen.has(termId)) continue;
        seen.add(termId);
        const posting = this.postings[termId];
        let df = 0;
        for (let i = 0; i < posting.length; i++) df += this.alive[posting.rows[i]];
        if (!df) continue;
        const idf = Math.log(1 + (this.liveCount - df + 0.5) / (df + 0.5));
        const { rows, freqs } = posting;
        for (let i = 0; i < posting.length; i++) {
          const row = rows[i];
          const tf = freqs[i];
          const s = keyword[row] + (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.docLengths[row]) / avgLength));
          keyword[row] = s;
          if (s > maxKeyword && this.alive[row]) maxKeyword = s;
        }
      }
    }
    const keywordScale = maxKeyword > 0 ? weights.keyword / maxKeyword : 0;
    const useVector = queryVector !== null && weights.vector > 0;
    // The query is quantised to int8 too, so the dot product runs in int32 arithmetic.
    const q = this.queryScratch;
    let queryScale = 0;
    if (useVector) {
      let maxAbs = 0;
      for (let i = 0; i < this.dim; i++) maxAbs = Math.max(maxAbs, Math.abs(queryVector[i]));
      queryScale = maxAbs / 127 || 1;
      for (let i = 0; i < this.dim; i++) q[i] = Math.round(queryVector[i] / queryScale);
    }
    const heapSize = Math.min(k, this.liveCount);
    const { alive, hasVector } = this;
    const vectorWeight = weights.vector * queryScale;
    const top = this.top;
    top.reset(heapSize);
    if (useVector && this.liveCount > this.exactBelow) {
      // Two stages: sign bits (1 bit per dimension, popcount of XOR ≈ angle) shortlist candidates
      // with their keyword score, then the int8 dot product ranks only the shortlist.
      const bitWords = this.dim >> 5;
      const queryBits = this.queryBits;
      for (let w = 0; w < bitWords; w++) {
        let bits = 0;
        for (let j = 0; j < 32; j++) if (queryVector[w * 32 + j] > 0) bits |= 1 << j;
        queryBits[w] = bits;
      }
      const shortlist = this.shortlist;
      shortlist.reset(Math.min(this.liveCount, Math.max(64, k * 16)));
      const { signs, cosOfHamming } = this;
      for (let row = 0; row < rowCount; row++) {
        if (!alive[row]) continue;
        let score = keyword[row] * keywordScale;
        if (hasVector[row]) {
          let hamming = 0;
          const base = row * bitWords;
          for (let w = 0; w < bitWords; w++) {
            let x = signs[base + w] ^ queryBits[w];
            x -= (x >>> 1) & 0x55555555;
            x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
            x = (x + (x >>> 4)) & 0x0f0f0f0f;
            hamming += Math.imul(x, 0x01010101) >>> 24;
          }
          score += weights.vector * cosOfHamming[hamming];
        }
        shortlist.push(score, row);
      }
      for (let i = 0; i < shortlist.size; i++) {
        const row = shortlist.rows[i];
        top.push(keyword[row] * keywordScale + (hasVector[row] ? vectorWeight * this.dotInt8(row) : 0), row);
      }
    } else {
      for (let row = 0; row < rowCount; row++) {
        if (!alive[row]) continue;
        top.push(keyword[row] * keywordScale + (useVector && hasVector[row] ? vectorWeight * this.dotInt8(row) : 0), row);
      }
    }
    const hits: RowHit[] = [];
    for (let i = 0; i < top.size; i++) {
      const row = top.rows[i];
      const keywordScore = keyword[row] * keywordScale;
      hits.push({ row, score: top.scores[i], keywordScore, vectorScore: top.scores[i] - keywordScore });
    }
    return hits.sort((a, b) => b.score - a.score);
  }
}
