/**
 * Streaming band-limited resampler (windowed-sinc, fixed taps) from any input rate down or up to
 * a target rate. Designed for the audio render thread: no allocation after construction.
 */
export class StreamingResampler {
  readonly inputRate: number;
  readonly outputRate: number;
  private readonly step: number;
  private readonly halfTaps: number;
  private readonly cutoff: number;
  private readonly history: Float32Array;
  private historyLength = 0;
  /** Position of the next output sample, in input samples, relative to history[0]. */
  private position: number;
  private readonly table: Float32Array;
  private static readonly TABLE_RESOLUTION = 64;

  /** @param halfTaps filter half-length in input samples at the cutoff (quality vs cost). */
  constructor(inputRate: number, outputRate: number, halfTaps = 16) {
    if (!(inputRate > 0) || !(outputRate > 0)) throw new RangeError('sample rates must be positive');
    this.inputRate = inputRate;
    this.outputRate = outputRate;
    this.step = inputRate / outputRate;
    // Low-pass at 0.92 × the lower Nyquist, in cycles per input sample.
    this.cutoff = (0.92 * 0.5 * Math.min(inputRate, outputRate)) / inputRate;
    this.halfTaps = Math.ceil(halfTaps * Math.max(1, this.step));
    this.history = new Float32Array(this.halfTaps * 2 + 8192);
    this.position = this.halfTaps; // first output needs halfTaps of left context (zeros)
    this.historyLength = this.halfTaps;
    const res = StreamingResampler.TABLE_RESOLUTION;
    this.table = new Float32Array(this.halfTaps * res + 2);
    for (let i = 0; i < this.table.length; i++) {
      const x = i / res;
      const sinc = x === 0 ? 1 : Math.sin(2 * Math.PI * this.cutoff * x) / (2 * Math.PI * this.cutoff * x);
      const window = x >= this.halfTaps ? 0 : 0.5 * (1 + Math.cos((Math.PI * x) / this.halfTaps));
      this.table[i] = 2 * this.cutoff * sinc * window;
    }
  }

  private kernel(distance: number): number {
    const x = Math.abs(distance) * StreamingResampler.TABLE_RESOLUTION;
    const i = x | 0;
    if (i >= this.table.length - 1) return 0;
    const frac = x - i;
    return this.table[i] + (this.table[i + 1] - this.table[i]) * frac;
  }

  /**
   * Feeds input samples; writes resampled samples into `out` starting at 0.
   * Returns how many samples were written. `out` must hold ceil(input.length / step) + 2.
   */
  process(input: Float32Array, out: Float32Array): number {
    if (this.historyLength + input.length > this.history.length) {
      throw new RangeError(`input block too large (${input.length})`);
    }
    this.history.set(input, this.historyLength);
    this.historyLength += input.length;
    let written = 0;
    while (this.position + this.halfTaps < this.historyLength && written < out.length) {
      const center = this.position;
      const first = Math.max(0, Math.ceil(center - this.halfTaps));
      const last = Math.min(this.historyLength - 1, Math.floor(center + this.halfTaps));
      let acc = 0;
      for (let k = first; k <= last; k++) acc += this.history[k] * this.kernel(k - center);
      out[written++] = acc;
      this.position += this.step;
    }
    // Drop input no longer needed as left context.
    const keepFrom = Math.max(0, Math.floor(this.position - this.halfTaps) - 1);
    if (keepFrom > 0) {
      this.history.copyWithin(0, keepFrom, this.historyLength);
      this.historyLength -= keepFrom;
      this.position -= keepFrom;
    }
    return written;
  }
}

/** Collects a stream of samples into fixed-size frames without allocating. */
export class Framer {
  readonly frameSize: number;
  private readonly buffer: Float32Array;
  private filled = 0;

  constructor(frameSize: number) {
    this.frameSize = frameSize;
    this.buffer = new Float32Array(frameSize);
  }

  /** Pushes `count` samples from `input`; calls `onFrame` with the internal buffer for each full frame. */
  push(input: Float32Array, count: number, onFrame: (frame: Float32Array) => void): void {
    let offset = 0;
    while (offset < count) {
      const take = Math.min(this.frameSize - this.filled, count - offset);
      this.buffer.set(input.subarray(offset, offset + take), this.filled);
      this.filled += take;
      offset += take;
      if (this.filled === this.frameSize) {
        onFrame(this.buffer);
        this.filled = 0;
      }
    }
  }
}

/**
 * Mixes a render quantum's channels down to mono into `scratch` (reused when the length matches).
 * Returns the mono buffer; allocates only if the quantum size changes.
 */
export function mixToMono(channels: readonly Float32Array[], scratch: Float32Array): Float32Array {
  const length = channels[0].length;
  const mono = length === scratch.length ? scratch : new Float32Array(length);
  if (channels.length === 1) {
    mono.set(channels[0]);
  } else {
    mono.fill(0);
    for (const channel of channels) for (let i = 0; i < length; i++) mono[i] += channel[i] / channels.length;
  }
  return mono;
}
