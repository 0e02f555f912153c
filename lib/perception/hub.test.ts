import { describe, expect, test } from 'vitest';
import { MP_BLENDSHAPES } from './face-features';
import { FUSION_FEATURES } from './fusion-input';
import { FUSION_START_DEADLINE_MS, PerceptionHub } from './hub';
import type { WorkerLike } from './managed-worker';
import type { FaceResult } from './protocol';

interface FakeWorker extends WorkerLike {
  sent: { type: string; [k: string]: unknown }[];
  emit(data: unknown): void;
}

function fake(): FakeWorker {
  const w: FakeWorker = {
    sent: [],
    onmessage: null,
    onerror: null,
    postMessage(message: unknown) {
      w.sent.push(message as FakeWorker['sent'][number]);
    },
    terminate() {},
    emit(data: unknown) {
      w.onmessage?.({ data } as MessageEvent);
    },
  };
  return w;
}

/** A hub with fake workers and timers; `ready` (default) lets the prosody worker say it is ready. */
function setup({ ready = true } = {}) {
  const prosody: FakeWorker[] = [];
  const fusion: FakeWorker[] = [];
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const hub = new PerceptionHub({
    createProsodyWorker: () => (prosody.push(fake()), prosody[prosody.length - 1]),
    createFusionWorker: () => (fusion.push(fake()), fusion[fusion.length - 1]),
    setTimer: (fn, ms) => (timers.push({ fn, ms, cleared: false }), timers.length - 1),
    clearTimer: (handle) => {
      timers[handle as number].cleared = true;
    },
  });
  hub.start();
  if (ready) prosody[0].emit({ type: 'ready', backend: 'wasm', initMs: 900 });
  return { hub, prosody, fusion, timers };
}

const face = (faces = 1): FaceResult => {
  const blendshapes = new Float32Array(52);
  blendshapes[MP_BLENDSHAPES.indexOf('mouthSmileLeft')] = 0.6;
  blendshapes[MP_BLENDSHAPES.indexOf('mouthSmileRight')] = 0.6;
  return { faces, blendshapes, pose: { yaw: 0, pitch: 0, roll: 0 }, gaze: { x: 0, y: 0 }, blinks: 0, blinkRatePerMinute: 15 };
};

describe('PerceptionHub', () => {
  test('initialises both workers and sends 10 ms mic frames on as copied 512-sample blocks', () => {
    const { hub, prosody, fusion } = setup();
    expect(prosody[0].sent[0]).toMatchObject({ type: 'init', modelUrl: '/models/silero_vad.onnx' });
    expect(fusion[0].sent[0]).toMatchObject({ type: 'init', modelUrl: '/models/fusion/kin-fusion.onnx' });
    const frame = new Float32Array(160);
    for (let i = 0; i < 7; i++) {
      frame.fill(i);
      hub.micFrame(frame);
    }
    const audio = prosody[0].sent.filter((m) => m.type === 'audio');
    expect(audio).toHaveLength(2);
    const first = audio[0].samples as Float32Array;
    expect(first.length).toBe(512);
    expect(first[0]).toBe(0);
    expect(first[511]).toBe(3);
    expect(first.buffer).not.toBe(frame.buffer);
  });

  test('the fusion worker starts once Silero is ready, so the two model start-ups do not share the CPU', () => {
    const { prosody, fusion, timers } = setup({ ready: false });
    expect(prosody).toHaveLength(1);
    expect(fusion).toHaveLength(0);
    expect(timers).toMatchObject([{ ms: FUSION_START_DEADLINE_MS, cleared: false }]);
    prosody[0].emit({ type: 'ready', backend: 'wasm', initMs: 900 });
    expect(fusion).toHaveLength(1);
    expect(fusion[0].sent[0]).toMatchObject({ type: 'init' });
    expect(timers[0].cleared).toBe(true);
    // A second 'ready' (a restarted prosody worker) does not start a second fusion worker.
    prosody[0].emit({ type: 'ready', backend: 'wasm', initMs: 900 });
    expect(fusion).toHaveLength(1);
  });

  test('the fusion worker starts anyway when Silero takes too long, crashes, or voice perception is off', () => {
    const late = setup({ ready: false });
    late.timers[0].fn();
    expect(late.fusion).toHaveLength(1);
    const crashed = setup({ ready: false });
    crashed.prosody[0].onerror!({ message: 'boom', preventDefault() {} } as unknown as ErrorEvent);
    expect(crashed.fusion).toHaveLength(1);
    const off = setup({ ready: false });
    off.hub.setVoicePerception(false);
    expect(off.fusion).toHaveLength(1);
  });

  test('mic audio is dropped until the prosody worker is ready, not queued behind its start-up', () => {
    const { hub, prosody } = setup({ ready: false });
    const frame = new Float32Array(160);
    for (let i = 0; i < 8; i++) hub.micFrame(frame);
    expect(prosody[0].sent.filter((m) => m.type === 'audio')).toHaveLength(0);
    prosody[0].emit({ type: 'ready', backend: 'energy', initMs: 900, detail: 'energy gate (Silero failed)' });
    for (let i = 0; i < 8; i++) hub.micFrame(frame);
    expect(prosody[0].sent.filter((m) => m.type === 'audio')).toHaveLength(2);
  });

  test('a vision result becomes one fusion row with action units; prosody features are relayed', () => {
    const { hub, prosody, fusion } = setup();
    hub.visionResult(face(), 1234, 0.5);
    const row = fusion[0].sent.find((m) => m.type === 'frame')!;
    expect(row.timestampMs).toBe(1234);
    expect((row.visual as Float32Array)[FUSION_FEATURES.indexOf('AU12_lipCornerPull')]).toBeCloseTo(0.6, 5);
    prosody[0].emit({ type: 'features', timestampMs: 1200, vector: new Float32Array(9), speechProb: 0.9, f0Hz: 120, loudnessDb: -30, realTimeFactor: 0.05 });
    expect(fusion[0].sent.filter((m) => m.type === 'audio')).toHaveLength(1);
    // Camera perception on: audio alone does not add rows.
    expect(fusion[0].sent.filter((m) => m.type === 'frame')).toHaveLength(1);
    expect(hub.store.getState()).toMatchObject({ speechProb: 0.9, f0Hz: 120, prosodyRtf: 0.05 });
  });

  test("Silero's per-block probability goes to the turn detector's listener with the block's audio time, not into fusion", () => {
    const { hub, prosody, fusion } = setup();
    const frame = new Float32Array(160);
    for (let i = 0; i < 4; i++) hub.micFrame(frame, 2 + i * 0.01);
    // The block completed with the fourth frame: it carries that frame's audio-clock time.
    expect(prosody[0].sent.find((m) => m.type === 'audio')).toMatchObject({ audioTime: 2.03 });
    const heard: [number, number | null][] = [];
    prosody[0].emit({ type: 'vad', probability: 0.2, audioTime: 2.03 }); // no listener yet: dropped quietly
    hub.onVoiceActivity = (p, t) => heard.push([p, t]);
    prosody[0].emit({ type: 'vad', probability: 0.7, audioTime: 2.062 });
    prosody[0].emit({ type: 'vad', probability: 0.1, audioTime: null });
    expect(heard).toEqual([[0.7, 2.062], [0.1, null]]);
    expect(fusion[0].sent.filter((m) => m.type === 'audio')).toHaveLength(0);
  });

  test('camera perception off: frames are ignored and audio drives the rows with no visual part', () => {
    const { hub, prosody, fusion } = setup();
    hub.setCameraPerception(false);
    hub.visionResult(face(), 1000, 0.5);
    expect(fusion[0].sent.filter((m) => m.type === 'frame')).toHaveLength(0);
    prosody[0].emit({ type: 'features', timestampMs: 1100, vector: new Float32Array(9), speechProb: 0, f0Hz: 0, loudnessDb: -60, realTimeFactor: 0.05 });
    expect(fusion[0].sent.filter((m) => m.type === 'frame')).toEqual([{ type: 'frame', timestampMs: 1100, visual: null }]);
  });

  test('voice perception off stops the prosody worker and drops audio; on starts a fresh one', () => {
    const { hub, prosody } = setup();
    hub.setVoicePerception(false);
    hub.micFrame(new Float32Array(1024));
    expect(prosody[0].sent.filter((m) => m.type === 'audio')).toHaveLength(0);
    expect(prosody[0].sent.at(-1)).toEqual({ type: 'dispose' });
    hub.setVoicePerception(true);
    expect(prosody).toHaveLength(2);
    expect(prosody[1].sent[0]).toMatchObject({ type: 'init' });
  });

  test('degraded states are listed: no face, two faces, fusion failed, crash with restart', () => {
    const { hub, fusion } = setup();
    hub.setVisionBackend('MediaPipe face landmarker (CPU)');
    hub.visionResult(face(0), 1000, 0.5);
    expect(hub.store.getState().problems).toContain('no face in view');
    hub.visionResult(face(2), 1100, 0.5);
    expect(hub.store.getState().problems).toContain('2 faces in view — reading the nearest');
    fusion[0].emit({ type: 'error', code: 'fusion:failed', message: 'Fusion model could not load: 404' });
    expect(hub.store.getState().fusionBackend).toBe('failed');
    fusion[0].onerror!({ message: 'boom', preventDefault() {} } as unknown as ErrorEvent);
    expect(hub.store.getState().problems.some((p) => /fusion worker crashed — restarting in 1 s/.test(p))).toBe(true);
    hub.dispose();
  });

  test('a vision worker crash shows "restarting" until the fresh worker is ready; giving up is said too', () => {
    const { hub } = setup();
    hub.setVisionBackend('MediaPipe face landmarker (CPU)');
    hub.visionResult(face(1), 1000, 0.5);
    hub.visionCrashed('boom', 2000);
    let s = hub.store.getState();
    expect(s.visionBackend).toBe('restarting');
    expect(s.workerRestarts).toBe(1);
    expect(s.problems).toEqual(['vision worker crashed — restarting in 2 s']);
    hub.setVisionBackend('MediaPipe face landmarker (CPU)');
    expect(hub.store.getState().problems).toEqual(['no face in view']);
    hub.visionCrashed('boom', null);
    s = hub.store.getState();
    expect(s.visionBackend).toMatch(/^crashed/);
    expect(s.problems).toEqual(['vision worker crashed (boom) — gave up']);
    hub.dispose();
  });

  test('fused descriptions publish staleness against the frame capture time', () => {
    const { hub, fusion } = setup();
    const capture = performance.now() - 40;
    fusion[0].emit({ type: 'fused', description: { state: 'happy', secondary: null, sentence: 'happy; smiling', confidence: 0.8, cues: ['smiling'], valence: 0.7, arousal: 0.1, engagement: 0.8, timestampMs: capture }, states: new Float32Array(13), inferMs: 1 });
    const s = hub.store.getState();
    expect(s.fused?.state).toBe('happy');
    expect(s.stalenessMs).toBeGreaterThanOrEqual(40);
    expect(hub.stalenessSamples).toHaveLength(1);
    expect(hub.current?.sentence).toBe('happy; smiling');
  });
});
