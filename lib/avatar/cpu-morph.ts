import { DynamicDrawUsage, type BufferAttribute, type BufferGeometry } from 'three';

/**
 * Morph targets blended on the CPU instead of in the vertex shader. Software rasterisers run
 * three.js's morph loop (one texture fetch per active target per vertex) slowly, while the same sum
 * in JS over the few vertices each ARKit target actually moves costs well under a millisecond; the
 * GPU then gets a plain position buffer. Takes over `geometry.morphAttributes.position` (relative
 * targets), which it removes so three.js compiles the morph-free shader; the mesh keeps its
 * `morphTargetInfluences` and `morphTargetDictionary`, so drivers do not change.
 */
export class CpuMorph {
  readonly targetCount: number;
  private readonly base: Float32Array;
  private readonly position: BufferAttribute;
  /** Per target: flat xyz offsets into the position array and the matching deltas (sparse). */
  private readonly offsets: Int32Array[];
  private readonly deltas: Float32Array[];
  private readonly applied: Float32Array;
  private first = true;

  constructor(geometry: BufferGeometry) {
    const targets = geometry.morphAttributes.position;
    if (!targets || !geometry.morphTargetsRelative) throw new Error('avatar: CpuMorph needs relative position morph targets');
    this.position = geometry.getAttribute('position') as BufferAttribute;
    this.base = Float32Array.from(this.position.array as Float32Array);
    this.targetCount = targets.length;
    this.offsets = [];
    this.deltas = [];
    for (const target of targets) {
      const data = target.array as Float32Array;
      let moved = 0;
      for (let v = 0; v < data.length; v += 3) if (data[v] !== 0 || data[v + 1] !== 0 || data[v + 2] !== 0) moved++;
      const offsets = new Int32Array(moved);
      const deltas = new Float32Array(moved * 3);
      let k = 0;
      for (let v = 0; v < data.length; v += 3) {
        if (data[v] === 0 && data[v + 1] === 0 && data[v + 2] === 0) continue;
        offsets[k] = v;
        deltas[k * 3] = data[v];
        deltas[k * 3 + 1] = data[v + 1];
        deltas[k * 3 + 2] = data[v + 2];
        k++;
      }
      this.offsets.push(offsets);
      this.deltas.push(deltas);
    }
    this.applied = new Float32Array(this.targetCount);
    delete geometry.morphAttributes.position;
    this.position.setUsage(DynamicDrawUsage);
  }

  /** Vertices moved by target `t` (for tests and budgets). */
  movedVertices(t: number): number {
    return this.offsets[t].length;
  }

  /** Writes base + Σ influence·delta into the position buffer; skips the upload when nothing changed. Allocation-free. */
  apply(influences: ArrayLike<number>): boolean {
    let changed = this.first;
    for (let t = 0; t < this.targetCount && !changed; t++) changed = influences[t] !== this.applied[t];
    if (!changed) return false;
    this.first = false;
    const out = this.position.array as Float32Array;
    out.set(this.base);
    for (let t = 0; t < this.targetCount; t++) {
      const w = influences[t];
      this.applied[t] = w;
      if (w === 0) continue;
      const offsets = this.offsets[t];
      const deltas = this.deltas[t];
      for (let k = 0; k < offsets.length; k++) {
        const o = offsets[k];
        out[o] += w * deltas[k * 3];
        out[o + 1] += w * deltas[k * 3 + 1];
        out[o + 2] += w * deltas[k * 3 + 2];
      }
    }
    this.position.needsUpdate = true;
    return true;
  }
}
