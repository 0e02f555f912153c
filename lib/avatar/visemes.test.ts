import { describe, expect, test } from 'vitest';
import { BS } from './arkit';
import { phonemeToViseme, VI, VisemeTimeline, VISEME_COUNT, VISEMES, visemesToArkit } from './visemes';

describe('phoneme → viseme', () => {
  test.each([
    ['P', 'PP'], ['B', 'PP'], ['M', 'PP'], ['F', 'FF'], ['V', 'FF'], ['TH', 'TH'], ['DH', 'TH'],
    ['T', 'DD'], ['D', 'DD'], ['K', 'kk'], ['NG', 'kk'], ['SH', 'CH'], ['JH', 'CH'], ['S', 'SS'], ['Z', 'SS'],
    ['N', 'nn'], ['L', 'nn'], ['R', 'RR'], ['ER1', 'RR'], ['AA1', 'aa'], ['AE0', 'aa'], ['EH2', 'E'],
    ['IY1', 'I'], ['OW0', 'O'], ['UW1', 'U'], ['W', 'U'], ['sil', 'sil'], ['', 'sil'], ['pau', 'sil'],
    ['ʃ', 'CH'], ['tʃ', 'CH'], ['θ', 'TH'], ['ð', 'TH'], ['ɑː', 'aa'], ['ˈæ', 'aa'], ['ɪ', 'I'], ['uː', 'U'],
    ['oʊ', 'O'], ['eɪ', 'E'], ['ɹ', 'RR'], ['s', 'SS'], ['m', 'PP'], ['?', 'sil'],
  ])('%s → %s', (phoneme, viseme) => {
    expect(VISEMES[phonemeToViseme(phoneme)]).toBe(viseme);
  });

  test('/h/ borrows the following vowel', () => {
    const timeline = new VisemeTimeline([
      { phoneme: 'HH', startMs: 0, durationMs: 60 },
      { phoneme: 'OW1', startMs: 60, durationMs: 120 },
    ]);
    expect(VISEMES[timeline.visemes[0]]).toBe('O');
  });
});

describe('viseme timeline', () => {
  const hello = new VisemeTimeline([
    { phoneme: 'HH', startMs: 0, durationMs: 60 },
    { phoneme: 'AH0', startMs: 60, durationMs: 80 },
    { phoneme: 'L', startMs: 140, durationMs: 70 },
    { phoneme: 'OW1', startMs: 210, durationMs: 180 },
    { phoneme: 'M', startMs: 390, durationMs: 90 },
  ]);

  test('weights sum to 1 and move continuously (no jumps larger than a 1 ms step allows)', () => {
    const out = new Float32Array(VISEME_COUNT);
    const previous = new Float32Array(VISEME_COUNT);
    hello.sample(-200, previous);
    let maxJump = 0;
    for (let t = -200; t < 700; t += 1) {
      hello.sample(t, out);
      expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      for (let v = 0; v < VISEME_COUNT; v++) maxJump = Math.max(maxJump, Math.abs(out[v] - previous[v]));
      previous.set(out);
    }
    // A 60 ms cross-fade changes a weight by at most ~1/60 per ms (plus rounding).
    expect(maxJump).toBeLessThan(0.05);
  });

  test('mid-phoneme samples pick that phoneme, before/after is silence', () => {
    const out = new Float32Array(VISEME_COUNT);
    expect(hello.sample(300, out)[VI.O]).toBe(1);
    expect(hello.sample(435, out)[VI.PP]).toBe(1);
    expect(hello.sample(-500, out)[VI.sil]).toBe(1);
    expect(hello.sample(900, out)[VI.sil]).toBe(1);
    // Sampling backwards (a new utterance reusing the cursor) still finds the right phoneme.
    expect(hello.sample(100, out)[VI.aa]).toBe(1);
  });

  test('visemes become plausible mouths', () => {
    const v = new Float32Array(VISEME_COUNT);
    const w = new Float32Array(52);
    v[VI.aa] = 1;
    expect(visemesToArkit(v, 1, w)[BS.jawOpen]).toBeGreaterThan(0.5);
    v.fill(0);
    v[VI.PP] = 1;
    visemesToArkit(v, 1, w);
    expect(w[BS.jawOpen]).toBe(0);
    expect(w[BS.mouthPressLeft]).toBeGreaterThan(0.3);
    v.fill(0);
    v[VI.U] = 1;
    expect(visemesToArkit(v, 1, w)[BS.mouthPucker]).toBeGreaterThan(0.5);
    v.fill(0);
    v[VI.sil] = 1;
    expect(visemesToArkit(v, 1, w).every((x) => x === 0)).toBe(true);
  });
});
