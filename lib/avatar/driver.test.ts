import { describe, expect, test } from 'vitest';
import { BS } from './arkit';
import { AvatarDriver, createDriveInput } from './driver';
import { EMOTION_WEIGHTS } from './emotion-recipes';
import { AvatarInputReader } from './frame-input';
import { createAvatarStore, avatarActions } from './store';
import { EMOTIONS } from './types';

const FRAME_MS = 1000 / 60;
const SKIP = new Set([BS.eyeBlinkLeft, BS.eyeBlinkRight, BS.eyeLookDownLeft, BS.eyeLookDownRight, BS.eyeLookUpLeft, BS.eyeLookUpRight,
  BS.eyeLookInLeft, BS.eyeLookInRight, BS.eyeLookOutLeft, BS.eyeLookOutRight]);

describe('avatar driver', () => {
  test('switching through all emotions blends continuously: no pops, weights stay in 0..1', () => {
    const driver = new AvatarDriver(3);
    const input = createDriveInput();
    input.phase = 'listening';
    const previous = new Float32Array(52);
    let maxStep = 0;
    let firstFrameStep = 0;
    let frame = 0;
    for (let round = 0; round < 2; round++) {
      for (const emotion of EMOTIONS) {
        input.emotion = emotion;
        for (let f = 0; f < 60; f++, frame++) {
          driver.update(frame * FRAME_MS, input);
          for (let i = 0; i < 52; i++) {
            const w = driver.weights[i];
            expect(w).toBeGreaterThanOrEqual(0);
            expect(w).toBeLessThanOrEqual(1);
            if (frame > 0 && !SKIP.has(i)) {
              const step = Math.abs(w - previous[i]);
              maxStep = Math.max(maxStep, step);
              if (f === 0) firstFrameStep = Math.max(firstFrameStep, step);
            }
          }
          previous.set(driver.weights);
        }
      }
    }
    // A critically damped spring (omega 7) moves at most omega/e ≈ 2.6 units/s → ≤ 0.043 a frame.
    expect(maxStep).toBeLessThan(0.06);
    // Velocity is continuous too: the frame a new emotion starts barely moves.
    expect(firstFrameStep).toBeLessThan(0.02);
    expect(Number.isFinite(driver.headPitch + driver.headYaw + driver.headRoll)).toBe(true);
  });

  test.each(EMOTIONS)('%s settles on its recipe within a second', (emotion) => {
    const driver = new AvatarDriver(5);
    const input = createDriveInput();
    input.phase = 'listening';
    input.emotion = emotion;
    for (let f = 0; f < 60; f++) driver.update(f * FRAME_MS, input);
    for (let i = 0; i < 52; i++) {
      if (SKIP.has(i)) continue;
      expect(Math.abs(driver.weights[i] - EMOTION_WEIGHTS[emotion][i])).toBeLessThan(0.03);
    }
  });

  test('nods when the user pauses (user-speaking → listening) and on backchannels', () => {
    const driver = new AvatarDriver(9);
    const input = createDriveInput();
    input.phase = 'user-speaking';
    let t = 0;
    for (; t < 2000; t += FRAME_MS) driver.update(t, input);
    expect(driver.nodCount).toBe(0);
    input.phase = 'listening';
    let maxPitch = -1;
    const base = driver.headPitch;
    for (const end = t + 900; t < end; t += FRAME_MS) {
      driver.update(t, input);
      maxPitch = Math.max(maxPitch, driver.headPitch - base);
    }
    expect(driver.nodCount).toBe(1);
    expect(maxPitch).toBeGreaterThan(0.03);
    input.backchannelAtMs = t;
    driver.update(t, input);
    expect(driver.nodCount).toBe(2);
  });

  test('thinking looks away briefly, then back at the user', () => {
    const driver = new AvatarDriver(11);
    const input = createDriveInput();
    input.phase = 'listening';
    let t = 0;
    for (; t < 1000; t += FRAME_MS) driver.update(t, input);
    input.phase = 'thinking';
    input.emotion = 'neutral';
    for (const end = t + 400; t < end; t += FRAME_MS) driver.update(t, input);
    expect(Math.hypot(driver.gazeX, driver.gazeY)).toBeGreaterThan(0.4);
    for (const end = t + 3000; t < end; t += FRAME_MS) driver.update(t, input);
    expect(Math.hypot(driver.gazeX, driver.gazeY)).toBeLessThan(0.15);
  });

  test('the mouth moves with the voice only while speaking', () => {
    const driver = new AvatarDriver(13);
    const input = createDriveInput();
    input.emotion = 'neutral';
    input.phase = 'listening';
    input.speechLevel = 0.8;
    let t = 0;
    for (; t < 500; t += FRAME_MS) driver.update(t, input);
    expect(driver.weights[BS.jawOpen]).toBeLessThan(0.01);
    input.phase = 'speaking';
    for (const end = t + 300; t < end; t += FRAME_MS) driver.update(t, input);
    expect(driver.weights[BS.jawOpen]).toBeGreaterThan(0.4);
    input.speechLevel = 0;
    for (const end = t + 200; t < end; t += FRAME_MS) driver.update(t, input);
    expect(driver.weights[BS.jawOpen]).toBeLessThan(0.05);
  });

  test('softly mirrors the user smile while listening', () => {
    const driver = new AvatarDriver(17);
    const input = createDriveInput();
    input.phase = 'listening';
    input.emotion = 'neutral';
    let t = 0;
    for (; t < 1500; t += FRAME_MS) driver.update(t, input);
    const before = driver.weights[BS.mouthSmileLeft];
    input.userSmile = 1;
    for (const end = t + 1500; t < end; t += FRAME_MS) driver.update(t, input);
    expect(driver.weights[BS.mouthSmileLeft] - before).toBeGreaterThan(0.3);
  });

  test('phoneme lip sync: jawOpen crosses half-open within 40 ms of the vowel onset and offset in the audio', () => {
    const store = createAvatarStore();
    avatarActions.setEmotion(store, 'neutral');
    const audioStart = 1000;
    avatarActions.speakPhonemes(store, [
      { phoneme: 'sil', startMs: 0, durationMs: 500 },
      { phoneme: 'AA1', startMs: 500, durationMs: 300 },
      { phoneme: 'sil', startMs: 800, durationMs: 400 },
    ], audioStart);
    const driver = new AvatarDriver(19);
    const reader = new AvatarInputReader();
    const step = 1000 / 240;
    let rise = NaN;
    let fall = NaN;
    let peak = 0;
    const trace: Array<[number, number]> = [];
    for (let t = 0; t < 2600; t += step) {
      driver.update(t, reader.read(t, step / 1000, 'speaking', 0, store.getState()));
      trace.push([t, driver.weights[BS.jawOpen]]);
      peak = Math.max(peak, driver.weights[BS.jawOpen]);
    }
    for (const [t, jaw] of trace) {
      if (Number.isNaN(rise) && jaw > peak / 2) rise = t;
      if (!Number.isNaN(rise) && Number.isNaN(fall) && t > rise + 100 && jaw < peak / 2) fall = t;
    }
    expect(peak).toBeGreaterThan(0.5);
    expect(Math.abs(rise - (audioStart + 500))).toBeLessThanOrEqual(40);
    expect(Math.abs(fall - (audioStart + 800))).toBeLessThanOrEqual(40);
  });
});
