import { describe, expect, test } from 'vitest';
import { fakePhonemeEvents } from './fake-voice';
import { audioStartPageMs, phonemeTrack } from './phoneme-timing';

const ev = (ms: number, phoneme: string) => ({ ms, charIndex: 0, phoneme });

describe('phonemeTrack', () => {
  test('shifts by the skipped lead-in, lasts until the next event, the last until the clip ends', () => {
    // eSpeak-like: /h/ starts inside the skipped silence (quiet), a pause ('') splits two words.
    const events = [ev(11, 'h'), ev(62, 'ə'), ev(184, 'ˈoʊ'), ev(305, ''), ev(420, 'ð'), ev(500, 'ˈɛɹ')];
    expect(phonemeTrack(events, 40, 700)).toEqual([
      { phoneme: 'h', startMs: -29, durationMs: 51 },
      { phoneme: 'ə', startMs: 22, durationMs: 122 },
      { phoneme: 'ˈoʊ', startMs: 144, durationMs: 121 },
      { phoneme: '', startMs: 265, durationMs: 115 },
      { phoneme: 'ð', startMs: 380, durationMs: 80 },
      { phoneme: 'ˈɛɹ', startMs: 460, durationMs: 200 },
    ]);
  });

  test('no events, no track; a last event past the clip end lasts 0 ms', () => {
    expect(phonemeTrack([], 10, 500)).toEqual([]);
    expect(phonemeTrack([ev(520, 'a')], 0, 500)).toEqual([{ phoneme: 'a', startMs: 520, durationMs: 0 }]);
  });
});

describe('audioStartPageMs', () => {
  test.each([
    // scheduled 10 ms ahead, no latency: 10 ms from now on the page clock, whatever the context's origin
    [12.01, 12, 5000, 0, 5010],
    [0.51, 0.5, 100, 25, 135],
    // already due (start in the past of the context clock): earlier than now, plus latency
    [3, 3.02, 1000, 40, 1020],
  ])('start %s s, context now %s s, page now %s ms, latency %s ms → %s ms', (startAt, contextNow, pageNow, latency, expected) => {
    expect(audioStartPageMs(startAt, contextNow, pageNow, latency)).toBeCloseTo(expected, 6);
  });
});

describe('fakePhonemeEvents', () => {
  test('letters share each word, after the lead-in, closed by a pause', () => {
    expect(fakePhonemeEvents('Ma pi,', 100, 30)).toEqual([ev(30, 'm'), ev(80, 'a'), ev(130, 'p'), ev(180, 'i'), { ms: 230, charIndex: 6, phoneme: '' }]);
  });
});
