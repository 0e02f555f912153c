import type { PersonaLook } from '../persona/types';
import type { FacePose } from './face-pose';

/** Draws the 2D companion face into a square canvas context of side `size` CSS pixels. No allocation besides paths. */
export function drawFace2d(ctx: CanvasRenderingContext2D, size: number, look: PersonaLook, pose: FacePose): void {
  const s = size / 240;
  ctx.save();
  ctx.clearRect(0, 0, size, size);
  ctx.fillStyle = look.background;
  ctx.fillRect(0, 0, size, size);
  ctx.scale(s, s);
  ctx.translate(120, 130);
  ctx.rotate(pose.tilt);
  const w = 120 * look.faceWidth * 0.62;
  // shoulders and neck
  ctx.fillStyle = '#4f6f8f';
  ctx.beginPath();
  ctx.ellipse(0, 130, 95, 50, 0, Math.PI, 0);
  ctx.fill();
  ctx.fillStyle = look.skin;
  ctx.fillRect(-18, 50, 36, 40);
  if (look.hairStyle === 'long') {
    ctx.fillStyle = look.hair;
    ctx.beginPath();
    ctx.moveTo(-w - 10, 0);
    ctx.quadraticCurveTo(0, -140, w + 10, 0);
    ctx.lineTo(w + 8, 80);
    ctx.lineTo(-w - 8, 80);
    ctx.closePath();
    ctx.fill();
  }
  // hair behind the head: frames the face so the top of the skull never shows bald
  if (look.hairStyle !== 'long') {
    ctx.fillStyle = look.hair;
    ctx.beginPath();
    ctx.ellipse(0, -12, w + 6, 68, 0, Math.PI, 0);
    ctx.fill();
  }
  // face
  ctx.fillStyle = look.skin;
  ctx.beginPath();
  ctx.ellipse(0, 0, w, 72, 0, 0, Math.PI * 2);
  ctx.fill();
  // hair
  ctx.fillStyle = look.hair;
  if (look.hairStyle === 'curly') {
    for (let i = -2; i <= 2; i++) {
      ctx.beginPath();
      ctx.arc(i * 22, -62 + Math.abs(i) * 6, 20, 0, Math.PI * 2);
      ctx.fill();
    }
  } else {
    if (look.hairStyle === 'bun') {
      ctx.beginPath();
      ctx.arc(0, -84, 22, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.beginPath();
    ctx.moveTo(-w - 2, -4);
    ctx.quadraticCurveTo(-w, -80, 0, -76);
    ctx.quadraticCurveTo(w, -80, w + 2, -4);
    ctx.quadraticCurveTo(w * 0.7, -48, 0, -50);
    ctx.quadraticCurveTo(-w * 0.7, -48, -w - 2, -4);
    ctx.fill();
  }
  // cheeks
  ctx.fillStyle = 'rgba(230,120,120,0.18)';
  ctx.beginPath();
  ctx.ellipse(-40, 22, 12, 7, 0, 0, Math.PI * 2);
  ctx.ellipse(40, 22, 12, 7, 0, 0, Math.PI * 2);
  ctx.fill();
  // eyes
  const eyeY = 0;
  for (const side of [-1, 1]) {
    const ex = side * 26;
    ctx.fillStyle = '#fff';
    ctx.beginPath();
    ctx.ellipse(ex, eyeY, 11, 9 * Math.max(0.08, pose.eyeOpen), 0, 0, Math.PI * 2);
    ctx.fill();
    if (pose.eyeOpen > 0.15) {
      ctx.fillStyle = look.eyes;
      ctx.beginPath();
      ctx.arc(ex + pose.gazeX * 4, eyeY + pose.gazeY * 3, 6 * Math.min(1, pose.eyeOpen + 0.2), 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#111';
      ctx.beginPath();
      ctx.arc(ex + pose.gazeX * 4, eyeY + pose.gazeY * 3, 2.6, 0, Math.PI * 2);
      ctx.fill();
    }
    // brows: inner end rises with browRaise
    ctx.strokeStyle = look.hair === '#d9d9d9' ? '#9a9a9a' : look.hair;
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.beginPath();
    const inner = -20 - pose.browRaise * 7;
    const outer = -18 + pose.browRaise * 2;
    ctx.moveTo(side * 14, inner);
    ctx.quadraticCurveTo(side * 26, -24 - pose.browRaise * 4, side * 38, outer);
    ctx.stroke();
  }
  // nose
  ctx.strokeStyle = 'rgba(0,0,0,0.15)';
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  ctx.moveTo(0, 8);
  ctx.quadraticCurveTo(-5, 22, 2, 26);
  ctx.stroke();
  // mouth
  const mouthY = 44;
  const open = pose.mouthOpen * 14;
  const curve = pose.smile * 10;
  ctx.fillStyle = '#7a2e33';
  ctx.strokeStyle = '#7a2e33';
  ctx.lineWidth = 3.5;
  ctx.beginPath();
  ctx.moveTo(-20, mouthY - curve * 0.4);
  ctx.quadraticCurveTo(0, mouthY + curve, 20, mouthY - curve * 0.4);
  if (open > 1) {
    ctx.quadraticCurveTo(0, mouthY + curve + open * 2, -20, mouthY - curve * 0.4);
    ctx.fill();
    ctx.fillStyle = '#fff';
    ctx.fillRect(-10, mouthY + curve * 0.2 - 1, 20, Math.min(4, open / 2));
  } else {
    ctx.stroke();
  }
  ctx.restore();
}
