'use client';
import { useEffect, useRef } from 'react';
import { drawFace2d } from '@/lib/avatar/draw-face-2d';
import { AvatarDriver } from '@/lib/avatar/driver';
import type { FacePose } from '@/lib/avatar/face-pose';
import { AvatarInputReader, userSmileFromCamera } from '@/lib/avatar/frame-input';
import { poseFromWeights } from '@/lib/avatar/pose-2d';
import type { AvatarStore } from '@/lib/avatar/store';
import type { CallStore } from '@/lib/call/store';
import type { LiveMetrics } from '@/lib/perception/live';
import type { Persona } from '@/lib/persona/types';
import { exposeFaceDebug } from './face-debug';

interface Props {
  persona: Persona;
  store: CallStore;
  metrics: LiveMetrics;
  avatar: AvatarStore;
}

/**
 * The 2D fallback face (no WebGL2). Driven by the same AvatarDriver as the 3D head, so emotions,
 * blinks, nods, gaze and lip sync match; reads stores with getState() in its own rAF loop.
 */
export function CompanionFace2d({ persona, store, metrics, avatar }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const driver = new AvatarDriver((Math.random() * 1e9) | 0, performance.now());
    const reader = new AvatarInputReader();
    const pose: FacePose = { smile: 0, mouthOpen: 0, browRaise: 0, eyeOpen: 1, gazeX: 0, gazeY: 0, tilt: 0 };
    let last = performance.now();
    let size = 0;
    let frame = 0;
    const resize = () => {
      const rect = canvas.getBoundingClientRect();
      const dpr = Math.min(2, window.devicePixelRatio || 1);
      size = Math.max(1, Math.min(rect.width, rect.height));
      canvas.width = Math.round(size * dpr);
      canvas.height = Math.round(size * dpr);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    };
    resize();
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    const loop = (now: number) => {
      frame = requestAnimationFrame(loop);
      if (document.hidden) return;
      const dt = Math.min(0.1, (now - last) / 1000);
      last = now;
      driver.update(now, reader.read(now, dt, store.getState().phase, metrics.speechLevel, avatar.getState(), userSmileFromCamera(metrics.faces, metrics.userBlendshapes)));
      poseFromWeights(driver, pose);
      drawFace2d(ctx, size, persona.look, pose);
    };
    frame = requestAnimationFrame(loop);
    const unexpose = exposeFaceDebug(driver, reader, avatar, 'canvas2d');
    return () => {
      unexpose();
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [persona, store, metrics, avatar]);

  return <canvas ref={canvasRef} className="companion-face" style={{ width: '100%', height: '100%', display: 'block' }} data-testid="companion-face" data-renderer="canvas2d" role="img" aria-label={`${persona.name}’s face`} />;
}
