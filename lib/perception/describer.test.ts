import { describe, expect, test } from 'vitest';
import { FaceDescriber, type FaceFrame } from './describer';
import { blendshapeIndex, type BlendshapeName } from './face-features';

function frame(t: number, shapes: Partial<Record<BlendshapeName, number>> = {}, extra: Partial<FaceFrame> = {}): FaceFrame {
  const b = new Float32Array(52);
  for (const [name, v] of Object.entries(shapes)) b[blendshapeIndex(name as BlendshapeName)] = v;
  return { timestampMs: t, facePresent: true, blendshapes: b, pose: { yaw: 0, pitch: 0, roll: 0 }, gaze: { x: 0, y: 0 }, eyesClosedLong: false, ...extra };
}

function run(d: FaceDescriber, from: number, to: number, make: (t: number) => FaceFrame) {
  let last = d.update(make(from));
  for (let t = from + 66; t <= to; t += 66) last = d.update(make(t));
  return last;
}

describe('FaceDescriber', () => {
  test('a sustained smile becomes "happy", with the cue named', () => {
    const d = new FaceDescriber();
    run(d, 0, 1000, (t) => frame(t));
    const out = run(d, 1066, 3000, (t) => frame(t, { mouthSmileLeft: 0.9, mouthSmileRight: 0.85 }));
    expect(out.state).toBe('happy');
    expect(out.sentence).toContain('happy');
    expect(out.cues).toContain('smiling');
    expect(out.timestampMs).toBe(2980);
  });

  test('hysteresis: a 300 ms smile does not change the state', () => {
    const d = new FaceDescriber();
    run(d, 0, 1000, (t) => frame(t));
    const out = run(d, 1066, 1400, (t) => frame(t, { mouthSmileLeft: 1, mouthSmileRight: 1 }));
    expect(out.state).toBe('calm');
    expect(run(d, 1466, 1800, (t) => frame(t)).state).toBe('calm');
  });

  test.each<[string, Partial<Record<BlendshapeName, number>>, Partial<FaceFrame>, string]>([
    ['brows down', { browDownLeft: 0.8, browDownRight: 0.8 }, {}, 'tense'],
    ['worried brows and mouth', { browInnerUp: 0.7, mouthFrownLeft: 0.6, mouthFrownRight: 0.6 }, {}, 'concerned'],
    ['head turned away', {}, { pose: { yaw: 40, pitch: 0, roll: 0 } }, 'distracted'],
    ['eyes closed long', {}, { eyesClosedLong: true }, 'tired'],
  ])('%s → %s', (_label, shapes, extra, state) => {
    const d = new FaceDescriber();
    expect(run(d, 0, 3000, (t) => frame(t, shapes, extra)).state).toBe(state);
  });

  test('no face for 1.5 s → away', () => {
    const d = new FaceDescriber();
    run(d, 0, 1000, (t) => frame(t));
    expect(run(d, 1066, 3000, (t) => frame(t, {}, { facePresent: false })).state).toBe('away');
  });
});
