import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parsePiperConfig, parsePiperConfigText, PiperError } from './config';

const FIXTURE = JSON.parse(readFileSync(new URL('../../../e2e/fixtures/piper/kin-test-voice.onnx.json', import.meta.url), 'utf-8')) as Record<string, unknown>;

describe('parsePiperConfig', () => {
  test('reads the test fixture (real Piper phoneme_id_map)', () => {
    const config = parsePiperConfig(FIXTURE);
    expect(config.sampleRate).toBe(16000);
    expect(config.espeakVoice).toBe('en-us');
    expect([config.noiseScale, config.lengthScale, config.noiseW]).toEqual([0.667, 1, 0.8]);
    expect(config.phonemeIdMap.get('ə')).toEqual([59]);
    expect(config.phonemeIdMap.get('ˈ')).toEqual([120]);
    expect(config.phonemeIdMap.size).toBe(159);
    expect(config.numSpeakers).toBe(1);
  });

  test('fills Piper defaults for a missing inference block and reads speakers', () => {
    const config = parsePiperConfig({ ...FIXTURE, inference: undefined, num_speakers: 3, speaker_id_map: { a: 0, b: 2 } });
    expect([config.noiseScale, config.lengthScale, config.noiseW]).toEqual([0.667, 1, 0.8]);
    expect(config.speakerIdMap).toEqual({ a: 0, b: 2 });
  });

  test.each([
    ['not an object', [], 'not a JSON object'],
    ['no audio', { ...FIXTURE, audio: undefined }, '"audio" is missing'],
    ['bad sample rate', { ...FIXTURE, audio: { sample_rate: 'fast' } }, 'sample_rate'],
    ['no espeak voice', { ...FIXTURE, espeak: {} }, 'espeak.voice'],
    ['text phonemes', { ...FIXTURE, phoneme_type: 'text' }, 'phoneme_type "text"'],
    ['empty id map', { ...FIXTURE, phoneme_id_map: {} }, 'phoneme_id_map'],
    ['no pad symbol', { ...FIXTURE, phoneme_id_map: { '^': [1], $: [2], a: [14] } }, 'no "_"'],
    ['multi-symbol key', { ...FIXTURE, phoneme_id_map: { ...(FIXTURE.phoneme_id_map as object), ab: [3] } }, 'key "ab"'],
    ['ids not a list', { ...FIXTURE, phoneme_id_map: { ...(FIXTURE.phoneme_id_map as object), a: 14 } }, 'phoneme_id_map["a"]'],
    ['negative noise', { ...FIXTURE, inference: { noise_scale: -1 } }, 'noise_scale'],
    ['speaker id out of range', { ...FIXTURE, num_speakers: 2, speaker_id_map: { x: 5 } }, 'speaker "x"'],
  ])('rejects %s with a clear message', (_name, json, message) => {
    let error: unknown;
    try {
      parsePiperConfig(json);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PiperError);
    expect((error as PiperError).code).toBe('piper:config');
    expect((error as Error).message).toContain(message);
  });

  test('an HTML error page instead of JSON says so', () => {
    expect(() => parsePiperConfigText('<!doctype html><title>404</title>')).toThrow(/not JSON \(it starts with "<!doctype html>/);
  });
});
