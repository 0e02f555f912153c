/** A fixed-capacity min-heap keeping the k best (score, row) pairs; reused across queries. */
export class TopK {
  scores = new Float32Array(16);
  rows = new Int32Array(16);
  size = 0;
  private capacity = 0;

  /** Empties the heap and sets how many pairs it keeps (grows its arrays only when needed). */
  reset(capacity: number): void {
    if (this.scores.length < capacity) {
      this.scores = new Float32Array(capacity);
      this.rows = new Int32Array(capacity);
    }
    this.capacity = capacity;
    this.size = 0;
  }

  /** Offers a pair; kept if the heap is not full or the score beats the worst kept one. */
  push(score: number, row: number): void {
    const hs = this.scores;
    const hr = this.rows;
    if (this.size < this.capacity) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (hs[parent] <= score) break;
        hs[i] = hs[parent];
        hr[i] = hr[parent];
        i = parent;
      }
      hs[i] = score;
      hr[i] = row;
    } else if (this.capacity > 0 && score > hs[0]) {
      let i = 0;
      const n = this.capacity;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && hs[right] < hs[left] ? right : left;
        if (hs[child] >= score) break;
        hs[i] = hs[child];
        hr[i] = hr[child];
        i = child;
      }
      hs[i] = score;
      hr[i] = row;
    }
  }
}
