import { describe, expect, test } from 'vitest';
import { formatBytes, formatProgress, neuralVoiceRequest } from './request';

describe('neuralVoiceRequest', () => {
  test('a call never downloads: cache only, with the persona voice and the configured host', () => {
    const labels: string[] = [];
    const request = neuralVoiceRequest({ piperVoice: 'persona', piperHost: 'http://127.0.0.1:9/v/' }, { id: 'friend', espeakVoice: 'en-gb' }, (l) => labels.push(l));
    expect(request.allowDownload).toBe(false);
    expect(request.host).toBe('http://127.0.0.1:9/v/');
    expect(request.spec.id).toBe('en_GB-alan-medium');
    request.onProgress?.({ loadedBytes: 2_500_000, totalBytes: 63_200_000 });
    request.onProgress?.({ loadedBytes: 900, totalBytes: 0 });
    expect(labels).toEqual(['Piper en_GB-alan-medium: loading 2.5 MB of 63.2 MB from this device', 'Piper en_GB-alan-medium: loading 900 B from this device']);
  });

  test('formatProgress says the total only when the server gave one', () => {
    expect(formatProgress(3_200_000, 12_300_000)).toBe('3.2 MB of 12.3 MB');
    expect(formatProgress(3_200_000, 0)).toBe('3.2 MB');
  });

  test.each([[0, '0 B'], [999, '999 B'], [1549, '2 kB'], [63_201_000, '63.2 MB'], [-1, '?'], [Number.NaN, '?']])('formatBytes(%d) = %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
