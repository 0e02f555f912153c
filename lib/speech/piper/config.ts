/** A Piper voice's `<voice>.onnx.json`, read and checked before a model is run with it. */

export type PiperErrorCode = 'piper:config' | 'piper:download' | 'piper:model' | 'piper:phonemes' | 'piper:host';

/** Piper failures the settings page and the call map to a message (and an eSpeak fallback). */
export class PiperError extends Error {
  readonly code: PiperErrorCode;
  constructor(code: PiperErrorCode, message: string) {
    super(message);
    this.name = 'PiperError';
    this.code = code;
  }
}

export interface PiperVoiceConfig {
  /** Output sample rate, Hz (16000 or 22050 for the published voices). */
  sampleRate: number;
  /** eSpeak NG voice that phonemizes text for this model, e.g. 'en-us', 'en-gb-x-rp'. */
  espeakVoice: string;
  /** VITS noise (prosody variation), default 0.667. */
  noiseScale: number;
  /** Phoneme duration multiplier, default 1 (larger is slower). */
  lengthScale: number;
  /** Duration noise, default 0.8. */
  noiseW: number;
  /** IPA symbol (one code point) → model input ids. */
  phonemeIdMap: ReadonlyMap<string, readonly number[]>;
  numSpeakers: number;
  /** Speaker name → id, for multi-speaker voices. */
  speakerIdMap: Readonly<Record<string, number>>;
}

/** Piper's defaults when a config leaves `inference` out. */
export const PIPER_DEFAULT_INFERENCE = { noiseScale: 0.667, lengthScale: 1, noiseW: 0.8 } as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(detail: string): never {
  throw new PiperError('piper:config', `This is not a usable Piper voice config: ${detail}.`);
}

function positive(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(`${name} must be a non-negative number`);
  return value;
}

/** Checks and reads a parsed `.onnx.json`; throws PiperError('piper:config') naming what is wrong. */
export function parsePiperConfig(json: unknown): PiperVoiceConfig {
  if (!isRecord(json)) fail('the file is not a JSON object');
  const audio = json.audio;
  if (!isRecord(audio)) fail('"audio" is missing');
  const sampleRate = audio.sample_rate;
  if (typeof sampleRate !== 'number' || !Number.isInteger(sampleRate) || sampleRate < 8000 || sampleRate > 48000) fail('"audio.sample_rate" must be a whole number of Hz between 8000 and 48000');
  if (json.phoneme_type !== undefined && json.phoneme_type !== 'espeak') fail(`phoneme_type "${String(json.phoneme_type)}" is not supported (only "espeak")`);
  const espeak = json.espeak;
  if (!isRecord(espeak) || typeof espeak.voice !== 'string' || !espeak.voice.trim()) fail('"espeak.voice" is missing');
  const inference = json.inference === undefined ? {} : json.inference;
  if (!isRecord(inference)) fail('"inference" must be an object');
  const rawMap = json.phoneme_id_map;
  if (!isRecord(rawMap) || Object.keys(rawMap).length === 0) fail('"phoneme_id_map" is missing or empty');
  const phonemeIdMap = new Map<string, number[]>();
  for (const [symbol, ids] of Object.entries(rawMap)) {
    if (Array.from(symbol).length !== 1) fail(`phoneme_id_map key "${symbol}" is not a single symbol`);
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => Number.isInteger(id) && id >= 0)) fail(`phoneme_id_map["${symbol}"] must be a list of ids`);
    phonemeIdMap.set(symbol, ids as number[]);
  }
  for (const required of ['_', '^', '$']) if (!phonemeIdMap.has(required)) fail(`phoneme_id_map has no "${required}" (pad, start and end symbols are required)`);
  const numSpeakers = json.num_speakers === undefined ? 1 : json.num_speakers;
  if (typeof numSpeakers !== 'number' || !Number.isInteger(numSpeakers) || numSpeakers < 1) fail('"num_speakers" must be a whole number ≥ 1');
  const speakerIdMap: Record<string, number> = {};
  if (json.speaker_id_map !== undefined) {
    if (!isRecord(json.speaker_id_map)) fail('"speaker_id_map" must be an object');
    for (const [name, id] of Object.entries(json.speaker_id_map)) {
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= numSpeakers) fail(`speaker "${name}" has an id outside 0..${numSpeakers - 1}`);
      speakerIdMap[name] = id;
    }
  }
  return {
    sampleRate,
    espeakVoice: espeak.voice.trim(),
    noiseScale: positive(inference.noise_scale, 'inference.noise_scale', PIPER_DEFAULT_INFERENCE.noiseScale),
    lengthScale: positive(inference.length_scale, 'inference.length_scale', PIPER_DEFAULT_INFERENCE.lengthScale) || PIPER_DEFAULT_INFERENCE.lengthScale,
    noiseW: positive(inference.noise_w, 'inference.noise_w', PIPER_DEFAULT_INFERENCE.noiseW),
    phonemeIdMap,
    numSpeakers,
    speakerIdMap,
  };
}

/** Parses the text of a `.onnx.json` (a download that is HTML or truncated gives a clear error). */
export function parsePiperConfigText(text: string): PiperVoiceConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    fail(`the file is not JSON (it starts with "${text.slice(0, 40).replace(/\s+/g, ' ')}")`);
  }
  return parsePiperConfig(json);
}
