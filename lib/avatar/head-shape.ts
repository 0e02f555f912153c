/**
 * The procedural head's shape: a unit sphere sculpted by smooth bumps (nose, sockets, brow ridge,
 * muzzle, chin) and a tapering jaw. Units: the head is about 1.9 wide and 2.2 tall, facing +z;
 * the subject's left is +x. Pure math, no three.js, so the layout can be tested in Node.
 */

/** Landmarks in head units (x is the subject's left for the positive side). */
export const LANDMARKS = {
  eyeX: 0.31,
  eyeY: 0.02,
  eyeRadius: 0.14,
  browY: 0.25,
  mouthY: -0.5,
  mouthHalfWidth: 0.2,
  noseTipY: -0.24,
} as const;

/** Shape parameters derived from a persona look. */
export interface HeadShape {
  /** Horizontal scale of the skull, about 0.85..1.0. */
  widthScale: number;
}

/** Shape parameters for a PersonaLook faceWidth (0.7..0.95). */
export function headShapeFor(faceWidth: number): HeadShape {
  const clamped = Math.min(0.95, Math.max(0.7, faceWidth));
  return { widthScale: 0.86 + (clamped - 0.7) * 0.55 };
}

const smoothstep = (a: number, b: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
};
const bump = (dx: number, dy: number, sx2: number, sy2: number) => Math.exp(-(dx * dx) / sx2 - (dy * dy) / sy2);

/** A mutable 3-vector used for out-parameters. */
export interface Vec3 {
  x: number;
  y: number;
  z: number;
}

/** Maps a unit-sphere direction to the sculpted head surface; writes into `out`. */
export function shapeHead(ux: number, uy: number, uz: number, shape: HeadShape, out: Vec3): Vec3 {
  const jaw = smoothstep(0, -1, uy);
  const x = ux * 0.92 * shape.widthScale * (1 - 0.24 * jaw * jaw) * (1 + 0.05 * Math.exp(-((uy + 0.3) ** 2) / 0.09));
  const y = uy * (uy < 0 ? 1.04 : 1.1);
  let z = uz * 0.94 * (1 - 0.08 * jaw * jaw);
  const front = smoothstep(0.2, 0.7, uz);
  if (front > 0) {
    const { eyeY } = LANDMARKS;
    const ex = eyeX(shape);
    z += front * (0.11 * bump(x, y + 0.1, 0.006, 0.035) + 0.05 * bump(x, y - LANDMARKS.noseTipY, 0.008, 0.006));
    z -= front * 0.03 * (bump(x - ex, y - eyeY, 0.018, 0.012) + bump(x + ex, y - eyeY, 0.018, 0.012));
    z += front * 0.02 * Math.exp(-((y - 0.26) ** 2) / 0.008);
    z += front * 0.045 * bump(x, y - LANDMARKS.mouthY, 0.07, 0.05);
    z += front * 0.03 * bump(x, y + 0.84, 0.03, 0.02);
    // nostril wings widen the nose base a little
    z += front * 0.02 * (bump(x - 0.06, y + 0.24, 0.002, 0.003) + bump(x + 0.06, y + 0.24, 0.002, 0.003));
  }
  out.x = x;
  out.y = y;
  out.z = z;
  return out;
}

/** The front surface point of the head at (x, y): solves shapeHead for z. */
export function frontSurface(x: number, y: number, shape: HeadShape, out: Vec3): Vec3 {
  let ux = x / (0.92 * shape.widthScale);
  let uy = y / 1.1;
  for (let i = 0; i < 12; i++) {
    const r2 = ux * ux + uy * uy;
    if (r2 > 0.998) {
      const k = Math.sqrt(0.998 / r2);
      ux *= k;
      uy *= k;
    }
    const uz = Math.sqrt(Math.max(0, 1 - ux * ux - uy * uy));
    shapeHead(ux, uy, uz, shape, out);
    ux += (x - out.x) / (0.92 * shape.widthScale);
    uy += (y - out.y) / 1.1;
  }
  out.x = x;
  out.y = y;
  return out;
}

/** Eye centre x for a shape (eyes sit a little wider on wider faces). */
export function eyeX(shape: HeadShape): number {
  return (LANDMARKS.eyeX * shape.widthScale) / 0.93;
}

export { smoothstep, bump };
