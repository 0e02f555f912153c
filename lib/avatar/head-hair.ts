import { BufferGeometry, CylinderGeometry, Float32BufferAttribute, SphereGeometry } from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import type { PersonaLook } from '../persona/types';
import type { DetailSegments } from './head-detail';
import { shapeHead, smoothstep, type HeadShape, type Vec3 } from './head-shape';

interface HairlineStyle {
  /** How far the hair stands off the scalp, head units. */
  thickness: number;
  /** Front hairline height (unit-sphere y) at the centre. */
  front: number;
  /** Hairline height at the back. */
  back: number;
  /** Depth of a centre parting (raises the hairline at x≈0). */
  parting: number;
  /** Fringe waviness. */
  wave: number;
}

const STYLES: Record<PersonaLook['hairStyle'], HairlineStyle> = {
  short: { thickness: 0.07, front: 0.5, back: -0.45, parting: 0, wave: 0.035 },
  long: { thickness: 0.06, front: 0.42, back: -1, parting: 0.1, wave: 0 },
  bun: { thickness: 0.045, front: 0.46, back: -0.3, parting: 0.06, wave: 0 },
  curly: { thickness: 0.06, front: 0.5, back: -0.5, parting: 0, wave: 0.02 },
};

/**
 * A hair cap: the head surface pushed out by `thickness` where hair grows and sunk inside the
 * skull elsewhere, with a soft slope at the hairline so the edge reads clean from the front.
 */
function hairCap(shape: HeadShape, style: HairlineStyle, segments: readonly [number, number]): BufferGeometry {
  const geometry = new SphereGeometry(1, segments[0], segments[1]);
  const position = geometry.getAttribute('position');
  const p: Vec3 = { x: 0, y: 0, z: 0 };
  for (let i = 0; i < position.count; i++) {
    const ux = position.getX(i);
    const uy = position.getY(i);
    const uz = position.getZ(i);
    const frontLine = style.front - 0.32 * Math.pow(Math.abs(ux), 1.6) + style.parting * Math.exp(-((ux / 0.12) ** 2)) + style.wave * Math.sin(ux * 14);
    const threshold = frontLine + (style.back - frontLine) * smoothstep(0.35, -0.45, uz);
    const grow = smoothstep(threshold - 0.05, threshold + 0.05, uy);
    shapeHead(ux, uy, uz, shape, p);
    // Sit on the scalp: scale outward from the skull centre; sink to 0.9 where bald.
    const scale = 0.9 + (1 + style.thickness - 0.9) * grow;
    position.setXYZ(i, p.x * scale, p.y * scale + 0.01 * grow, p.z * scale);
  }
  geometry.computeVertexNormals();
  return geometry;
}

/** Hair geometry for a persona: a cap plus the style's extras (bun, long curtain, curls). */
export function buildHairGeometry(shape: HeadShape, hairStyle: PersonaLook['hairStyle'], seg: DetailSegments): BufferGeometry {
  const style = STYLES[hairStyle];
  const parts: BufferGeometry[] = [hairCap(shape, style, seg.hairCap)];
  if (hairStyle === 'bun') {
    const bun = new SphereGeometry(0.34, ...seg.bun);
    bun.scale(1, 0.85, 0.9);
    bun.translate(0, 1.12, -0.3);
    parts.push(bun);
  }
  if (hairStyle === 'long') {
    // A curtain around the back and sides, open at the front so it frames the face.
    const gap = 0.95;
    const curtain = new CylinderGeometry(0.98, 1.12, 1.9, ...seg.curtain, true, gap, Math.PI * 2 - 2 * gap);
    const pos = curtain.getAttribute('position');
    for (let i = 0; i < pos.count; i++) {
      const y = pos.getY(i);
      const flare = 1 + 0.06 * Math.sin(((y + 0.95) / 1.9) * Math.PI);
      pos.setXYZ(i, pos.getX(i) * shape.widthScale * 0.95 * flare, y, pos.getZ(i) * 0.9 * flare - 0.05);
    }
    curtain.translate(0, -0.6, 0);
    curtain.computeVertexNormals();
    parts.push(curtain);
  }
  if (hairStyle === 'curly') {
    const p: Vec3 = { x: 0, y: 0, z: 0 };
    const count = 180;
    const golden = Math.PI * (3 - Math.sqrt(5));
    for (let i = 0; i < count; i++) {
      const uy = 1 - (i / (count - 1)) * 2;
      const radius = Math.sqrt(1 - uy * uy);
      const ux = Math.cos(golden * i) * radius;
      const uz = Math.sin(golden * i) * radius;
      const frontLine = style.front + 0.05 - 0.32 * Math.pow(Math.abs(ux), 1.6);
      const threshold = frontLine + (style.back - frontLine) * smoothstep(0.35, -0.45, uz);
      if (uy < threshold) continue;
      shapeHead(ux, uy, uz, shape, p);
      const curl = new SphereGeometry(0.12 + 0.04 * ((i * 7) % 5) / 4, ...seg.curl);
      curl.translate(p.x * 1.06, p.y * 1.06, p.z * 1.06);
      parts.push(curl);
    }
  }
  const merged = mergeGeometries(parts, false);
  for (const part of parts) part.dispose();
  if (!merged) throw new Error('avatar: hair geometry could not be merged');
  return merged;
}

/** A simple vertical gradient in a color attribute (darker at the roots and underside). */
export function shadeHair(geometry: BufferGeometry, r: number, g: number, b: number): void {
  const position = geometry.getAttribute('position');
  const colors = new Float32Array(position.count * 3);
  for (let i = 0; i < position.count; i++) {
    const y = position.getY(i);
    const k = 0.78 + 0.22 * smoothstep(-1.4, 1.1, y);
    colors[i * 3] = r * k;
    colors[i * 3 + 1] = g * k;
    colors[i * 3 + 2] = b * k;
  }
  geometry.setAttribute('color', new Float32BufferAttribute(colors, 3));
}
