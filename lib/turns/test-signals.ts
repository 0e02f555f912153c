/** Deterministic synthetic signals for the lib/turns tests and benchmark (16 kHz, -1..1). */

/** A voiced "syllable train": harmonic source with F0 gliding linearly from f0Start to f0End Hz. */
export function voicedSegment(seconds: number, f0Start: number, f0End: number, level = 0.1): Float32Array {
  const x = new Float32Array(Math.round(16000 * seconds));
  let phase = 0;
  for (let n = 0; n < x.length; n++) {
    const f0 = f0Start + ((f0End - f0Start) * n) / x.length;
    phase += (2 * Math.PI * f0) / 16000;
    let v = 0;
    for (let h = 1; h <= 8; h++) v += Math.sin(h * phase) / h;
    const envelope = 0.6 + 0.4 * Math.sin((2 * Math.PI * 4 * n) / 16000);
    x[n] = level * envelope * v;
  }
  return x;
}

/** Low-level deterministic noise (a linear congruential generator), RMS ≈ level/3.5. */
export function noise(seconds: number, level = 0.002, seed = 7): Float32Array {
  const x = new Float32Array(Math.round(16000 * seconds));
  let s = seed;
  for (let n = 0; n < x.length; n++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    x[n] = level * (s / 0x7fffffff - 0.5);
  }
  return x;
}

/** Concatenates segments and adds a noise floor throughout. */
export function concat(...segments: Float32Array[]): Float32Array {
  const total = segments.reduce((n, s) => n + s.length, 0);
  const out = noise(total / 16000, 0.002, 11);
  let offset = 0;
  for (const s of segments) {
    for (let i = 0; i < s.length; i++) out[offset + i] += s[i];
    offset += s.length;
  }
  return out;
}
