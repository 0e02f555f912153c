/**
 * Piper voices Kin offers, and where their files live. Sizes are not listed: the settings page
 * shows the real size from the download's Content-Length once it starts.
 */
import { normalizeHost } from '../stt/models';

export type PiperQuality = 'x_low' | 'low' | 'medium' | 'high';

export interface PiperVoiceSpec {
  /** `<lang_code>-<name>-<quality>`, e.g. 'en_US-lessac-medium' (also the file name). */
  id: string;
  /** e.g. 'en_US' */
  langCode: string;
  name: string;
  quality: PiperQuality;
  /** Shown in settings and the HUD. */
  label: string;
  /** The dataset licence from the voice's MODEL_CARD (Piper makes no grant of its own over voices). */
  licence: string;
  modelCardUrl: string;
}

export const DEFAULT_PIPER_HOST = 'https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/';

function voice(langCode: string, name: string, quality: PiperQuality, label: string, licence: string): PiperVoiceSpec {
  const id = `${langCode}-${name}-${quality}`;
  return { id, langCode, name, quality, label, licence, modelCardUrl: `https://huggingface.co/rhasspy/piper-voices/blob/v1.0.0/${langCode.split('_')[0]}/${langCode}/${name}/${quality}/MODEL_CARD` };
}

/** English voices from rhasspy/piper-voices; licences as their MODEL_CARDs state them. */
export const PIPER_VOICES: readonly PiperVoiceSpec[] = [
  voice('en_US', 'lessac', 'medium', 'Lessac (US English, female)', 'dataset: Blizzard 2013 Lessac licence (research use; see the model card)'),
  voice('en_GB', 'alan', 'medium', 'Alan (British English, male)', 'dataset: Mimic 3 apope voice (“see URL” on the model card)'),
  voice('en_GB', 'alba', 'medium', 'Alba (Scottish English, female)', 'see the model card (not checked by Kin)'),
  voice('en_US', 'ryan', 'medium', 'Ryan (US English, male)', 'see the model card (not checked by Kin)'),
];

/** One default voice per demo persona, close to its eSpeak voice (lib/persona/personas.ts). */
export const PERSONA_PIPER_VOICES: Readonly<Record<string, string>> = {
  coach: 'en_US-lessac-medium', // Maya, en-us+f3
  friend: 'en_GB-alan-medium', // Walter, en-gb
  listener: 'en_GB-alba-medium', // Noor, en+f2
  study: 'en_US-ryan-medium', // Theo, en-us+m3
};

/** Voice setting value meaning "each companion's own". */
export const PERSONA_DEFAULT_VOICE = 'persona';

/** The spec for an id; an id typed by the user (`lang_CODE-name-quality`) gets a spec with no known licence, or null if malformed. */
export function piperVoiceSpec(id: string): PiperVoiceSpec | null {
  const known = PIPER_VOICES.find((v) => v.id === id);
  if (known) return known;
  const match = /^([a-z]{2,3}_[A-Z]{2})-([A-Za-z0-9_]+)-(x_low|low|medium|high)$/.exec(id.trim());
  if (!match) return null;
  return voice(match[1], match[2], match[3] as PiperQuality, match[2], 'see the model card');
}

/**
 * The voice to use for `personaId` under the `voiceSetting` ('persona' or a voice id). A persona
 * without a default (a custom one) gets the catalogue voice nearest its eSpeak voice: British or
 * not, female ('+f' variants) or not.
 */
export function voiceForPersona(voiceSetting: string, personaId: string, espeakVoice = ''): PiperVoiceSpec {
  if (voiceSetting && voiceSetting !== PERSONA_DEFAULT_VOICE) return piperVoiceSpec(voiceSetting) ?? PIPER_VOICES[0];
  const own = PERSONA_PIPER_VOICES[personaId];
  if (own) return piperVoiceSpec(own) ?? PIPER_VOICES[0];
  const british = /^en-gb/i.test(espeakVoice);
  const female = /\+f\d/i.test(espeakVoice);
  const id = female ? (british ? 'en_GB-alba-medium' : 'en_US-lessac-medium') : british ? 'en_GB-alan-medium' : 'en_US-ryan-medium';
  return piperVoiceSpec(id) ?? PIPER_VOICES[0];
}

/** `{host}{lang_family}/{lang_code}/{name}/{quality}/{lang_code}-{name}-{quality}.onnx` and its `.onnx.json`; null for a host that is not http(s). */
export function piperVoiceUrls(host: string, spec: PiperVoiceSpec): { model: string; config: string } | null {
  const base = normalizeHost(host);
  if (!base) return null;
  const family = spec.langCode.split('_')[0];
  const model = `${base}${family}/${spec.langCode}/${spec.name}/${spec.quality}/${spec.id}.onnx`;
  return { model, config: `${model}.json` };
}

/** Cache Storage bucket the Piper worker keeps voices in. */
export const PIPER_CACHE = 'kin-piper-voices';

/** The slice of CacheStorage the check needs (so tests can pass a fake). */
export interface CacheLike {
  has(name: string): Promise<boolean>;
  open(name: string): Promise<{ match(url: string): Promise<unknown> }>;
}

/** Whether both files of the voice at `host` are in this browser's cache (so it needs no download). */
export async function isVoiceCached(caches: CacheLike | undefined, host: string, spec: PiperVoiceSpec): Promise<boolean> {
  const urls = piperVoiceUrls(host, spec);
  if (!caches || !urls) return false;
  try {
    if (!(await caches.has(PIPER_CACHE))) return false;
    const cache = await caches.open(PIPER_CACHE);
    const hits = await Promise.all([cache.match(urls.model), cache.match(urls.config)]);
    return hits.every(Boolean);
  } catch {
    return false;
  }
}
