/** Brute-force cosine index over L2-normalised vectors in one contiguous Float32Array. */
export class VectorIndex {
  private data: Float32Array;
  private ids: string[] = [];
  private readonly rowOf = new Map<string, number>();
  constructor(readonly dim: number, capacity = 1024) {
    this.data = new Float32Array(dim * capacity);
  }

  get size(): number {
    return this.ids.length;
  }

  /** Adds or replaces a vector. */
  set(id: string, vector: Float32Array): void {
    if (vector.length !== this.dim) throw new Error(`vector has ${vector.length} dims, index has ${this.dim}`);
    let row = this.rowOf.get(id);
    if (row === undefined) {
      row = this.ids.length;
      if ((row + 1) * this.dim > this.data.length) {
        const grown = new Float32Array(this.data.length * 2);
        grown.set(this.data);
        this.data = grown;
      }
      this.ids.push(id);
      this.rowOf.set(id, row);
    }
    this.data.set(vector, row * this.dim);
  }

  /** Removes a vector (swap with the last row); its numbers are zeroed. */
  delete(id: string): void {
    const row = this.rowOf.get(id);
    if (row === undefined) return;
    const last = this.ids.length - 1;
    if (row !== last) {
      this.data.copyWithin(row * this.dim, last * this.dim, (last + 1) * this.dim);
      this.ids[row] = this.ids[last];
      this.rowOf.set(this.ids[row], row);
    }
    this.data.fill(0, last * this.dim, (last + 1) * this.dim);
    this.ids.pop();
    this.rowOf.delete(id);
  }

  has(id: string): boolean {
    return this.rowOf.has(id);
  }

  /** Cosine of the query with every stored vector, written into out (length ≥ size); returns the ids by row. */
  scoreAll(query: Float32Array, out: Float32Array): readonly string[] {
    const { dim, data } = this;
    for (let row = 0, n = this.ids.length; row < n; row++) {
      let dot = 0;
      const base = row * dim;
      for (let i = 0; i < dim; i++) dot += data[base + i] * query[i];
      out[row] = dot;
    }
    return this.ids;
  }
}
