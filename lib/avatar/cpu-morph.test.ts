import { describe, expect, test } from 'vitest';
import { BufferAttribute, BufferGeometry, Float32BufferAttribute, Mesh } from 'three';
import { DEMO_PERSONAS } from '../persona/personas';
import { BS, createWeights } from './arkit';
import { CpuMorph } from './cpu-morph';
import { applyRig, buildHead } from './head-model';

function twoTargetGeometry(): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute([0, 0, 0, 1, 0, 0, 0, 1, 0], 3));
  geometry.morphAttributes.position = [new Float32BufferAttribute([0, 1, 0, 0, 0, 0, 0, 0, 0], 3), new Float32BufferAttribute([0, 0, 0, 0, 0, 2, 0, 0, 1], 3)];
  geometry.morphTargetsRelative = true;
  return geometry;
}

describe('CpuMorph', () => {
  test('writes base + Σ w·delta and takes the targets away from the shader', () => {
    const geometry = twoTargetGeometry();
    const mesh = new Mesh(geometry);
    const morph = new CpuMorph(geometry);
    expect(geometry.morphAttributes.position).toBeUndefined();
    expect(mesh.morphTargetInfluences).toHaveLength(2);
    expect(morph.movedVertices(0)).toBe(1);
    expect(morph.movedVertices(1)).toBe(2);
    expect(morph.apply([0.5, 0.25])).toBe(true);
    expect(Array.from(geometry.getAttribute('position').array)).toEqual([0, 0.5, 0, 1, 0, 0.5, 0, 1, 0.25]);
    // Unchanged influences: no rewrite; back to zero restores the rest shape exactly.
    expect(morph.apply([0.5, 0.25])).toBe(false);
    morph.apply([0, 0]);
    expect(Array.from(geometry.getAttribute('position').array)).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0]);
  });

  test('the light head: CPU-blended positions equal the GPU formula of the full targets', () => {
    const look = DEMO_PERSONAS[0].look;
    const reference = buildHead(look, 'light');
    // The full head keeps its targets on the geometry (the GPU path): the reference for the CPU sum.
    const lipTargets = (() => {
      const rig = buildHead(look, 'full');
      const mesh = rig.morphMeshes.find((m) => m.name === 'lip-lower') as Mesh;
      return { jaw: (mesh.geometry.morphAttributes.position ?? [])[BS.jawOpen] as BufferAttribute, count: mesh.geometry.getAttribute('position').count };
    })();
    const pose = { weights: createWeights(), headPitch: 0, headYaw: 0, headRoll: 0, breath: 0 };
    const lower = reference.morphMeshes.find((m) => m.name === 'lip-lower') as Mesh;
    const rest = Float32Array.from(lower.geometry.getAttribute('position').array as Float32Array);
    pose.weights[BS.jawOpen] = 0.5;
    applyRig(reference, pose);
    const moved = lower.geometry.getAttribute('position');
    expect(reference.cpuMorphs).toHaveLength(reference.morphMeshes.length);
    // The light lip has the same grid as the full one (only skin, hair and round parts are coarser).
    expect(moved.count).toBe(lipTargets.count);
    let maxError = 0;
    for (let i = 0; i < moved.count; i++) maxError = Math.max(maxError, Math.abs(moved.getY(i) - (rest[i * 3 + 1] + 0.5 * lipTargets.jaw.getY(i))));
    expect(maxError).toBeLessThan(1e-6);
    expect(lower.morphTargetInfluences?.[BS.jawOpen]).toBe(0.5);
    reference.dispose();
  });
});
