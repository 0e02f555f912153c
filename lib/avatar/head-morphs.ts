import { BS } from './arkit';
import { bump, LANDMARKS, smoothstep, type Vec3 } from './head-shape';

/**
 * Morph-target displacements of the procedural head, one function per part. Each writes the
 * offset (head units) of one rest-pose vertex for one ARKit target at weight 1; targets a part
 * does not use leave `out` at zero. Left = subject's left = +x.
 */

const JAW_DROP = 0.2;
const { mouthY, mouthHalfWidth: W, browY } = LANDMARKS;

/** Side weight for a Left (+1) or Right (-1) target at mouth parameter s (-1..1). */
const sideOf = (s: number, side: number) => {
  const v = s * side;
  return v > 0 ? Math.pow(v, 1.4) : 0;
};
const halfSide = (s: number, side: number) => smoothstep(-0.5, 0.7, s * side);

/** Skin: jaw rotation, cheeks, nose, forehead, mouth surroundings. `p` is the rest position. */
export function skinDisplacement(target: number, p: Vec3, eyeXPos: number, out: Vec3): void {
  const front = smoothstep(0.05, 0.45, p.z);
  if (front <= 0) return;
  const jawRegion = smoothstep(mouthY + 0.03, mouthY - 0.12, p.y) * front * smoothstep(0.85, 0.45, Math.abs(p.x));
  const mouthRegion = bump(p.x, p.y - mouthY, 0.05, 0.03) * front;
  const cornerL = bump(p.x - W, p.y - mouthY, 0.012, 0.012) * front;
  const cornerR = bump(p.x + W, p.y - mouthY, 0.012, 0.012) * front;
  const cheekL = bump(p.x - 0.36, p.y + 0.2, 0.03, 0.025) * front;
  const cheekR = bump(p.x + 0.36, p.y + 0.2, 0.03, 0.025) * front;
  const browL = bump(p.x - eyeXPos, p.y - browY, 0.03, 0.012) * front;
  const browR = bump(p.x + eyeXPos, p.y - browY, 0.03, 0.012) * front;
  const browInner = bump(p.x, p.y - browY, 0.02, 0.012) * front;
  const underEyeL = bump(p.x - eyeXPos, p.y + 0.12, 0.015, 0.006) * front;
  const underEyeR = bump(p.x + eyeXPos, p.y + 0.12, 0.015, 0.006) * front;
  switch (target) {
    case BS.jawOpen: {
      // Rotate the lower face about a pivot behind the cheeks (0.2 rad), as a linear offset.
      const py = p.y + 0.05;
      const pz = p.z + 0.25;
      const angle = 0.2 * jawRegion;
      out.y = pz * -Math.sin(angle) + py * (Math.cos(angle) - 1) - 0.03 * jawRegion;
      out.z = py * Math.sin(angle) + pz * (Math.cos(angle) - 1);
      break;
    }
    case BS.jawForward: out.z = 0.04 * jawRegion; break;
    case BS.jawLeft: out.x = 0.05 * jawRegion; break;
    case BS.jawRight: out.x = -0.05 * jawRegion; break;
    case BS.mouthSmileLeft: out.x = 0.03 * cornerL; out.y = 0.05 * cornerL + 0.035 * cheekL; out.z = 0.02 * cheekL - 0.01 * cornerL; break;
    case BS.mouthSmileRight: out.x = -0.03 * cornerR; out.y = 0.05 * cornerR + 0.035 * cheekR; out.z = 0.02 * cheekR - 0.01 * cornerR; break;
    case BS.mouthFrownLeft: out.y = -0.04 * cornerL; break;
    case BS.mouthFrownRight: out.y = -0.04 * cornerR; break;
    case BS.mouthDimpleLeft: out.x = 0.02 * cornerL; out.z = -0.02 * cornerL; break;
    case BS.mouthDimpleRight: out.x = -0.02 * cornerR; out.z = -0.02 * cornerR; break;
    case BS.mouthStretchLeft: out.x = 0.035 * cornerL; out.y = -0.015 * cornerL; break;
    case BS.mouthStretchRight: out.x = -0.035 * cornerR; out.y = -0.015 * cornerR; break;
    case BS.mouthPucker: out.x = -0.3 * p.x * mouthRegion; out.z = 0.03 * mouthRegion; break;
    case BS.mouthFunnel: out.x = -0.2 * p.x * mouthRegion; out.z = 0.025 * mouthRegion; break;
    case BS.mouthLeft: out.x = 0.05 * mouthRegion; break;
    case BS.mouthRight: out.x = -0.05 * mouthRegion; break;
    case BS.cheekPuff:
      out.x = 0.05 * (cheekL - cheekR) + 0.04 * (bump(p.x - 0.3, p.y + 0.42, 0.03, 0.03) - bump(p.x + 0.3, p.y + 0.42, 0.03, 0.03)) * front;
      out.z = 0.03 * (cheekL + cheekR);
      break;
    case BS.cheekSquintLeft: out.y = 0.03 * cheekL + 0.02 * underEyeL; out.z = 0.012 * cheekL; break;
    case BS.cheekSquintRight: out.y = 0.03 * cheekR + 0.02 * underEyeR; out.z = 0.012 * cheekR; break;
    case BS.noseSneerLeft: out.y = 0.025 * bump(p.x - 0.07, p.y + 0.15, 0.004, 0.01) * front; break;
    case BS.noseSneerRight: out.y = 0.025 * bump(p.x + 0.07, p.y + 0.15, 0.004, 0.01) * front; break;
    case BS.browInnerUp: out.y = 0.03 * browInner; break;
    case BS.browDownLeft: out.y = -0.02 * browL; break;
    case BS.browDownRight: out.y = -0.02 * browR; break;
    case BS.browOuterUpLeft: out.y = 0.025 * browL; break;
    case BS.browOuterUpRight: out.y = 0.025 * browR; break;
    case BS.eyeSquintLeft: out.y = 0.015 * underEyeL; break;
    case BS.eyeSquintRight: out.y = 0.015 * underEyeR; break;
    default: break;
  }
}

/**
 * Lips and everything that rides on them. `s` runs -1..1 across the mouth (+1 = subject's left
 * corner), `r` 0 at the lip line to 1 at the lip's outer edge; `upper` picks the lip.
 */
export function lipDisplacement(target: number, s: number, r: number, upper: boolean, out: Vec3): void {
  const centre = Math.pow(Math.max(0, 1 - s * s), 0.7);
  const inner = 1 - r;
  switch (target) {
    case BS.jawOpen:
      if (upper) out.y = 0.012 * centre;
      else { out.y = -JAW_DROP * centre; out.z = -0.03 * centre; }
      break;
    case BS.mouthClose: if (!upper) out.y = JAW_DROP * 0.6 * centre; break;
    case BS.jawForward: if (!upper) out.z = 0.04; break;
    case BS.jawLeft: if (!upper) out.x = 0.05; break;
    case BS.jawRight: if (!upper) out.x = -0.05; break;
    case BS.mouthFunnel: {
      const round = Math.pow(Math.max(0, 1 - s * s), 0.5);
      out.x = -0.3 * s * W;
      out.y = (upper ? 0.05 : -0.05) * round * (0.5 + 0.5 * inner);
      out.z = 0.04 * (1 - 0.4 * r);
      break;
    }
    case BS.mouthPucker:
      out.x = -0.45 * s * W;
      out.y = (upper ? 0.015 : -0.015) * r;
      out.z = 0.06 * (1 - 0.3 * r);
      break;
    case BS.mouthLeft: out.x = 0.06; break;
    case BS.mouthRight: out.x = -0.06; break;
    case BS.mouthSmileLeft:
    case BS.mouthSmileRight: {
      const c = sideOf(s, target === BS.mouthSmileLeft ? 1 : -1);
      out.x = 0.035 * c * Math.sign(s);
      out.y = 0.085 * c;
      out.z = -0.02 * c;
      break;
    }
    case BS.mouthFrownLeft:
    case BS.mouthFrownRight: {
      const c = sideOf(s, target === BS.mouthFrownLeft ? 1 : -1);
      out.x = 0.01 * c * Math.sign(s);
      out.y = -0.085 * c;
      break;
    }
    case BS.mouthDimpleLeft:
    case BS.mouthDimpleRight: {
      const c = sideOf(s, target === BS.mouthDimpleLeft ? 1 : -1);
      out.x = 0.03 * c * Math.sign(s);
      out.z = -0.03 * c;
      break;
    }
    case BS.mouthStretchLeft:
    case BS.mouthStretchRight: {
      const side = target === BS.mouthStretchLeft ? 1 : -1;
      const c = sideOf(s, side);
      out.x = 0.05 * c * side;
      out.y = -0.015 * c + (upper ? 0 : -0.015 * centre * halfSide(s, side) * inner);
      break;
    }
    case BS.mouthRollLower: if (!upper) { out.y = 0.045 * r * centre; out.z = -0.015 * centre; } break;
    case BS.mouthRollUpper: if (upper) { out.y = -0.04 * r * centre; out.z = -0.015 * centre; } break;
    case BS.mouthShrugLower: if (!upper) { out.y = 0.025 * centre; out.z = 0.02 * centre; } break;
    case BS.mouthShrugUpper: if (upper) { out.y = 0.02 * centre; out.z = 0.01 * centre; } break;
    case BS.mouthPressLeft:
    case BS.mouthPressRight: {
      const c = halfSide(s, target === BS.mouthPressLeft ? 1 : -1);
      out.y = (upper ? -0.02 : 0.02) * r * c;
      break;
    }
    case BS.mouthLowerDownLeft:
    case BS.mouthLowerDownRight:
      if (!upper) out.y = -0.06 * halfSide(s, target === BS.mouthLowerDownLeft ? 1 : -1) * Math.pow(Math.max(0, 1 - s * s), 0.3);
      break;
    case BS.mouthUpperUpLeft:
    case BS.mouthUpperUpRight:
      if (upper) out.y = 0.05 * halfSide(s, target === BS.mouthUpperUpLeft ? 1 : -1) * Math.pow(Math.max(0, 1 - s * s), 0.3);
      break;
    case BS.tongueOut: if (!upper) out.y = -0.03 * centre; break;
    case BS.cheekPuff: out.z = 0.01; break;
    default: break;
  }
}

/** Brows: `t` 0 at the inner end .. 1 at the outer end; `side` +1 for the subject's left brow. */
export function browDisplacement(target: number, t: number, side: number, out: Vec3): void {
  switch (target) {
    case BS.browInnerUp: out.y = 0.095 * Math.pow(1 - t, 1.3); out.x = 0.008 * side * (1 - t); break;
    case BS.browDownLeft:
    case BS.browDownRight:
      if ((target === BS.browDownLeft) === side > 0) { out.y = -0.065 * (1 - 0.45 * t); out.x = -0.025 * side * (1 - t); out.z = -0.005; }
      break;
    case BS.browOuterUpLeft:
    case BS.browOuterUpRight:
      if ((target === BS.browOuterUpLeft) === side > 0) out.y = 0.08 * Math.pow(t, 1.1);
      break;
    default: break;
  }
}

/** Lower teeth and tongue follow the jaw; the tongue also pokes out. `tongue` picks the tongue. */
export function jawPartDisplacement(target: number, tongue: boolean, out: Vec3): void {
  switch (target) {
    case BS.jawOpen: out.y = -JAW_DROP * (tongue ? 0.8 : 0.95); out.z = -0.03; break;
    case BS.mouthClose: out.y = JAW_DROP * 0.6 * (tongue ? 0.8 : 0.95); break;
    case BS.jawForward: out.z = 0.04; break;
    case BS.jawLeft: out.x = 0.05; break;
    case BS.jawRight: out.x = -0.05; break;
    case BS.tongueOut: if (tongue) { out.y = -0.05; out.z = 0.1; } break;
    default: break;
  }
}
