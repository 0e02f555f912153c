import { words } from './text';

export interface WerResult {
  /** (substitutions + deletions + insertions) / reference words; 0 is perfect, can exceed 1. */
  wer: number;
  substitutions: number;
  deletions: number;
  insertions: number;
  referenceWords: number;
}

/**
 * Word error rate of `hypothesis` against `reference` after normalisation (lower case, no
 * punctuation). An empty reference gives 0 for an empty hypothesis and 1 otherwise.
 */
export function wordErrorRate(reference: string, hypothesis: string): WerResult {
  const ref = words(reference);
  const hyp = words(hypothesis);
  const n = ref.length;
  const m = hyp.length;
  if (n === 0) return { wer: m === 0 ? 0 : 1, substitutions: 0, deletions: 0, insertions: m, referenceWords: 0 };
  // Levenshtein over words; each cell keeps its edit counts so ties are broken consistently.
  type Cell = { cost: number; s: number; d: number; i: number };
  let prev: Cell[] = Array.from({ length: m + 1 }, (_, j) => ({ cost: j, s: 0, d: 0, i: j }));
  for (let r = 1; r <= n; r++) {
    const row: Cell[] = [{ cost: r, s: 0, d: r, i: 0 }];
    for (let h = 1; h <= m; h++) {
      const same = ref[r - 1] === hyp[h - 1];
      const diag = prev[h - 1];
      const up = prev[h];
      const left = row[h - 1];
      const sub = { cost: diag.cost + (same ? 0 : 1), s: diag.s + (same ? 0 : 1), d: diag.d, i: diag.i };
      const del = { cost: up.cost + 1, s: up.s, d: up.d + 1, i: up.i };
      const ins = { cost: left.cost + 1, s: left.s, d: left.d, i: left.i + 1 };
      row.push(sub.cost <= del.cost && sub.cost <= ins.cost ? sub : del.cost <= ins.cost ? del : ins);
    }
    prev = row;
  }
  const last = prev[m];
  return { wer: last.cost / n, substitutions: last.s, deletions: last.d, insertions: last.i, referenceWords: n };
}
