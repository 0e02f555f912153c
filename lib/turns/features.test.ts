import { describe, expect, test } from 'vitest';
import { FEATURE_COUNT, FEATURE_INDEX, FEATURE_NAMES, TurnFeatures } from './features';
import { lexicalCues } from './lexical';
import { concat, noise, voicedSegment } from './test-signals';

function feed(features: TurnFeatures, signal: Float32Array, onFrame?: (f: TurnFeatures) => void): void {
  for (let i = 0; i + 160 <= signal.length; i += 160) {
    features.push(signal.subarray(i, i + 160));
    onFrame?.(features);
  }
}

describe('TurnFeatures', () => {
  test('names every value once', () => {
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURE_COUNT);
    expect(new TurnFeatures().values.length).toBe(FEATURE_COUNT);
  });

  test.each([0.3, 0.7, 1.2])('times a %s s pause to within 30 ms and resets it on speech', (pauseSeconds) => {
    const features = new TurnFeatures();
    feed(features, concat(noise(0.5, 0), voicedSegment(1.0, 140, 120), noise(pauseSeconds, 0)));
    const pauseMs = features.values[FEATURE_INDEX.pauseMs];
    expect(Math.abs(pauseMs - pauseSeconds * 1000)).toBeLessThanOrEqual(30);
    expect(features.speech).toBe(false);
    expect(Math.abs(features.values[FEATURE_INDEX.turnMs] - 1000)).toBeLessThanOrEqual(30);
    feed(features, voicedSegment(0.1, 130, 130));
    expect(features.values[FEATURE_INDEX.pauseMs]).toBe(0);
    expect(features.speech).toBe(true);
  });

  test('no speech in noise alone', () => {
    const features = new TurnFeatures();
    let speechFrames = 0;
    feed(features, noise(3, 0.004), (f) => (speechFrames += f.speech ? 1 : 0));
    expect(speechFrames).toBe(0);
    expect(features.lastSpeechFrame).toBe(-1);
  });

  test('F0 slope at the end of the voiced stretch: falling vs rising', () => {
    const slope = (from: number, to: number) => {
      const features = new TurnFeatures();
      feed(features, concat(noise(0.3, 0), voicedSegment(0.8, from, to), noise(0.3, 0)));
      return features.values[FEATURE_INDEX.f0SlopeStPerS];
    };
    // 160→110 Hz over 0.8 s is about -8 semitones/s; 120→180 Hz about +9.
    expect(slope(160, 110)).toBeLessThan(-4);
    expect(slope(120, 180)).toBeGreaterThan(4);
  });

  test('final F0 rise/fall and F0 floor (speaker-normalized prosody)', () => {
    const end = (from: number, to: number) => {
      const features = new TurnFeatures();
      feed(features, concat(noise(0.3, 0), voicedSegment(0.8, 140, 140), voicedSegment(0.4, from, to), noise(0.3, 0)));
      return features.values;
    };
    const fall = end(140, 100);
    const rise = end(140, 190);
    expect(fall[FEATURE_INDEX.f0FinalDeltaSt]).toBeLessThan(-1);
    expect(rise[FEATURE_INDEX.f0FinalDeltaSt]).toBeGreaterThan(1);
    // A fall ends near the speaker's floor, a rise well above it.
    expect(rise[FEATURE_INDEX.f0AboveLowSt] - fall[FEATURE_INDEX.f0AboveLowSt]).toBeGreaterThan(4);
  });

  test.each([
    [0.12, 120, 1],
    [0.3, 0, 0],
  ])('a %s s silence inside speech: longest IPU gap %i ms, %i gaps', (gapSeconds, gapMs, count) => {
    const features = new TurnFeatures();
    feed(features, concat(noise(0.3, 0), voicedSegment(0.6, 140, 130), noise(gapSeconds, 0), voicedSegment(0.5, 130, 120), noise(0.2, 0)));
    expect(Math.abs(features.values[FEATURE_INDEX.ipuMaxGapMs] - gapMs)).toBeLessThanOrEqual(30);
    expect(features.values[FEATURE_INDEX.ipuGapCount]).toBe(count);
  });

  test('lexical values appear only when the fragment covers the latest speech', () => {
    const features = new TurnFeatures();
    feed(features, concat(noise(0.3, 0), voicedSegment(0.8, 140, 120), noise(0.5, 0)));
    expect(features.values[FEATURE_INDEX.lexAvailable]).toBe(0);
    expect(features.values[FEATURE_INDEX.lexLastClass]).toBe(-1);
    features.setLexical(lexicalCues('i went to the shop and'), 1.1);
    feed(features, noise(0.05, 0));
    expect(features.values[FEATURE_INDEX.lexAvailable]).toBe(1);
    expect(features.values[FEATURE_INDEX.lexLastClass]).toBe(1);
    // 5 words over the 0.7-0.8 s of detected speech.
    expect(features.values[FEATURE_INDEX.lexWordsPerIpuS]).toBeGreaterThan(5);
    expect(features.values[FEATURE_INDEX.lexWordsPerIpuS]).toBeLessThanOrEqual(8);
    feed(features, voicedSegment(0.6, 140, 120));
    expect(features.values[FEATURE_INDEX.lexAvailable]).toBe(0);
  });
});

describe('voice-activity gate (neural VAD)', () => {
  /** 2 s of the speaker at level 0.1, then `far`; posts `vad` every 3 frames (32 ms blocks) while the far part plays. */
  function speechFrames(far: Float32Array, vad: number | null, postEvery = 3): number {
    const features = new TurnFeatures();
    feed(features, concat(voicedSegment(2, 140, 120, 0.1), noise(0.3, 0)));
    let frames = 0;
    let k = 1;
    // The VAD also ran during the pause before: its latest value is there when the far part starts.
    if (vad !== null) features.setVoiceActivity(vad);
    feed(features, far, (f) => {
      if (vad !== null && k++ % postEvery === 0) f.setVoiceActivity(vad);
      frames += f.speech ? 1 : 0;
    });
    return frames;
  }
  // Another voice 25 dB below the speaker: loud enough for the energy rule.
  const distant = () => concat(voicedSegment(1, 180, 170, 0.1 * 10 ** (-25 / 20)));

  test('a far voice counts as speech without a VAD, and with one that says speech', () => {
    expect(speechFrames(distant(), null)).toBeGreaterThan(60);
    expect(speechFrames(distant(), 0.9)).toBeGreaterThan(60);
  });

  test('a far voice the VAD calls non-speech does not restart the pause clock', () => {
    const features = new TurnFeatures();
    feed(features, concat(voicedSegment(2, 140, 120, 0.1), noise(0.3, 0)));
    const before = features.framesSinceSpeech;
    features.setVoiceActivity(0.05);
    let k = 1;
    feed(features, distant(), (f) => {
      if (k++ % 3 === 0) f.setVoiceActivity(0.05);
    });
    expect(features.framesSinceSpeech).toBe(before + 100);
    expect(features.gatedFrames).toBeGreaterThan(60);
  });

  test('the speaker at their own level passes even while the VAD still says silence', () => {
    expect(speechFrames(concat(voicedSegment(1, 140, 130, 0.1)), 0.05)).toBeGreaterThan(80);
  });

  test('a stale VAD (worker stalled) leaves the energy rule alone', () => {
    // Posted once per 300 ms: each value goes stale after 200 ms, and the frames after it count again.
    const gatedThroughout = speechFrames(distant(), 0.05, 3);
    const stale = speechFrames(distant(), 0.05, 30);
    expect(gatedThroughout).toBe(0);
    expect(stale).toBeGreaterThan(25);
  });
});
