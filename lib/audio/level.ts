/** Root-mean-square of a frame, 0..1 for full-scale audio. */
export function rms(frame: Float32Array, count = frame.length): number {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += frame[i] * frame[i];
  return count > 0 ? Math.sqrt(sum / count) : 0;
}

/** Level in dBFS, floored at -100. */
export function toDbfs(rmsValue: number): number {
  return rmsValue > 1e-5 ? 20 * Math.log10(rmsValue) : -100;
}

/** Meter position 0..1 from dBFS: -60 dB → 0, 0 dB → 1. */
export function meterPosition(dbfs: number): number {
  return Math.min(1, Math.max(0, (dbfs + 60) / 60));
}
