/**
 * Allocation-free F0 tracker for 10 ms frames at 16 kHz: low-passes and decimates to 4 kHz,
 * then picks the normalized-autocorrelation peak over a 20 ms window (65..400 Hz).
 */
export const PITCH_MIN_HZ = 65;
export const PITCH_MAX_HZ = 400;

const DECIMATION = 4;
const DECIMATED_RATE = 16000 / DECIMATION;
const WINDOW = 80; // 20 ms at 4 kHz
const MIN_LAG = Math.floor(DECIMATED_RATE / PITCH_MAX_HZ); // 10
const MAX_LAG = Math.ceil(DECIMATED_RATE / PITCH_MIN_HZ); // 62
const BUFFER = WINDOW + MAX_LAG + 1;
/** Triangular low-pass [1 2 3 4 3 2 1]/16: nulls at 4 and 8 kHz, about -8 dB at 2 kHz. */
const TAPS = [1 / 16, 2 / 16, 3 / 16, 4 / 16, 3 / 16, 2 / 16, 1 / 16];
const HISTORY = TAPS.length - 1;
const MAX_FRAME = 1024;

export class PitchTracker {
  /** Most recent decimated samples, oldest first; the newest sample sits at BUFFER - 1. */
  private readonly buffer = new Float32Array(BUFFER);
  private readonly nccf = new Float32Array(MAX_LAG + 2);
  /** Last HISTORY input samples of the previous frame, then the current frame. */
  private readonly input = new Float32Array(HISTORY + MAX_FRAME);
  /** Peak normalized autocorrelation of the last analysed frame, 0..1 (periodicity). */
  clarity = 0;

  /** Appends one frame of 16 kHz samples (length a multiple of 4, ≤ 1024) to the analysis buffer. */
  push(samples: Float32Array): void {
    const input = this.input;
    const length = Math.min(samples.length, MAX_FRAME);
    input.set(samples.subarray(0, length), HISTORY);
    const out = length / DECIMATION;
    const buffer = this.buffer;
    buffer.copyWithin(0, out);
    const base = BUFFER - out;
    for (let i = 0; i < out; i++) {
      const j = i * DECIMATION;
      buffer[base + i] =
        TAPS[0] * input[j] + TAPS[1] * input[j + 1] + TAPS[2] * input[j + 2] + TAPS[3] * input[j + 3] +
        TAPS[4] * input[j + 4] + TAPS[5] * input[j + 5] + TAPS[6] * input[j + 6];
    }
    input.copyWithin(0, length, length + HISTORY);
  }

  /** F0 in Hz of the latest 20 ms (65..400), or 0 when the window is not clearly periodic. */
  estimate(minClarity = 0.6): number {
    const buffer = this.buffer;
    const start = BUFFER - WINDOW;
    let energyRef = 0;
    for (let i = start; i < BUFFER; i++) energyRef += buffer[i] * buffer[i];
    if (energyRef < 1e-8) {
      this.clarity = 0;
      return 0;
    }
    // Energy of the lagged window, slid incrementally from lag MIN_LAG upwards.
    let energyLag = 0;
    for (let i = start - MIN_LAG; i < BUFFER - MIN_LAG; i++) energyLag += buffer[i] * buffer[i];
    let best = -1;
    for (let lag = MIN_LAG; lag <= MAX_LAG; lag++) {
      if (lag > MIN_LAG) {
        const enter = buffer[start - lag];
        const leave = buffer[BUFFER - lag];
        energyLag += enter * enter - leave * leave;
      }
      let cross = 0;
      const offset = start - lag;
      for (let i = 0; i < WINDOW; i++) cross += buffer[start + i] * buffer[offset + i];
      const denominator = Math.sqrt(energyRef * Math.max(energyLag, 1e-12));
      const value = cross / denominator;
      this.nccf[lag] = value;
      if (value > best) best = value;
    }
    this.clarity = best > 0 ? best : 0;
    if (best < minClarity) return 0;
    // First local peak within 85% of the global one: avoids picking a multiple of the period.
    const target = best * 0.85;
    let chosen = -1;
    for (let lag = MIN_LAG + 1; lag < MAX_LAG; lag++) {
      const v = this.nccf[lag];
      if (v >= target && v >= this.nccf[lag - 1] && v >= this.nccf[lag + 1]) {
        chosen = lag;
        break;
      }
    }
    if (chosen < 0) return 0;
    const left = this.nccf[chosen - 1];
    const mid = this.nccf[chosen];
    const right = this.nccf[chosen + 1];
    const curvature = left - 2 * mid + right;
    const shift = curvature < 0 ? (0.5 * (left - right)) / curvature : 0;
    return DECIMATED_RATE / (chosen + Math.max(-0.5, Math.min(0.5, shift)));
  }

  /** Clears the buffer (new stream). */
  reset(): void {
    this.buffer.fill(0);
    this.input.fill(0);
    this.clarity = 0;
  }
}
