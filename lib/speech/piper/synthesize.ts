/**
 * One chunk of text → Piper audio: per sentence, eSpeak IPA → ids → the model, sentences joined
 * with Piper's 0.2 s of silence; lip-sync and caption timings derived from the audio (timing.ts).
 * Runs in the worker; the model call is passed in so Node tests can use onnxruntime-node.
 */
import type { TtsTimedEvent } from '../tts-protocol';
import type { PiperVoiceConfig } from './config';
import { phonemesToIds } from './ids';
import { phonemizeText, SENTENCE_SILENCE_S } from './phonemize';
import { spreadPhonemes, voicedSpan, wordTimings } from './timing';

/** Runs the model on one sentence's ids with [noise_scale, length_scale, noise_w]; returns mono PCM. */
export type PiperRun = (ids: readonly number[], scales: readonly [number, number, number], speakerId: number | null) => Promise<Float32Array>;

export interface PiperClip {
  sampleRate: number;
  samples: Float32Array;
  /** Phoneme starts, ms from the clip's first sample ('' = pause); each lasts until the next. */
  phonemes: TtsTimedEvent[];
  words: TtsTimedEvent[];
  /** Symbols the voice has no id for (skipped, as Piper skips them). */
  missing: Map<string, number>;
}

/** Length scale for a speaking-rate multiplier (1 normal, 2 twice as fast), clamped to 0.5..2. */
export function lengthScaleFor(config: PiperVoiceConfig, rate: number): number {
  const safe = Number.isFinite(rate) && rate > 0 ? Math.min(2, Math.max(0.5, rate)) : 1;
  return config.lengthScale / safe;
}

export async function synthesizePiper(
  text: string,
  config: PiperVoiceConfig,
  ipaOf: (clause: string) => string,
  run: PiperRun,
  options: { rate?: number; speakerId?: number | null } = {},
): Promise<PiperClip> {
  const scales = [config.noiseScale, lengthScaleFor(config, options.rate ?? 1), config.noiseW] as const;
  const speakerId = config.numSpeakers > 1 ? options.speakerId ?? 0 : null;
  const silence = Math.round(config.sampleRate * SENTENCE_SILENCE_S);
  const pieces: Float32Array[] = [];
  const phonemes: TtsTimedEvent[] = [];
  const words: TtsTimedEvent[] = [];
  const missing = new Map<string, number>();
  let offset = 0;
  for (const sentence of phonemizeText(text, ipaOf)) {
    const { ids, missing: unknown } = phonemesToIds(sentence.phonemes, config.phonemeIdMap);
    for (const [symbol, count] of unknown) missing.set(symbol, (missing.get(symbol) ?? 0) + count);
    const audio = await run(ids, scales, speakerId);
    if (pieces.length) {
      pieces.push(new Float32Array(silence));
      offset += silence;
    }
    const span = voicedSpan(audio) ?? { start: 0, end: audio.length };
    const toMs = (sample: number) => ((offset + sample) / config.sampleRate) * 1000;
    for (const p of spreadPhonemes(sentence.phonemes, toMs(span.start), toMs(span.end))) phonemes.push({ ms: p.startMs, charIndex: sentence.charStart, phoneme: p.phoneme });
    words.push(...wordTimings(sentence.text, sentence.charStart, toMs(span.start), toMs(span.end)));
    pieces.push(audio);
    offset += audio.length;
  }
  const samples = new Float32Array(offset);
  let at = 0;
  for (const piece of pieces) {
    samples.set(piece, at);
    at += piece.length;
  }
  return { sampleRate: config.sampleRate, samples, phonemes, words, missing };
}

/** The model's first output as mono PCM: Piper voices give [1,1,T] (some exports [1,1,1,T] or [1,T]). */
export function audioFromOutput(data: unknown, dims: readonly number[]): Float32Array {
  if (!(data instanceof Float32Array)) throw new Error('the model output is not float32 audio');
  const samples = dims.length ? dims[dims.length - 1] : data.length;
  if (dims.slice(0, -1).some((d) => d !== 1) || samples !== data.length) throw new Error(`unexpected output shape [${dims.join(', ')}]`);
  return data;
}
