/**
 * Cosine index over one contiguous Float32Array, with a cheap first pass for large sizes.
 *
 * Every row keeps its inverse norm (so stored vectors need not be normalised) and, beside the
 * full float row, a 1-bit code: the signs of the vector after a randomised Hadamard rotation
 * (fixed random sign flips + fast Walsh–Hadamard transform). Each bit is then the side of one
 * random hyperplane, so the Hamming distance between two codes estimates the angle between the
 * vectors (SimHash; Charikar 2002). `top()` scans the codes (16 int32 XOR + popcounts per 512-d
 * row instead of 512 float multiply-adds, 1/16 of the bytes), keeps the best `rerank` rows and
 * re-scores only those with the exact float cosine. Below `exactBelow` rows it scans the floats.
 * A running sum of the normalised rows gives the exact mean cosine of the whole index in O(dim).
 */
export interface VectorIndexOptions {
  /** Below this many rows, top() is an exact scan (default 4096). */
  exactBelow?: number;
}

/** Scored rows returned by top(): ids and exact cosines, best first. */
export interface VectorHits {
  ids: string[];
  scores: number[];
  /** Mean cosine of the query with every row of the index (exact). */
  mean: number;
}

function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p <<= 1;
  return p;
}

/** In-place fast Walsh–Hadamard transform (length a power of two), unnormalised. */
function fwht(a: Float64Array): void {
  const n = a.length;
  for (let h = 1; h < n; h <<= 1) {
    for (let i = 0; i < n; i += h << 1) {
      for (let j = i, end = i + h; j < end; j++) {
        const x = a[j];
        const y = a[j + h];
        a[j] = x + y;
        a[j + h] = x - y;
      }
    }
  }
}

/** Set bits in a 32-bit integer (SWAR). */
function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

export class VectorIndex {
  private data: Float32Array;
  private invNorms: Float32Array;
  private codes: Int32Array;
  private ids: string[] = [];
  private readonly rowOf = new Map<string, number>();
  private readonly sum: Float64Array;
  /** 32-bit words per code. */
  readonly codeWords: number;
  readonly exactBelow: number;
  private readonly signs: Float64Array;
  private readonly rotated: Float64Array;
  private readonly queryCode: Int32Array;
  private readonly queryFull: Float64Array;
  private approx = new Float32Array(0);
  private heap = new Int32Array(0);

  constructor(readonly dim: number, capacity = 1024, options: VectorIndexOptions = {}) {
    capacity = Math.max(1, capacity);
    this.exactBelow = options.exactBelow ?? 4096;
    this.data = new Float32Array(dim * capacity);
    this.invNorms = new Float32Array(capacity);
    this.sum = new Float64Array(dim);
    const padded = nextPow2(dim);
    this.codeWords = Math.ceil(padded / 32);
    this.codes = new Int32Array(this.codeWords * capacity);
    this.rotated = new Float64Array(padded);
    this.signs = new Float64Array(padded);
    let seed = 0x9e3779b9;
    for (let i = 0; i < padded; i++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      this.signs[i] = seed & 0x10000 ? 1 : -1;
    }
    this.queryCode = new Int32Array(this.codeWords);
    this.queryFull = new Float64Array(dim);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Rotates v (scaled by scale) into this.rotated. */
  private rotate(v: ArrayLike<number>, scale: number): Float64Array {
    const r = this.rotated;
    r.fill(0);
    for (let i = 0; i < this.dim; i++) r[i] = v[i] * scale * this.signs[i];
    fwht(r);
    return r;
  }

  private grow(): void {
    const capacity = this.invNorms.length * 2;
    const grow32 = (a: Float32Array, n: number) => {
      const b = new Float32Array(n);
      b.set(a);
      return b;
    };
    this.data = grow32(this.data, capacity * this.dim);
    this.invNorms = grow32(this.invNorms, capacity);
    const codes = new Int32Array(capacity * this.codeWords);
    codes.set(this.codes);
    this.codes = codes;
  }

  private addToSum(row: number, sign: 1 | -1): void {
    const { dim, data, sum } = this;
    const scale = sign * this.invNorms[row];
    for (let i = 0, base = row * dim; i < dim; i++) sum[i] += data[base + i] * scale;
  }

  /** Adds or replaces a vector. */
  set(id: string, vector: Float32Array): void {
    if (vector.length !== this.dim) throw new Error(`vector has ${vector.length} dims, index has ${this.dim}`);
    let row = this.rowOf.get(id);
    if (row === undefined) {
      row = this.ids.length;
      if (row >= this.invNorms.length) this.grow();
      this.ids.push(id);
      this.rowOf.set(id, row);
    } else {
      this.addToSum(row, -1);
    }
    this.data.set(vector, row * this.dim);
    let norm = 0;
    for (let i = 0; i < this.dim; i++) norm += vector[i] * vector[i];
    this.invNorms[row] = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    this.addToSum(row, 1);
    this.encode(this.rotate(vector, 1), this.codes, row * this.codeWords);
  }

  /** Sign bits of a rotated vector into words starting at offset. */
  private encode(rotated: Float64Array, into: Int32Array, offset: number): void {
    for (let w = 0; w < this.codeWords; w++) {
      let word = 0;
      for (let bit = 0; bit < 32; bit++) {
        const i = w * 32 + bit;
        if (i < rotated.length && rotated[i] > 0) word |= 1 << bit;
      }
      into[offset + w] = word;
    }
  }

  /** Removes a vector (swap with the last row); its numbers are zeroed. */
  delete(id: string): void {
    const row = this.rowOf.get(id);
    if (row === undefined) return;
    this.addToSum(row, -1);
    const last = this.ids.length - 1;
    const { dim, codeWords } = this;
    if (row !== last) {
      this.data.copyWithin(row * dim, last * dim, (last + 1) * dim);
      this.codes.copyWithin(row * codeWords, last * codeWords, (last + 1) * codeWords);
      this.invNorms[row] = this.invNorms[last];
      this.ids[row] = this.ids[last];
      this.rowOf.set(this.ids[row], row);
    }
    this.data.fill(0, last * dim, (last + 1) * dim);
    this.codes.fill(0, last * codeWords, (last + 1) * codeWords);
    this.invNorms[last] = 0;
    this.ids.pop();
    this.rowOf.delete(id);
    if (!this.ids.length) this.sum.fill(0);
  }

  has(id: string): boolean {
    return this.rowOf.has(id);
  }

  /** The stored vector (a view into the index: copy it before the index changes), or null. */
  get(id: string): Float32Array | null {
    const row = this.rowOf.get(id);
    return row === undefined ? null : this.data.subarray(row * this.dim, (row + 1) * this.dim);
  }

  /** Normalised query into queryFull; returns false for a zero vector. */
  private loadQuery(query: Float32Array): boolean {
    if (query.length !== this.dim) throw new Error(`query has ${query.length} dims, index has ${this.dim}`);
    let norm = 0;
    for (let i = 0; i < this.dim; i++) norm += query[i] * query[i];
    if (!norm) return false;
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < this.dim; i++) this.queryFull[i] = query[i] * inv;
    return true;
  }

  private exact(row: number): number {
    const { dim, data, queryFull: q } = this;
    const base = row * dim;
    let a = 0, b = 0, c = 0, d = 0;
    let i = 0;
    for (; i + 3 < dim; i += 4) {
      a += data[base + i] * q[i];
      b += data[base + i + 1] * q[i + 1];
      c += data[base + i + 2] * q[i + 2];
      d += data[base + i + 3] * q[i + 3];
    }
    for (; i < dim; i++) a += data[base + i] * q[i];
    return (a + b + c + d) * this.invNorms[row];
  }

  /** Cosine of the query with every stored vector, written into out (length ≥ size); returns the ids by row. */
  scoreAll(query: Float32Array, out: Float32Array): readonly string[] {
    if (!this.loadQuery(query)) {
      out.fill(0, 0, this.ids.length);
      return this.ids;
    }
    for (let row = 0, n = this.ids.length; row < n; row++) out[row] = this.exact(row);
    return this.ids;
  }

  /**
   * The k rows most similar to the query, exact cosines, best first; accept (optional) filters ids
   * and is only asked about rows that would enter the current top list. Allocates only the result.
   */
  top(query: Float32Array, k: number, options: { accept?: (id: string) => boolean; rerank?: number } = {}): VectorHits {
    const n = this.ids.length;
    const hits: VectorHits = { ids: [], scores: [], mean: 0 };
    if (!n || k <= 0 || !this.loadQuery(query)) return hits;
    let mean = 0;
    for (let i = 0; i < this.dim; i++) mean += this.sum[i] * this.queryFull[i];
    hits.mean = mean / n;
    if (this.approx.length < n) this.approx = new Float32Array(Math.max(n, this.invNorms.length));
    const values = this.approx;
    const accept = options.accept;
    const rerank = Math.max(k, options.rerank ?? Math.max(2 * k, 200));
    if (n < this.exactBelow || rerank >= n) {
      for (let row = 0; row < n; row++) values[row] = this.exact(row);
      const rows = this.select(values, n, k, accept);
      for (const row of rows) {
        hits.ids.push(this.ids[row]);
        hits.scores.push(this.exact(row));
      }
      return hits;
    }
    // First pass: Hamming distance between 1-bit codes (negated, so larger is closer).
    this.encode(this.rotate(this.queryFull, 1), this.queryCode, 0);
    const q = this.queryCode;
    const codes = this.codes;
    const words = this.codeWords;
    for (let row = 0; row < n; row++) {
      const base = row * words;
      let distance = 0;
      for (let w = 0; w < words; w++) distance += popcount(codes[base + w] ^ q[w]);
      values[row] = -distance;
    }
    const candidates = this.select(values, n, rerank, accept, false);
    // Re-rank the candidates with exact float cosines.
    const exactScores = candidates.map((row) => this.exact(row));
    const order = candidates.map((_, i) => i).sort((x, y) => exactScores[y] - exactScores[x]).slice(0, k);
    for (const i of order) {
      hits.ids.push(this.ids[candidates[i]]);
      hits.scores.push(exactScores[i]);
    }
    return hits;
  }

  /** Rows of the `count` largest values (min-heap in a reused Int32Array), sorted best first unless sorted = false. */
  private select(values: Float32Array, n: number, count: number, accept?: (id: string) => boolean, sorted = true): number[] {
    if (this.heap.length < count) this.heap = new Int32Array(count);
    const heap = this.heap;
    let size = 0;
    for (let row = 0; row < n; row++) {
      const v = values[row];
      if (size === count && v <= values[heap[0]]) continue;
      if (accept && !accept(this.ids[row])) continue;
      if (size < count) {
        let c = size++;
        heap[c] = row;
        while (c > 0) {
          const p = (c - 1) >> 1;
          if (values[heap[p]] <= values[heap[c]]) break;
          const t = heap[p];
          heap[p] = heap[c];
          heap[c] = t;
          c = p;
        }
      } else {
        heap[0] = row;
        for (let p = 0; ; ) {
          const l = 2 * p + 1;
          const rr = l + 1;
          let s = p;
          if (l < size && values[heap[l]] < values[heap[s]]) s = l;
          if (rr < size && values[heap[rr]] < values[heap[s]]) s = rr;
          if (s === p) break;
          const t = heap[p];
          heap[p] = heap[s];
          heap[s] = t;
          p = s;
        }
      }
    }
    const rows = Array.from(heap.subarray(0, size));
    return sorted ? rows.sort((a, b) => values[b] - values[a]) : rows;
  }
}
