'use client';
import { useEffect, useRef } from 'react';
import { drawFace2d } from '@/lib/avatar/draw-face-2d';
import { EMOTION_RECIPES, emotionForPhase, springStep, type FacePose } from '@/lib/avatar/face-pose';
import type { CallStore } from '@/lib/call/store';
import type { LiveMetrics } from '@/lib/perception/live';
import type { Persona } from '@/lib/persona/types';

interface Props {
  persona: Persona;
  store: CallStore;
  metrics: LiveMetrics;
}

/**
 * The live companion face (2D). Reads the call phase and voice level with getState() inside its
 * own animation loop — no React state per frame. The 3D head (avatar issue) replaces the drawing.
 */
export function CompanionFace({ persona, store, metrics }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const pose: FacePose = { smile: 0, mouthOpen: 0, browRaise: 0, eyeOpen: 1, gazeX: 0, gazeY: 0, tilt: 0 };
    const velocity = { smile: 0, mouthOpen: 0, browRaise: 0, gazeX: 0, gazeY: 0, tilt: 0 };
    let nextBlink = performance.now() + 2000 + Math.random() * 4000;
    let blinkStart = -1;
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
      const dt = Math.min(0.1, (now - last) / 1000);
      last = now;
      const phase = store.getState().phase;
      const recipe = EMOTION_RECIPES[emotionForPhase(phase)];
      const speaking = phase === 'speaking';
      const targets = {
        smile: recipe.smile,
        mouthOpen: speaking ? metrics.speechLevel : 0,
        browRaise: recipe.browRaise,
        gazeX: phase === 'thinking' ? 0.7 : Math.sin(now / 2300) * 0.12,
        gazeY: phase === 'thinking' ? -0.6 : Math.sin(now / 3100) * 0.08,
        tilt: recipe.tilt + Math.sin(now / 4000) * 0.015,
      };
      for (const key of Object.keys(targets) as (keyof typeof targets)[]) {
        const [x, v] = springStep(pose[key], velocity[key], targets[key], dt, key === 'mouthOpen' ? 30 : 8);
        pose[key] = x;
        velocity[key] = v;
      }
      // Blink: 150 ms close-open every 2–6 s; breathing nudges the eyes very slightly.
      if (blinkStart < 0 && now >= nextBlink) blinkStart = now;
      let blink = 0;
      if (blinkStart >= 0) {
        const t = (now - blinkStart) / 150;
        blink = t < 1 ? Math.sin(t * Math.PI) : 0;
        if (t >= 1) {
          blinkStart = -1;
          nextBlink = now + 2000 + Math.random() * 4000;
        }
      }
      pose.eyeOpen = recipe.eyeOpen * (1 - blink);
      drawFace2d(ctx, size, persona.look, pose);
    };
    frame = requestAnimationFrame(loop);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [persona, store, metrics]);

  return <canvas ref={canvasRef} className="companion-face" data-testid="companion-face" role="img" aria-label={`${persona.name}’s face`} />;
}
