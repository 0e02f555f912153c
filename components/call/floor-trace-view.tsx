'use client';
import { useEffect, useRef, useState } from 'react';
import type { FloorTrace } from '@/lib/call/floor-trace';

const SECONDS = 10;
const EVENT_COLOURS: Record<string, string> = {
  'user-start': '#2e7d32',
  'user-pause': '#9e9e9e',
  speculate: '#f9a825',
  commit: '#1565c0',
  cancel: '#c62828',
  backchannel: '#6a1b9a',
  'barge-in': '#d84315',
};

/**
 * Live trace of the turn detector's floor probability (the last 10 s) with its events marked, drawn
 * on a canvas from the FloorTrace ring buffer by requestAnimationFrame — no React state per sample.
 */
export function FloorTraceView({ trace }: { trace: FloorTrace }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [events, setEvents] = useState('');
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let frame = 0;
    const draw = () => {
      frame = requestAnimationFrame(draw);
      if (document.hidden) return;
      const { width, height } = canvas;
      const end = trace.latestTime;
      const x = (t: number) => width - ((end - t) / SECONDS) * width;
      ctx.clearRect(0, 0, width, height);
      ctx.fillStyle = 'rgba(46,125,50,0.18)';
      trace.forEach((t, _p, speech) => {
        if (speech) ctx.fillRect(x(t), 0, Math.max(1, width / (SECONDS * 20)), height);
      });
      ctx.strokeStyle = '#5aa9ff';
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      let first = true;
      trace.forEach((t, p) => {
        const px = x(t);
        const py = height - p * (height - 2) - 1;
        if (first) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
        first = false;
      });
      ctx.stroke();
      for (const event of trace.events) {
        if (end - event.time > SECONDS) continue;
        ctx.fillStyle = EVENT_COLOURS[event.type] ?? '#000';
        ctx.fillRect(x(event.time) - 1, 0, 2, height);
      }
    };
    draw();
    const timer = setInterval(() => setEvents(trace.events.slice(-6).map((e) => e.type).join(' · ')), 500);
    return () => {
      cancelAnimationFrame(frame);
      clearInterval(timer);
    };
  }, [trace]);
  return (
    <figure className="floor-trace">
      <canvas ref={canvasRef} width={320} height={60} role="img" aria-label="Floor probability over the last 10 seconds" />
      <figcaption>
        Floor probability (blue), your speech (green band), events: <span data-testid="hud-floor-events">{events || 'none yet'}</span>
      </figcaption>
    </figure>
  );
}
