import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import { MP_BLENDSHAPES, type BlendshapeName } from './face-features';
import { FusedDescriber, type FusedDescription } from './fused-describer';
import { FUSION_DIM, FUSION_FEATURES, FUSION_WINDOW, FusionWindow, VISUAL_FEATURES, visualFeatures, type VisualInput } from './fusion-input';
import { FUSED_STATES, FUSION_UNITS, topState, type FusedState, type FusionOutput } from './fusion-output';
import { perceptionAffect } from './affect';
import { incongruence, textSentiment } from './incongruence';
import { AUDIO_FEATURES } from './prosody';

function face(shapes: Partial<Record<BlendshapeName, number>>, extra: Partial<VisualInput> = {}): VisualInput {
  const blendshapes = new Float32Array(52);
  for (const [name, value] of Object.entries(shapes)) blendshapes[MP_BLENDSHAPES.indexOf(name as BlendshapeName)] = value;
  return { faces: 1, blendshapes, pose: { yaw: 0, pitch: 0, roll: 0 }, gaze: { x: 0, y: 0 }, blinkRatePerMinute: 17, ...extra };
}

const col = (name: (typeof FUSION_FEATURES)[number]) => FUSION_FEATURES.indexOf(name);

describe('fusion input assembly', () => {
  test('visual features map blendshapes onto action units', () => {
    const out = visualFeatures(face({ mouthSmileLeft: 0.8, mouthSmileRight: 0.6, cheekSquintLeft: 0.4, cheekSquintRight: 0.2, jawOpen: 0.3 }), null, new Float32Array(VISUAL_FEATURES.length));
    expect(out[col('cameraOn')]).toBe(1);
    expect(out[col('facePresent')]).toBe(1);
    expect(out[col('AU12_lipCornerPull')]).toBeCloseTo(0.7, 5);
    expect(out[col('AU6_cheekRaise')]).toBeCloseTo(0.3, 5);
    expect(out[col('AU26_jawDrop')]).toBeCloseTo(0.3, 5);
    const none = visualFeatures({ ...face({}), faces: 0 }, null, new Float32Array(VISUAL_FEATURES.length));
    expect(Array.from(none)).toEqual([1, ...new Array(VISUAL_FEATURES.length - 1).fill(0)]);
    expect(Array.from(visualFeatures(null, null, new Float32Array(VISUAL_FEATURES.length))).every((v) => v === 0)).toBe(true);
  });

  test('each frame row takes the newest audio at or before it; old audio counts as absent', () => {
    const w = new FusionWindow(500);
    const visual = new Float32Array(VISUAL_FEATURES.length).fill(0.5);
    w.pushAudio(1000, new Float32Array(AUDIO_FEATURES.length).fill(1));
    w.pushAudio(1100, new Float32Array(AUDIO_FEATURES.length).fill(2));
    w.pushFrame(1050, visual);
    w.pushFrame(1120, visual);
    w.pushFrame(1700, visual);
    const x = w.assemble();
    expect(x.length).toBe(FUSION_WINDOW * FUSION_DIM);
    const row = (k: number) => x.subarray(k * FUSION_DIM, (k + 1) * FUSION_DIM);
    const last = FUSION_WINDOW - 1;
    expect(row(last - 2)[col('voicePresent')]).toBe(1);
    expect(row(last - 2)[col('pitchZ')]).toBe(1);
    expect(row(last - 1)[col('pitchZ')]).toBe(2);
    expect(row(last)[col('voicePresent')]).toBe(0);
    expect(row(last)[col('AU1_innerBrowRaise')]).toBe(0.5);
    // Padding repeats the oldest row.
    expect(Array.from(row(0))).toEqual(Array.from(row(last - 2)));
    expect(w.newestMs).toBe(1700);
  });

  test('the window slides: after more than FUSION_WINDOW frames the oldest are gone', () => {
    const w = new FusionWindow();
    for (let i = 0; i < FUSION_WINDOW + 4; i++) w.pushFrame(i * 33, new Float32Array(VISUAL_FEATURES.length).fill(i));
    const x = w.assemble();
    expect(x[col('AU1_innerBrowRaise')]).toBe(4);
    expect(x[(FUSION_WINDOW - 1) * FUSION_DIM + col('AU1_innerBrowRaise')]).toBe(FUSION_WINDOW + 3);
  });
});

function output(state: FusedState, p: number, t: number, units: Partial<Record<(typeof FUSION_UNITS)[number], number>> = {}): FusionOutput {
  const states = new Float32Array(FUSED_STATES.length).fill((1 - p) / (FUSED_STATES.length - 1));
  states[FUSED_STATES.indexOf(state)] = p;
  const u = new Float32Array(FUSION_UNITS.length);
  for (const [k, v] of Object.entries(units)) u[FUSION_UNITS.indexOf(k as (typeof FUSION_UNITS)[number])] = v;
  return { states, affect: { valence: state === 'sad' ? -0.6 : 0.2, arousal: 0, engagement: 0.7 }, units: u, newestMs: t };
}

describe('FusedDescriber', () => {
  test('does not flicker on a brief change, switches on a lasting one', () => {
    const d = new FusedDescriber({ holdMs: 700 });
    let t = 0;
    for (; t < 2000; t += 33) d.update(output('calm', 0.7, t));
    for (let k = 0; k < 6; k++, t += 33) expect(d.update(output('sad', 0.8, t)).state).toBe('calm');
    for (; t < 2500; t += 33) d.update(output('calm', 0.7, t));
    let switchedAt = -1;
    for (const start = t; t < start + 2000; t += 33) {
      if (d.update(output('sad', 0.8, t, { sadFace: 0.3, voiceLow: 0.2 })).state === 'sad' && switchedAt < 0) switchedAt = t - start;
    }
    expect(switchedAt).toBeGreaterThan(600);
    expect(switchedAt).toBeLessThan(1300);
    const last = d.update(output('sad', 0.8, t, { sadFace: 0.3, voiceLow: 0.2 }));
    expect(last.sentence).toBe('sad; mouth corners down, inner brows raised; speaking softly and flatly');
    expect(last.timestampMs).toBe(t);
    expect(last.confidence).toBeGreaterThan(0.7);
  });

  test('a cue contained in a stronger one is not repeated', () => {
    const d = new FusedDescriber();
    expect(d.update(output('surprised', 0.8, 0, { surprise: 0.5, browsUp: 0.3 })).sentence).toBe('surprised; brows raised, eyes wide');
  });

  test('weak evidence is hedged', () => {
    const d = new FusedDescriber();
    expect(d.update(output('thinking', 0.3, 0)).sentence).toMatch(/^maybe thinking/);
  });
});

describe('incongruence', () => {
  const seen = (state: FusedState, valence: number, cues: string[]): FusedDescription => ({ state, secondary: null, sentence: state, confidence: 0.6, cues, valence, arousal: -0.3, engagement: 0.5, timestampMs: 1000 });

  test.each([
    ["I'm fine", 1],
    ["I'm not fine", -1],
    ['this is terrible', -1],
    ['the bus leaves at nine', 0],
  ])('sentiment of %j is %d', (text, sign) => expect(Math.sign(textSentiment(text))).toBe(sign));

  test("'I'm fine' while looking sad and sounding flat is flagged with the evidence", () => {
    const flag = incongruence("I'm fine, really", seen('sad', -0.5, ['mouth corners down, inner brows raised', 'speaking softly and flatly']), 2000);
    expect(flag?.summary).toBe("says 'I'm fine, really' but seems sad; mouth corners down, inner brows raised, speaking softly and flatly");
    expect(flag?.evidence).toHaveLength(2);
  });

  test('agreement, neutral words, low confidence and stale perception are not flagged', () => {
    expect(incongruence("I'm fine", seen('happy', 0.6, ['smiling']), 2000)).toBeNull();
    expect(incongruence('I feel awful', seen('sad', -0.5, []), 2000)).toBeNull();
    expect(incongruence('the bus leaves at nine', seen('sad', -0.5, []), 2000)).toBeNull();
    expect(incongruence("I'm fine", { ...seen('sad', -0.5, []), confidence: 0.2 }, 2000)).toBeNull();
    expect(incongruence("I'm fine", seen('sad', -0.5, []), 20000)).toBeNull();
  });

  test('bad news told with a smile is flagged the other way', () => {
    expect(incongruence('my dog died', seen('happy', 0.6, ['smiling']), 2000)?.summary).toMatch(/while looking happy/);
  });
});

// The committed ONNX graph, through onnxruntime-node when it is installed (skips cleanly otherwise).
const MODEL = new URL('../../public/models/fusion/kin-fusion.onnx', import.meta.url).pathname;
const META = new URL('../../public/models/fusion/kin-fusion.json', import.meta.url).pathname;
const require = createRequire(import.meta.url);
let ort: typeof import('onnxruntime-web') | null = null;
try {
  ort = require('onnxruntime-node');
} catch {
  ort = null;
}

describe('fusion model metadata', () => {
  test('feature, state and unit names match the TypeScript side', () => {
    const meta = JSON.parse(readFileSync(META, 'utf8'));
    expect(meta.features).toEqual([...FUSION_FEATURES]);
    expect(meta.states).toEqual([...FUSED_STATES]);
    expect(meta.units).toEqual([...FUSION_UNITS]);
    expect(meta.window).toBe(FUSION_WINDOW);
  });
});

describe.skipIf(!ort || !existsSync(MODEL))('fusion model (onnxruntime-node)', () => {
  async function run(frame: VisualInput | null, audio: number[] | null = null) {
    const session = await ort!.InferenceSession.create(readFileSync(MODEL));
    const w = new FusionWindow();
    const visual = new Float32Array(VISUAL_FEATURES.length);
    for (let i = 0; i < FUSION_WINDOW; i++) {
      if (audio) w.pushAudio(i * 33, audio);
      w.pushFrame(i * 33, frame ? visualFeatures(frame, frame.pose, visual) : null);
    }
    const out = await session.run({ window: new ort!.Tensor('float32', w.assemble(), [1, FUSION_WINDOW, FUSION_DIM]) });
    const affect = out.affect.data as Float32Array;
    return { top: topState(out.states.data as Float32Array).state, valence: affect[0], arousal: affect[1], engagement: affect[2] };
  }

  test.each<[string, Partial<Record<BlendshapeName, number>>, FusedState]>([
    ['neutral face', { browInnerUp: 0.05, mouthSmileLeft: 0.02 }, 'calm'],
    ['AU6+AU12', { mouthSmileLeft: 0.7, mouthSmileRight: 0.7, cheekSquintLeft: 0.3, cheekSquintRight: 0.3 }, 'happy'],
    ['AU12+AU26 laugh', { mouthSmileLeft: 0.8, mouthSmileRight: 0.8, jawOpen: 0.5, cheekSquintLeft: 0.2, cheekSquintRight: 0.2 }, 'amused'],
    ['AU1+AU4+AU15', { browInnerUp: 0.5, browDownLeft: 0.2, browDownRight: 0.2, mouthFrownLeft: 0.25, mouthFrownRight: 0.25, mouthShrugLower: 0.3 }, 'sad'],
    ['AU1+AU2+AU5+AU26', { browInnerUp: 0.6, browOuterUpLeft: 0.6, browOuterUpRight: 0.6, eyeWideLeft: 0.4, eyeWideRight: 0.4, jawOpen: 0.5 }, 'surprised'],
    ['AU4+AU7+AU23', { browDownLeft: 0.6, browDownRight: 0.6, eyeSquintLeft: 0.5, eyeSquintRight: 0.5, mouthPressLeft: 0.4, mouthPressRight: 0.4 }, 'frustrated'],
    ['AU1+AU2+AU4+AU5+AU20', { browInnerUp: 0.5, browOuterUpLeft: 0.2, browOuterUpRight: 0.2, browDownLeft: 0.2, browDownRight: 0.2, eyeWideLeft: 0.4, eyeWideRight: 0.4, mouthStretchLeft: 0.3, mouthStretchRight: 0.3 }, 'anxious'],
    ['AU9+AU10', { noseSneerLeft: 0.3, noseSneerRight: 0.3, mouthUpperUpLeft: 0.3, mouthUpperUpRight: 0.3 }, 'frustrated'],
    ['eyes closed', { eyeBlinkLeft: 0.9, eyeBlinkRight: 0.9 }, 'tired'],
  ])('%s', async (_label, shapes, expected) => {
    expect((await run(face(shapes))).top).toBe(expected);
  });

  test('head turned away → distracted; face gone with the camera on → distracted; camera off → calm', async () => {
    expect((await run(face({}, { pose: { yaw: 40, pitch: 0, roll: 0 } }))).top).toBe('distracted');
    expect((await run({ ...face({}), faces: 0 })).top).toBe('distracted');
    expect((await run(null)).top).toBe('calm');
  });

  test('arousal follows the voice: loud, high, wide and fast above soft, low, flat and slow', async () => {
    const speech = (z: number) => [0.8, z, z, 0, z, 0, 0, z, 0.1];
    const high = await run(null, speech(1.5));
    const low = await run(null, speech(-1.5));
    expect(high.arousal).toBeGreaterThan(0.3);
    expect(low.arousal).toBeLessThan(-0.3);
  });

  test('valence: smiling is positive, a sad face negative', async () => {
    expect((await run(face({ mouthSmileLeft: 0.7, mouthSmileRight: 0.7, cheekSquintLeft: 0.3, cheekSquintRight: 0.3 }))).valence).toBeGreaterThan(0.3);
    expect((await run(face({ browInnerUp: 0.5, mouthFrownLeft: 0.3, mouthFrownRight: 0.3, mouthShrugLower: 0.3 }))).valence).toBeLessThan(-0.3);
  });
});

describe('perceptionAffect', () => {
  const fused: FusedDescription = { state: 'sad', secondary: null, sentence: 'probably sad; speaking softly and flatly', confidence: 0.5, cues: ['speaking softly and flatly', 'gaze down'], valence: -0.5, arousal: -0.4, engagement: 0.5, timestampMs: 1000 };

  test('prefers the fused line, adds cues not already said, and the incongruence note', () => {
    expect(perceptionAffect({ fused, face: null, userText: "I'm fine", nowMs: 2400 })).toBe(
      "probably sad; speaking softly and flatly (gaze down), as of 1 s ago. Note: says 'I'm fine' but seems sad; speaking softly and flatly, gaze down",
    );
  });

  test('falls back to the face line; nothing when all is stale', () => {
    expect(perceptionAffect({ fused: null, face: { sentence: 'looks calm and attentive', cues: [], timestampMs: 1000 }, nowMs: 1500 })).toBe('looks calm and attentive, as of 1 s ago');
    expect(perceptionAffect({ fused, face: null, nowMs: 20000 })).toBeUndefined();
  });
});
