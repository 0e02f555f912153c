import { Color, DataTexture, MeshMatcapMaterial, MeshStandardMaterial, SRGBColorSpace, type Side } from 'three';

/**
 * How much the head costs to draw. `full`: lit physically (hemisphere + key + fill + rim lights)
 * at high tessellation, for hardware GL. `light`: for software rasterisers (SwiftShader, llvmpipe),
 * where every triangle and every lit fragment is CPU time — about a third of the triangles and a
 * baked matcap (the same warm key/fill/rim lighting, precomputed into a 64×64 texture) instead of
 * per-fragment lights.
 */
export type HeadDetail = 'full' | 'light';

/** Sphere/torus segment counts per part for one detail level. */
export interface DetailSegments {
  skin: [number, number];
  hairCap: [number, number];
  sclera: [number, number];
  iris: [number, number];
  pupil: number;
  lid: [number, number];
  lash: [number, number];
  ear: [number, number];
  neck: number;
  body: [number, number];
  collar: [number, number];
  bun: [number, number];
  curtain: [number, number];
  curl: [number, number];
}

/** Segment counts by detail level (full = the original hardware look). */
export const DETAIL_SEGMENTS: Record<HeadDetail, DetailSegments> = {
  full: {
    skin: [88, 64], hairCap: [112, 72], sclera: [32, 24], iris: [40, 10], pupil: 24, lid: [40, 14], lash: [6, 32],
    ear: [20, 14], neck: 28, body: [48, 24], collar: [10, 32], bun: [32, 24], curtain: [64, 10], curl: [12, 8],
  },
  light: {
    skin: [64, 46], hairCap: [64, 40], sclera: [18, 12], iris: [20, 5], pupil: 14, lid: [22, 8], lash: [4, 18],
    ear: [12, 8], neck: 16, body: [28, 12], collar: [6, 18], bun: [18, 12], curtain: [36, 6], curl: [8, 5],
  },
};

/** One light baked into the matcap: a view-space direction (toward the light), colour, intensity. */
export interface MatcapLight {
  direction: [number, number, number];
  color: [number, number, number];
  intensity: number;
}

/**
 * The head's lighting as seen from the camera (which looks straight at the face): warm key from
 * upper right, cool fill from the left, a warm sky/ground hemisphere and a soft rim. Chosen to
 * match the `full` rig's lights in head-model.ts.
 */
export const HEAD_MATCAP_LIGHTS: readonly MatcapLight[] = [
  { direction: [0.4, 0.5, 0.77], color: [1, 0.94, 0.86], intensity: 0.58 },
  { direction: [-0.8, 0.13, 0.57], color: [0.85, 0.9, 1], intensity: 0.2 },
];

/**
 * Bakes a matcap: RGBA8 pixels (size×size, row 0 at the bottom as WebGL expects) of a sphere lit by
 * `lights` with Lambert diffuse, a hemisphere ambient (sky warm, ground plum) and a rim term.
 * Linear 0..1 light is encoded as sRGB bytes. Outside the unit disc the edge colour is repeated.
 */
export function bakeMatcap(size: number, lights: readonly MatcapLight[] = HEAD_MATCAP_LIGHTS): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  // Kept below 1 at the brightest point so the texture never clips (the renderer's tone mapping follows).
  const sky = [0.4, 0.37, 0.35];
  const ground = [0.17, 0.15, 0.18];
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      let nx = ((col + 0.5) / size) * 2 - 1;
      let ny = ((row + 0.5) / size) * 2 - 1;
      const r = Math.hypot(nx, ny);
      if (r > 1) {
        nx /= r;
        ny /= r;
      }
      const nz = Math.sqrt(Math.max(0, 1 - nx * nx - ny * ny));
      const up = 0.5 + 0.5 * ny;
      const rim = 0.15 * (1 - nz) ** 3;
      const offset = (row * size + col) * 4;
      for (let c = 0; c < 3; c++) {
        let value = ground[c] + (sky[c] - ground[c]) * up + rim;
        for (const light of lights) {
          const [lx, ly, lz] = light.direction;
          const length = Math.hypot(lx, ly, lz) || 1;
          const diffuse = Math.max(0, (nx * lx + ny * ly + nz * lz) / length);
          value += light.intensity * diffuse * light.color[c];
        }
        pixels[offset + c] = Math.round(255 * linearToSrgb(Math.min(1, value)));
      }
      pixels[offset + 3] = 255;
    }
  }
  return pixels;
}

function linearToSrgb(x: number): number {
  return x <= 0.0031308 ? 12.92 * x : 1.055 * x ** (1 / 2.4) - 0.055;
}

/** What a lit part asks for; mapped to a standard or matcap material by `litMaterialFactory`. */
export interface LitSpec {
  color?: Color;
  vertexColors?: boolean;
  roughness: number;
  emissive?: Color;
  side?: Side;
}

/** Returns a maker of lit materials for the detail level (one shared matcap texture for `light`). */
export function litMaterialFactory(detail: HeadDetail, keep: (texture: DataTexture) => void): (spec: LitSpec) => MeshStandardMaterial | MeshMatcapMaterial {
  if (detail === 'full') {
    return (spec) => {
      const material = new MeshStandardMaterial({ vertexColors: spec.vertexColors ?? false, roughness: spec.roughness, metalness: 0 });
      if (spec.color) material.color.copy(spec.color);
      if (spec.emissive) material.emissive.copy(spec.emissive);
      if (spec.side !== undefined) material.side = spec.side;
      return material;
    };
  }
  const size = 64;
  const matcap = new DataTexture(bakeMatcap(size), size, size);
  matcap.colorSpace = SRGBColorSpace;
  matcap.needsUpdate = true;
  keep(matcap);
  // The emissive lift of the full rig is folded into the colour (a matcap has no emissive term).
  return (spec) => {
    const color = (spec.color ?? new Color(1, 1, 1)).clone();
    if (spec.emissive) color.add(spec.emissive);
    const material = new MeshMatcapMaterial({ matcap, color, vertexColors: spec.vertexColors ?? false });
    if (spec.side !== undefined) material.side = spec.side;
    return material;
  };
}
