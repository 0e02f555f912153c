/** Minimal RIFF/WAVE reader for evals and tests: PCM 16-bit or IEEE float 32-bit, mixed to mono. */

export interface DecodedWav {
  sampleRate: number;
  /** Mono samples, -1..1. */
  samples: Float32Array;
}

/** Decodes a WAV file's bytes; throws with a clear message on formats it does not read. */
export function decodeWav(bytes: Uint8Array): DecodedWav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('decodeWav: not a RIFF/WAVE file');
  let format = 0, channels = 1, sampleRate = 0, bits = 0;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = tag(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = view.getUint16(body, true);
      channels = view.getUint16(body + 2, true);
      sampleRate = view.getUint32(body + 4, true);
      bits = view.getUint16(body + 14, true);
    } else if (id === 'data') {
      const frameBytes = (bits / 8) * channels;
      const frames = Math.floor(Math.min(size, bytes.length - body) / frameBytes);
      const samples = new Float32Array(frames);
      for (let f = 0; f < frames; f++) {
        let sum = 0;
        for (let c = 0; c < channels; c++) {
          const at = body + f * frameBytes + c * (bits / 8);
          if (format === 1 && bits === 16) sum += view.getInt16(at, true) / 32768;
          else if (format === 3 && bits === 32) sum += view.getFloat32(at, true);
          else throw new Error(`decodeWav: unsupported format ${format} with ${bits} bits`);
        }
        samples[f] = sum / channels;
      }
      return { sampleRate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('decodeWav: no data chunk');
}

/** Linear-interpolation resampler (enough for prosody; not for listening). */
export function resampleLinear(samples: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return samples;
  const out = new Float32Array(Math.floor((samples.length * toRate) / fromRate));
  const step = fromRate / toRate;
  for (let i = 0; i < out.length; i++) {
    const x = i * step;
    const k = Math.floor(x);
    const frac = x - k;
    out[i] = samples[k] * (1 - frac) + (samples[Math.min(k + 1, samples.length - 1)] ?? 0) * frac;
  }
  return out;
}
