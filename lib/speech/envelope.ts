import { rms } from '../audio/level';

/** Loudness envelope for lip sync: RMS per `hopMs` window, normalised so the loudest window is 1. */
export function loudnessEnvelope(samples: Float32Array, sampleRate: number, hopMs = 20): Float32Array {
  const hop = Math.max(1, Math.round((sampleRate * hopMs) / 1000));
  const out = new Float32Array(Math.ceil(samples.length / hop));
  let peak = 0;
  for (let w = 0; w < out.length; w++) {
    out[w] = rms(samples.subarray(w * hop, Math.min(samples.length, (w + 1) * hop)));
    if (out[w] > peak) peak = out[w];
  }
  if (peak > 0) for (let w = 0; w < out.length; w++) out[w] = Math.min(1, out[w] / peak);
  return out;
}

/** Envelope value at `ms` into the clip (0 outside it). */
export function envelopeAt(envelope: Float32Array, ms: number, hopMs = 20): number {
  const i = Math.floor(ms / hopMs);
  return i >= 0 && i < envelope.length ? envelope[i] : 0;
}

/** Characters spoken by `ms`, from word timings (the start of the last word begun). */
export function charsSpokenAt(words: readonly { ms: number; charIndex: number }[], ms: number, textLength: number, durationMs: number): number {
  if (ms >= durationMs) return textLength;
  let chars = 0;
  for (const word of words) {
    if (word.ms > ms) break;
    chars = word.charIndex;
  }
  // Reveal the word being spoken in full: up to the next space after its start.
  const nextSpace = words.find((w) => w.ms > ms)?.charIndex ?? textLength;
  return Math.max(chars, Math.min(textLength, nextSpace > chars ? nextSpace - 1 : chars));
}

/**
 * Silence at the start of a clip to skip, in samples and ms: everything before the first sample
 * louder than `threshold` (full scale 1), less `keepMs` so the onset is not clipped.
 */
export function leadingSilence(samples: Float32Array, sampleRate: number, threshold = 0.01, keepMs = 5): { samples: number; ms: number } {
  let first = 0;
  while (first < samples.length && Math.abs(samples[first]) < threshold) first++;
  if (first >= samples.length) return { samples: 0, ms: 0 };
  const skip = Math.max(0, first - Math.round((sampleRate * keepMs) / 1000));
  return { samples: skip, ms: (skip / sampleRate) * 1000 };
}
