import { describe, expect, test } from 'vitest';
import { BlinkDetector, blendshapeIndex, gazeFromBlendshapes, headPoseFromMatrix, MP_BLENDSHAPES } from './face-features';

/** Column-major 4×4 from R = Rz(roll)·Ry(yaw)·Rx(pitch), angles in degrees. */
function matrix(yaw: number, pitch: number, roll: number): number[] {
  const [a, b, c] = [roll, yaw, pitch].map((d) => (d * Math.PI) / 180);
  const Rz = [[Math.cos(a), -Math.sin(a), 0], [Math.sin(a), Math.cos(a), 0], [0, 0, 1]];
  const Ry = [[Math.cos(b), 0, Math.sin(b)], [0, 1, 0], [-Math.sin(b), 0, Math.cos(b)]];
  const Rx = [[1, 0, 0], [0, Math.cos(c), -Math.sin(c)], [0, Math.sin(c), Math.cos(c)]];
  const mul = (A: number[][], B: number[][]) => A.map((row, i) => B[0].map((_, j) => row.reduce((s, _v, k) => s + A[i][k] * B[k][j], 0)));
  const R = mul(mul(Rz, Ry), Rx);
  const out = new Array(16).fill(0);
  for (let row = 0; row < 3; row++) for (let col = 0; col < 3; col++) out[col * 4 + row] = R[row][col];
  out[15] = 1;
  out[12] = 1.5; // translation must not matter
  return out;
}

describe('face features', () => {
  test('52 blendshapes in MediaPipe order', () => {
    expect(MP_BLENDSHAPES).toHaveLength(52);
    expect(blendshapeIndex('jawOpen')).toBe(25);
    expect(blendshapeIndex('eyeBlinkLeft')).toBe(9);
  });

  test.each([
    [0, 0, 0], [30, 0, 0], [-20, 10, 0], [10, -15, 5], [0, 0, -12], [45, 20, 10],
  ])('head pose yaw %d pitch %d roll %d round-trips', (yaw, pitch, roll) => {
    const pose = headPoseFromMatrix(matrix(yaw, pitch, roll));
    expect(pose.yaw).toBeCloseTo(yaw, 4);
    expect(pose.pitch).toBeCloseTo(pitch, 4);
    expect(pose.roll).toBeCloseTo(roll, 4);
  });

  test('gaze from eye blendshapes', () => {
    const b = new Float32Array(52);
    b[blendshapeIndex('eyeLookOutLeft')] = 0.8;
    b[blendshapeIndex('eyeLookInRight')] = 0.6;
    b[blendshapeIndex('eyeLookDownLeft')] = 0.4;
    b[blendshapeIndex('eyeLookDownRight')] = 0.4;
    const gaze = gazeFromBlendshapes(b);
    expect(gaze.x).toBeCloseTo(0.7);
    expect(gaze.y).toBeCloseTo(-0.4);
  });

  test('blinks: counts 150 ms closures, ignores flicker and long closures', () => {
    const d = new BlinkDetector();
    const series: [number, number][] = [];
    let t = 0;
    const hold = (value: number, ms: number) => { for (let end = t + ms; t < end; t += 33) series.push([value, t]); };
    hold(0.05, 1000); hold(0.9, 150); hold(0.05, 2000); // blink 1
    hold(0.9, 20); hold(0.05, 1000); // flicker: one frame, too short? 33 ms sample
    hold(0.8, 200); hold(0.1, 1500); // blink 2
    hold(0.9, 1500); hold(0.05, 500); // eyes closed 1.5 s: not a blink
    const ends = series.filter(([v, ms]) => d.update(v, ms)).length;
    expect(ends).toBe(2);
    expect(d.blinks).toBe(2);
    expect(d.ratePerMinute(t, 0)).toBeCloseTo((2 * 60000) / Math.max(5000, t), 5);
  });
});
