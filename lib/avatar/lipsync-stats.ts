/** Pearson correlation of two equal-length series; 0 when either is constant. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n < 2) return 0;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/**
 * The lag (in samples, -maxLag..maxLag) at which `follower` best matches `leader`: positive when the
 * follower comes later (e.g. the mouth behind the voice). Returns the integer lag, the correlation
 * there, and `fine`: the lag refined between samples by a parabola through the peak and its neighbours.
 */
export function bestLag(leader: ArrayLike<number>, follower: ArrayLike<number>, maxLag: number): { lag: number; r: number; fine: number } {
  const n = Math.min(leader.length, follower.length);
  const rs = new Map<number, number>();
  let best = { lag: 0, r: -Infinity };
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    const start = Math.max(0, -lag);
    const end = Math.min(n, n - lag);
    if (end - start < 3) continue;
    const a = Array.prototype.slice.call(leader, start, end) as number[];
    const b = Array.prototype.slice.call(follower, start + lag, end + lag) as number[];
    const r = pearson(a, b);
    rs.set(lag, r);
    if (r > best.r) best = { lag, r };
  }
  const before = rs.get(best.lag - 1);
  const after = rs.get(best.lag + 1);
  let fine = best.lag;
  if (before !== undefined && after !== undefined) {
    const curvature = before - 2 * best.r + after;
    if (curvature < 0) fine += Math.max(-0.5, Math.min(0.5, (0.5 * (before - after)) / curvature));
  }
  return { ...best, fine };
}
