import { describe, expect, test } from 'vitest';
import { blendshapeIndex } from '../perception/face-features';
import { BS } from './arkit';
import { AvatarDriver } from './driver';
import { AvatarInputReader, userSmileFromCamera } from './frame-input';
import { createAvatarStore } from './store';

const FRAME_MS = 1000 / 60;

function cameraFrame(smileLeft: number, smileRight: number): Float32Array {
  const blendshapes = new Float32Array(52);
  blendshapes[blendshapeIndex('mouthSmileLeft')] = smileLeft;
  blendshapes[blendshapeIndex('mouthSmileRight')] = smileRight;
  // A wide-open jaw must not count as a smile (catches an ARKit/MediaPipe index mix-up).
  blendshapes[blendshapeIndex('jawOpen')] = 0.9;
  return blendshapes;
}

describe('smile mirror fed by perception', () => {
  test('userSmileFromCamera: mean of the mouth corners in MediaPipe order, 0 without a face', () => {
    expect(userSmileFromCamera(1, cameraFrame(0.8, 0.6))).toBeCloseTo(0.7, 5);
    expect(userSmileFromCamera(0, cameraFrame(0.8, 0.6))).toBe(0);
    expect(userSmileFromCamera(1, cameraFrame(0, 0))).toBe(0);
    expect(userSmileFromCamera(1, cameraFrame(Number.NaN, 0))).toBe(0);
    expect(userSmileFromCamera(1, cameraFrame(2, 2))).toBe(1);
  });

  test('a smiling user on camera lifts the listening face’s smile; speaking does not mirror', () => {
    const store = createAvatarStore();
    const reader = new AvatarInputReader();
    const run = (phase: string, cameraSmile: number, fromMs: number, ms: number) => {
      const driver = new AvatarDriver(23, fromMs);
      for (let t = fromMs; t < fromMs + ms; t += FRAME_MS) driver.update(t, reader.read(t, FRAME_MS / 1000, phase, 0, store.getState(), cameraSmile));
      return driver.weights[BS.mouthSmileLeft];
    };
    const neutral = run('listening', 0, 0, 2000);
    const mirrored = run('listening', userSmileFromCamera(1, cameraFrame(0.9, 0.9)), 0, 2000);
    expect(mirrored - neutral).toBeGreaterThan(0.3);
    // Soft: well below the user's 0.9.
    expect(mirrored - neutral).toBeLessThan(0.6);
    expect(run('thinking', 0.9, 0, 2000)).toBeCloseTo(run('thinking', 0, 0, 2000), 3);
  });
});
