import { describe, expect, test } from 'vitest';
import type { BufferAttribute, Mesh } from 'three';
import { DEMO_PERSONAS } from '../persona/personas';
import { ARKIT_BLENDSHAPES, BS, createWeights } from './arkit';
import { applyRig, buildHead } from './head-model';

function morphOf(mesh: Mesh, name: string): BufferAttribute {
  const index = mesh.morphTargetDictionary?.[name];
  if (index === undefined) throw new Error(`${mesh.name} lacks ${name}`);
  return (mesh.geometry.morphAttributes.position ?? [])[index] as BufferAttribute;
}

describe('procedural head', () => {
  test.each(DEMO_PERSONAS.map((p) => [p.id, p.look] as const))('%s: every morph mesh carries the 52 ARKit targets by name', (_id, look) => {
    const rig = buildHead(look);
    expect(rig.morphMeshes.length).toBeGreaterThanOrEqual(6);
    for (const mesh of rig.morphMeshes) {
      expect(Object.keys(mesh.morphTargetDictionary ?? {})).toEqual([...ARKIT_BLENDSHAPES]);
      const position = mesh.geometry.getAttribute('position');
      for (let i = 0; i < position.array.length; i++) expect(Number.isFinite(position.array[i])).toBe(true);
    }
    rig.dispose();
  });

  test('jawOpen drops the lower lip and opens the cavity; smiles lift the corners', () => {
    const rig = buildHead(DEMO_PERSONAS[0].look);
    const byName = (n: string) => rig.morphMeshes.find((m) => m.name === n) as Mesh;
    const lower = byName('lip-lower');
    const jaw = morphOf(lower, 'jawOpen');
    let minDy = 0;
    for (let i = 0; i < jaw.count; i++) minDy = Math.min(minDy, jaw.getY(i));
    expect(minDy).toBeLessThan(-0.15);
    const upper = byName('lip-upper');
    const smileLeft = morphOf(upper, 'mouthSmileLeft');
    const position = upper.geometry.getAttribute('position');
    let leftLift = 0;
    let rightLift = 0;
    for (let i = 0; i < smileLeft.count; i++) {
      if (position.getX(i) > 0.1) leftLift = Math.max(leftLift, smileLeft.getY(i));
      if (position.getX(i) < -0.1) rightLift = Math.max(rightLift, smileLeft.getY(i));
    }
    // ARKit "Left" is the subject's left, which is +x in the head's frame.
    expect(leftLift).toBeGreaterThan(0.04);
    expect(rightLift).toBe(0);
    rig.dispose();
  });

  test('applyRig copies weights into every morph mesh and closes the lids on a blink', () => {
    const rig = buildHead(DEMO_PERSONAS[1].look);
    const pose = { weights: createWeights(), headPitch: 0.1, headYaw: 0, headRoll: 0, breath: 0 };
    applyRig(rig, pose);
    const openRotation = rig.upperLids[0].rotation.x;
    pose.weights[BS.eyeBlinkLeft] = 1;
    pose.weights[BS.jawOpen] = 0.5;
    applyRig(rig, pose);
    for (const mesh of rig.morphMeshes) expect(mesh.morphTargetInfluences?.[BS.jawOpen]).toBe(0.5);
    // Closing moves the upper lid's rim down: a larger rotation about x.
    expect(rig.upperLids[0].rotation.x).toBeGreaterThan(openRotation + 0.5);
    expect(rig.upperLids[1].rotation.x).toBeCloseTo(openRotation, 5);
    expect(rig.head.rotation.x).toBeCloseTo(0.1);
    rig.dispose();
  });
});
