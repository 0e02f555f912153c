import { describe, expect, test } from 'vitest';
import { Mesh, MeshMatcapMaterial, MeshStandardMaterial } from 'three';
import { DEMO_PERSONAS } from '../persona/personas';
import { bakeMatcap } from './head-detail';
import { buildHead, type HeadRig } from './head-model';

function triangles(rig: HeadRig): number {
  let count = 0;
  rig.root.traverse((o) => {
    if (o instanceof Mesh) count += (o.geometry.index ? o.geometry.index.count : o.geometry.getAttribute('position').count) / 3;
  });
  return count;
}

describe('head detail levels', () => {
  test('bakeMatcap: lit from the upper right, warm in the light, dark at the lower left edge', () => {
    const size = 32;
    const pixels = bakeMatcap(size);
    const at = (u: number, v: number, c: number) => pixels[(Math.floor(v * size) * size + Math.floor(u * size)) * 4 + c];
    const lum = (u: number, v: number) => at(u, v, 0) + at(u, v, 1) + at(u, v, 2);
    expect(lum(0.7, 0.72)).toBeGreaterThan(lum(0.5, 0.5));
    expect(lum(0.5, 0.5)).toBeGreaterThan(lum(0.15, 0.15) + 60);
    // Warm key: red above blue where the key light hits.
    expect(at(0.7, 0.72, 0)).toBeGreaterThan(at(0.7, 0.72, 2) + 8);
    // Never clipped to white, so the key light keeps shading across the face.
    let brightest = 0;
    for (let i = 0; i < pixels.length; i += 4) brightest = Math.max(brightest, pixels[i], pixels[i + 1], pixels[i + 2]);
    expect(brightest).toBeLessThan(255);
    for (let i = 3; i < pixels.length; i += 4) expect(pixels[i]).toBe(255);
  });

  test.each(DEMO_PERSONAS.map((p) => [p.id, p.look] as const))('%s: light head has ≤ 45 %% of the triangles, matcap materials and CPU morphs', (_id, look) => {
    const full = buildHead(look, 'full');
    const light = buildHead(look, 'light');
    expect(triangles(light)).toBeLessThan(0.45 * triangles(full));
    expect(light.morphMeshes.map((m) => m.name)).toEqual(full.morphMeshes.map((m) => m.name));
    expect(light.cpuMorphs).toHaveLength(light.morphMeshes.length);
    expect(full.cpuMorphs).toHaveLength(0);
    let standard = 0;
    let matcap = 0;
    light.root.traverse((o) => {
      if (!(o instanceof Mesh)) return;
      if (o.material instanceof MeshStandardMaterial) standard++;
      if (o.material instanceof MeshMatcapMaterial) matcap++;
      // No mesh in the light head makes three.js compile the morph shader.
      expect(o.geometry.morphAttributes.position).toBeUndefined();
    });
    expect(standard).toBe(0);
    expect(matcap).toBeGreaterThan(10);
    full.dispose();
    light.dispose();
  });
});
