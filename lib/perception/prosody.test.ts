import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { RunningBaseline } from './baseline';
import { YinPitch, semitones } from './pitch';
import { AUDIO_FEATURES, EnergyGate, PROSODY_BLOCK, ProsodyTracker } from './prosody';
import { BlockFramer, SileroVad, type VadRunner } from './vad';
import { decodeWav } from './wav';

const SR = 16000;

function tone(hz: number, seconds: number, amp = 0.3, glideTo = hz): Float32Array {
  const out = new Float32Array(Math.round(seconds * SR));
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const f = hz + ((glideTo - hz) * i) / out.length;
    phase += (2 * Math.PI * f) / SR;
    // Harmonics make it voice-like (YIN must not lock onto the octave).
    out[i] = amp * (Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase)) / 1.75;
  }
  return out;
}

function feed(tracker: ProsodyTracker, samples: Float32Array, speechProb = 1): void {
  for (let i = 0; i + PROSODY_BLOCK <= samples.length; i += PROSODY_BLOCK) tracker.push(samples.subarray(i, i + PROSODY_BLOCK), speechProb);
}

describe('YinPitch', () => {
  test.each([80, 110, 150, 220, 300, 400])('finds %d Hz within 2 %', (hz) => {
    const yin = new YinPitch(SR, 70, 450);
    const est = yin.estimate(tone(hz, 0.05).subarray(0, 512 + 256));
    expect(Math.abs(est.f0Hz - hz) / hz).toBeLessThan(0.02);
    expect(est.clarity).toBeGreaterThan(0.8);
  });

  test('white noise is unvoiced or unclear', () => {
    let seed = 7;
    const noise = new Float32Array(768).map(() => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.5);
    const est = new YinPitch(SR).estimate(noise);
    expect(est.f0Hz === 0 || est.clarity < 0.6).toBe(true);
  });

  test('semitones relative to 100 Hz', () => {
    expect(semitones(200)).toBeCloseTo(12, 5);
    expect(semitones(0)).toBe(0);
  });
});

describe('RunningBaseline', () => {
  test('z is near 0 for the usual value and large for an outlier', () => {
    const b = new RunningBaseline(1, { tauUpdates: 100, priorStd: [1] });
    for (let i = 0; i < 200; i++) b.update([10 + (i % 2 ? 0.5 : -0.5)]);
    const out = new Float32Array(1);
    expect(Math.abs(b.zScores([10], out)[0])).toBeLessThan(0.2);
    expect(b.zScores([12], out)[0]).toBeGreaterThan(2.5);
    expect(b.zScores([-100], out)[0]).toBe(-3);
  });

  test('adapts to a new level slowly, and NaN gives no evidence', () => {
    const b = new RunningBaseline(1, { tauUpdates: 50, priorStd: [1] });
    for (let i = 0; i < 100; i++) b.update([0]);
    for (let i = 0; i < 10; i++) b.update([5]);
    const out = new Float32Array(1);
    expect(b.zScores([5], out)[0]).toBeGreaterThan(0.5);
    for (let i = 0; i < 500; i++) b.update([5]);
    expect(Math.abs(b.zScores([5], out)[0])).toBeLessThan(0.3);
    expect(b.zScores([Number.NaN], out)[0]).toBe(0);
  });
});

describe('ProsodyTracker', () => {
  test('measures level, range and slope of a rising glide', () => {
    const t = new ProsodyTracker();
    feed(t, tone(120, 2, 0.3, 180));
    const { raw, vector } = t.snapshot();
    expect(vector.length).toBe(AUDIO_FEATURES.length);
    expect(raw.pitchSt).toBeGreaterThan(semitones(125));
    expect(raw.pitchSt).toBeLessThan(semitones(175));
    // 120→180 Hz over 2 s is 7 semitones: slope ≈ 3.5 st/s.
    expect(raw.pitchSlopeStPerS).toBeGreaterThan(2.5);
    expect(raw.pitchSlopeStPerS).toBeLessThan(4.5);
    expect(raw.pitchRangeSt).toBeGreaterThan(4);
    expect(raw.loudnessDb).toBeGreaterThan(-20);
    expect(raw.speechActivity).toBe(1);
    expect(raw.jitter).toBeLessThan(0.02);
  });

  test('pause ratio and activity follow the speech flags', () => {
    const t = new ProsodyTracker();
    const block = tone(150, PROSODY_BLOCK / SR);
    for (let i = 0; i < 64; i++) t.push(block, i % 4 === 0 ? 0 : 1);
    const { raw } = t.snapshot();
    expect(raw.speechActivity).toBeCloseTo(48 / 64, 5);
    expect(raw.pauseRatio).toBeGreaterThan(0.2);
    expect(raw.pauseRatio).toBeLessThan(0.3);
  });

  test('pitch z-score is relative to the speaker: high for a raised voice, ~0 for the usual one', () => {
    const t = new ProsodyTracker();
    for (let k = 0; k < 40; k++) {
      feed(t, tone(110 + (k % 3) * 4, 0.32));
      t.snapshot();
    }
    feed(t, tone(112, 2.1));
    const usual = t.snapshot().vector[AUDIO_FEATURES.indexOf('pitchZ')];
    t.learn = false;
    feed(t, tone(180, 2.1));
    const raised = t.snapshot().vector[AUDIO_FEATURES.indexOf('pitchZ')];
    expect(Math.abs(usual)).toBeLessThan(1);
    expect(raised).toBeGreaterThan(2);
  });

  test('syllable-rate proxy counts amplitude-modulated bursts', () => {
    const t = new ProsodyTracker();
    const s = tone(140, 2);
    // 4 Hz syllable-like modulation.
    for (let i = 0; i < s.length; i++) s[i] *= 0.1 + 0.9 * Math.max(0, Math.sin((2 * Math.PI * 4 * i) / SR));
    feed(t, s);
    const rate = t.snapshot().raw.syllablesPerS;
    expect(rate).toBeGreaterThan(2.5);
    expect(rate).toBeLessThan(5.5);
  });

  test('energy gate: silence low, a tone after silence high', () => {
    const g = new EnergyGate();
    const quiet = new Float32Array(PROSODY_BLOCK).fill(0.0005);
    for (let i = 0; i < 50; i++) g.probability(quiet);
    expect(g.probability(quiet)).toBeLessThan(0.1);
    expect(g.probability(tone(150, PROSODY_BLOCK / SR))).toBeGreaterThan(0.9);
  });
});

describe('VAD framing', () => {
  test('BlockFramer turns 10 ms frames into 512-sample blocks in order', () => {
    const blocks: number[][] = [];
    const framer = new BlockFramer((b) => blocks.push([b[0], b[511]]));
    let n = 0;
    for (let f = 0; f < 10; f++) framer.push(Float32Array.from({ length: 160 }, () => n++));
    expect(blocks).toEqual([[0, 511], [512, 1023], [1024, 1535]]);
  });

  test('SileroVad carries 64 samples of context and the state between calls', async () => {
    const seen: { first: number; ctxEnd: number; state0: number }[] = [];
    const runner: VadRunner = {
      run: async (input, state) => {
        seen.push({ first: input[0], ctxEnd: input[63], state0: state[0] });
        return { probability: 0.5, state: new Float32Array(state.length).fill(state[0] + 1) };
      },
    };
    const vad = new SileroVad(runner);
    await vad.probability(new Float32Array(512).map((_, i) => i));
    await vad.probability(new Float32Array(512));
    expect(seen[0]).toEqual({ first: 0, ctxEnd: 0, state0: 0 });
    expect(seen[1]).toEqual({ first: 448, ctxEnd: 511, state0: 1 });
    await expect(vad.probability(new Float32Array(100))).rejects.toThrow(/512/);
  });
});

// The real model through onnxruntime-node when both are present (skips cleanly otherwise).
const MODEL = new URL('../../public/models/silero_vad.onnx', import.meta.url).pathname;
const SPEECH = new URL('../../../shared/data/speech/ami_dev00.wav', import.meta.url).pathname;
const require = createRequire(import.meta.url);
let ort: typeof import('onnxruntime-web') | null = null;
try {
  ort = require('onnxruntime-node');
} catch {
  ort = null;
}

describe.skipIf(!ort || !existsSync(MODEL))('Silero VAD (onnxruntime-node)', () => {
  test('silence is not speech; a meeting excerpt is mostly speech', async () => {
    const session = await ort!.InferenceSession.create(readFileSync(MODEL));
    const runner: VadRunner = {
      run: async (input, state, sr) => {
        const out = await session.run({
          input: new ort!.Tensor('float32', input, [1, input.length]),
          state: new ort!.Tensor('float32', state, [2, 1, 128]),
          sr: new ort!.Tensor('int64', BigInt64Array.from([BigInt(sr)]), []),
        });
        return { probability: (out.output.data as Float32Array)[0], state: out.stateN.data as Float32Array };
      },
    };
    const vad = new SileroVad(runner);
    let silentMax = 0;
    for (let i = 0; i < 20; i++) silentMax = Math.max(silentMax, await vad.probability(new Float32Array(512)));
    expect(silentMax).toBeLessThan(0.2);
    if (!existsSync(SPEECH)) return;
    const { samples, sampleRate } = decodeWav(readFileSync(SPEECH));
    expect(sampleRate).toBe(16000);
    vad.reset();
    let speechBlocks = 0, blocks = 0;
    for (let off = 0; off + 512 <= samples.length; off += 512) {
      const block = samples.slice(off, off + 512);
      if ((await vad.probability(block)) > 0.5) speechBlocks++;
      blocks++;
    }
    expect(speechBlocks / blocks).toBeGreaterThan(0.3);
  }, 30000);
});
