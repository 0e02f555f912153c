import { describe, expect, test } from 'vitest';
import { DEMO_PERSONAS } from '../../persona/personas';
import { DEFAULT_SETTINGS } from '../../settings/store';
import { DEFAULT_PIPER_HOST, isVoiceCached, PERSONA_PIPER_VOICES, PIPER_CACHE, PIPER_VOICES, piperVoiceSpec, piperVoiceUrls, voiceForPersona } from './catalogue';

describe('Piper voice catalogue', () => {
  test('URLs follow the rhasspy/piper-voices layout', () => {
    expect(piperVoiceUrls(DEFAULT_PIPER_HOST, piperVoiceSpec('en_GB-alan-medium')!)).toEqual({
      model: 'https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/en/en_GB/alan/medium/en_GB-alan-medium.onnx',
      config: 'https://huggingface.co/rhasspy/piper-voices/resolve/v1.0.0/en/en_GB/alan/medium/en_GB-alan-medium.onnx.json',
    });
  });

  test('a configured host: slash added, http(s) only', () => {
    const spec = piperVoiceSpec('en_US-lessac-medium')!;
    expect(piperVoiceUrls('http://127.0.0.1:8080/mirror', spec)?.model).toBe('http://127.0.0.1:8080/mirror/en/en_US/lessac/medium/en_US-lessac-medium.onnx');
    expect(piperVoiceUrls('ftp://mirror/', spec)).toBeNull();
    expect(piperVoiceUrls('not a url', spec)).toBeNull();
  });

  test('typed voice ids are parsed; malformed ones are refused', () => {
    expect(piperVoiceSpec('de_DE-thorsten-high')).toMatchObject({ langCode: 'de_DE', name: 'thorsten', quality: 'high', licence: 'see the model card' });
    expect(piperVoiceSpec('en_US-lessac')).toBeNull();
    expect(piperVoiceSpec('../etc-passwd-high')).toBeNull();
  });

  test('each demo persona has its own catalogued voice, each voice a licence and no invented size', () => {
    const demo = DEMO_PERSONAS.map((p) => p.id).sort();
    expect(Object.keys(PERSONA_PIPER_VOICES).sort()).toEqual(demo);
    expect(new Set(Object.values(PERSONA_PIPER_VOICES)).size).toBe(demo.length);
    for (const id of Object.values(PERSONA_PIPER_VOICES)) expect(PIPER_VOICES.some((v) => v.id === id)).toBe(true);
    for (const voice of PIPER_VOICES) {
      expect(voice.licence.length).toBeGreaterThan(5);
      expect(Object.keys(voice)).not.toContain('sizeMb');
    }
    expect(voiceForPersona('persona', 'friend').id).toBe('en_GB-alan-medium');
    // Custom personas: nearest to their eSpeak voice (lib/persona/custom.ts uses 'en+f3' or 'en-us').
    expect(voiceForPersona('persona', 'my-custom-1', 'en+f3').id).toBe('en_US-lessac-medium');
    expect(voiceForPersona('persona', 'my-custom-2', 'en-us').id).toBe('en_US-ryan-medium');
    expect(voiceForPersona('persona', 'my-custom-3', 'en-gb+f2').id).toBe('en_GB-alba-medium');
    expect(voiceForPersona('persona', 'my-custom-4', 'en-gb').id).toBe('en_GB-alan-medium');
    expect(voiceForPersona('not a voice id', 'coach').id).toBe(PIPER_VOICES[0].id);
    expect(voiceForPersona('en_US-ryan-medium', 'coach').id).toBe('en_US-ryan-medium');
  });

  test('the settings default host is the catalogue default', () => {
    expect(DEFAULT_SETTINGS.piperHost).toBe(DEFAULT_PIPER_HOST);
  });

  test('cached only when both files are in the Piper cache', async () => {
    const spec = PIPER_VOICES[0];
    const urls = piperVoiceUrls(DEFAULT_PIPER_HOST, spec)!;
    const fake = (stored: string[]) => ({
      has: async (name: string) => name === PIPER_CACHE,
      open: async () => ({ match: async (url: string) => (stored.includes(url) ? {} : undefined) }),
    });
    expect(await isVoiceCached(fake([urls.model, urls.config]), DEFAULT_PIPER_HOST, spec)).toBe(true);
    expect(await isVoiceCached(fake([urls.model]), DEFAULT_PIPER_HOST, spec)).toBe(false);
    expect(await isVoiceCached(fake([urls.model, urls.config]), 'https://elsewhere.example/', spec)).toBe(false);
    expect(await isVoiceCached(undefined, DEFAULT_PIPER_HOST, spec)).toBe(false);
  });
});
