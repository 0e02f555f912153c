import { BufferAttribute, BufferGeometry, Float32BufferAttribute, SphereGeometry } from 'three';
import { ARKIT_BLENDSHAPES, BLENDSHAPE_COUNT } from './arkit';
import { frontSurface, LANDMARKS, shapeHead, type HeadShape, type Vec3 } from './head-shape';
import { browDisplacement, jawPartDisplacement, lipDisplacement, skinDisplacement } from './head-morphs';

/** Per-vertex displacement for one ARKit target; leave `out` at zero for none. */
type Displacer = (vertex: number, target: number, out: Vec3) => void;

/**
 * Adds the 52 ARKit morph targets (relative offsets, named after the blendshapes) to `geometry`.
 * Targets a part does not use share one zero attribute.
 */
export function addArkitMorphs(geometry: BufferGeometry, displace: Displacer): BufferGeometry {
  const count = geometry.getAttribute('position').count;
  const out: Vec3 = { x: 0, y: 0, z: 0 };
  const morphs: BufferAttribute[] = [];
  for (let t = 0; t < BLENDSHAPE_COUNT; t++) {
    const data = new Float32Array(count * 3);
    let any = false;
    for (let v = 0; v < count; v++) {
      out.x = 0;
      out.y = 0;
      out.z = 0;
      displace(v, t, out);
      if (out.x !== 0 || out.y !== 0 || out.z !== 0) {
        any = true;
        data[v * 3] = out.x;
        data[v * 3 + 1] = out.y;
        data[v * 3 + 2] = out.z;
      }
    }
    const attribute = new Float32BufferAttribute(any ? data : new Float32Array(count * 3), 3);
    attribute.name = ARKIT_BLENDSHAPES[t];
    morphs.push(attribute);
  }
  geometry.morphAttributes.position = morphs;
  geometry.morphTargetsRelative = true;
  return geometry;
}

/** The skin: a sculpted sphere (width × height segments) with the full ARKit morph set. */
export function buildSkinGeometry(shape: HeadShape, eyeXPos: number, segments: readonly [number, number]): BufferGeometry {
  const geometry = new SphereGeometry(1, segments[0], segments[1]);
  const position = geometry.getAttribute('position');
  const p: Vec3 = { x: 0, y: 0, z: 0 };
  const rest = new Float32Array(position.count * 3);
  for (let i = 0; i < position.count; i++) {
    shapeHead(position.getX(i), position.getY(i), position.getZ(i), shape, p);
    position.setXYZ(i, p.x, p.y, p.z);
    rest[i * 3] = p.x;
    rest[i * 3 + 1] = p.y;
    rest[i * 3 + 2] = p.z;
  }
  geometry.computeVertexNormals();
  const q: Vec3 = { x: 0, y: 0, z: 0 };
  return addArkitMorphs(geometry, (v, t, out) => {
    q.x = rest[v * 3];
    q.y = rest[v * 3 + 1];
    q.z = rest[v * 3 + 2];
    skinDisplacement(t, q, eyeXPos, out);
  });
}

/** Outline of the rest mouth, in head units relative to the lip line (y up). */
export const lipOutline = {
  upperOuter: (s: number) => 0.056 * Math.pow(Math.max(0, 1 - s * s), 0.6) - 0.012 * Math.exp(-((s / 0.12) ** 2)),
  lowerOuter: (s: number) => -0.07 * Math.pow(Math.max(0, 1 - s * s), 0.6),
  line: (s: number) => 0.006 * (1 - s * s),
};

interface GridPart {
  geometry: BufferGeometry;
  /** Per vertex: s (-1..1), r (0..1). */
  params: Float32Array;
}

/** A columns×rows grid over the mouth, positioned on the face surface. */
function mouthGrid(shape: HeadShape, columns: number, rows: number, place: (s: number, r: number, out: Vec3) => void, lift: (s: number, r: number) => number): GridPart {
  const count = (columns + 1) * (rows + 1);
  const positions = new Float32Array(count * 3);
  const params = new Float32Array(count * 2);
  const p: Vec3 = { x: 0, y: 0, z: 0 };
  const surface: Vec3 = { x: 0, y: 0, z: 0 };
  let k = 0;
  for (let j = 0; j <= rows; j++) {
    for (let i = 0; i <= columns; i++, k++) {
      // Cosine spacing packs columns toward the corners where the outline curves fastest.
      const s = -Math.cos((i / columns) * Math.PI);
      const r = j / rows;
      place(s, r, p);
      frontSurface(p.x, p.y, shape, surface);
      positions[k * 3] = p.x;
      positions[k * 3 + 1] = p.y;
      positions[k * 3 + 2] = surface.z + lift(s, r);
      params[k * 2] = s;
      params[k * 2 + 1] = r;
    }
  }
  const index: number[] = [];
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < columns; i++) {
      const a = j * (columns + 1) + i;
      const b = a + 1;
      const c = a + columns + 1;
      const d = c + 1;
      index.push(a, c, b, b, c, d);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.setIndex(index);
  geometry.computeVertexNormals();
  return { geometry, params };
}

/** One lip (upper or lower) with its morphs. */
export function buildLipGeometry(shape: HeadShape, upper: boolean): BufferGeometry {
  const W = LANDMARKS.mouthHalfWidth;
  const { geometry, params } = mouthGrid(
    shape, 40, 6,
    (s, r, out) => {
      const edge = upper ? lipOutline.upperOuter(s) : lipOutline.lowerOuter(s);
      const line = lipOutline.line(s);
      out.x = s * W;
      out.y = LANDMARKS.mouthY + line + edge * r;
    },
    (s, r) => 0.02 + 0.028 * Math.sin(Math.PI * Math.min(1, r * 1.1)) * Math.pow(Math.max(0, 1 - s * s), 0.5),
  );
  return addArkitMorphs(geometry, (v, t, out) => lipDisplacement(t, params[v * 2], params[v * 2 + 1], upper, out));
}

/** The dark mouth cavity between the lips' inner edges: zero height at rest, opens with them. */
export function buildCavityGeometry(shape: HeadShape): BufferGeometry {
  const W = LANDMARKS.mouthHalfWidth;
  const { geometry, params } = mouthGrid(
    shape, 40, 4,
    (s, _r, out) => {
      out.x = s * W;
      out.y = LANDMARKS.mouthY + lipOutline.line(s);
    },
    () => 0.012,
  );
  const upper: Vec3 = { x: 0, y: 0, z: 0 };
  const lower: Vec3 = { x: 0, y: 0, z: 0 };
  return addArkitMorphs(geometry, (v, t, out) => {
    const s = params[v * 2];
    const q = params[v * 2 + 1];
    upper.x = upper.y = upper.z = 0;
    lower.x = lower.y = lower.z = 0;
    lipDisplacement(t, s, 0, true, upper);
    lipDisplacement(t, s, 0, false, lower);
    out.x = upper.x + (lower.x - upper.x) * q;
    out.y = upper.y + (lower.y - upper.y) * q;
    out.z = upper.z + (lower.z - upper.z) * q;
  });
}

/** A curved strip of teeth: `upper` hangs from the lip line, the lower row rides on the jaw. */
export function buildTeethGeometry(shape: HeadShape, upper: boolean): BufferGeometry {
  const W = LANDMARKS.mouthHalfWidth * 0.78;
  const height = upper ? 0.05 : 0.035;
  const { geometry } = mouthGrid(
    shape, 24, 2,
    (s, r, out) => {
      out.x = s * W;
      // Rounded bottom corners so the row reads as teeth, not a white bar.
      const h = height * Math.pow(Math.max(0, 1 - Math.pow(Math.abs(s), 6)), 0.5);
      out.y = upper ? LANDMARKS.mouthY + 0.012 - h * r : LANDMARKS.mouthY - 0.03 + h * r;
    },
    () => 0.016,
  );
  if (upper) return geometry;
  return addArkitMorphs(geometry, (_v, t, out) => jawPartDisplacement(t, false, out));
}

/** A flattened tongue resting behind the lower teeth. */
export function buildTongueGeometry(shape: HeadShape): BufferGeometry {
  const W = LANDMARKS.mouthHalfWidth * 0.7;
  const { geometry } = mouthGrid(
    shape, 20, 4,
    (s, r, out) => {
      out.x = s * W * Math.sqrt(Math.max(0, 1 - 0.3 * r));
      out.y = LANDMARKS.mouthY - 0.055 + 0.07 * r * Math.sqrt(Math.max(0, 1 - s * s));
    },
    () => 0.014,
  );
  return addArkitMorphs(geometry, (_v, t, out) => jawPartDisplacement(t, true, out));
}

/** One brow as a tapered, slightly rounded ribbon floating just over the skin. */
export function buildBrowGeometry(shape: HeadShape, side: number, eyeXPos: number, thickness: number): BufferGeometry {
  const segments = 16;
  const rows = 3;
  const positions: number[] = [];
  const ts: number[] = [];
  const surface: Vec3 = { x: 0, y: 0, z: 0 };
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    const x = side * (eyeXPos - 0.16 + 0.33 * t);
    const yCentre = LANDMARKS.browY + 0.045 * Math.sin(Math.PI * (0.15 + 0.75 * t)) - 0.02 * t;
    const half = thickness * (1 - 0.55 * t) * (0.75 + 0.25 * Math.sin(Math.PI * Math.min(1, t * 3)));
    for (let j = 0; j <= rows; j++) {
      const v = j / rows;
      const y = yCentre + half * (v * 2 - 1);
      frontSurface(x, y, shape, surface);
      positions.push(x, y, surface.z + 0.018 + 0.01 * Math.sin(Math.PI * v));
      ts.push(t);
    }
  }
  const index: number[] = [];
  for (let i = 0; i < segments; i++) {
    for (let j = 0; j < rows; j++) {
      const a = i * (rows + 1) + j;
      const b = a + rows + 1;
      if (side > 0) index.push(a, b, a + 1, a + 1, b, b + 1);
      else index.push(a, a + 1, b, a + 1, b + 1, b);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.setIndex(index);
  geometry.computeVertexNormals();
  return addArkitMorphs(geometry, (v, t, out) => browDisplacement(t, ts[v], side, out));
}
