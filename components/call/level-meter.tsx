'use client';
import { useEffect, useRef } from 'react';
import type { LiveMetrics } from '@/lib/perception/live';

/** Mic level bar, animated from the live metrics in its own rAF loop (no React state per frame). */
export function LevelMeter({ metrics }: { metrics: LiveMetrics }) {
  const barRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let frame = 0;
    let shown = -1;
    const loop = () => {
      frame = requestAnimationFrame(loop);
      const level = Math.round(metrics.micLevel * 100);
      if (level !== shown && barRef.current) {
        shown = level;
        barRef.current.style.transform = `scaleX(${level / 100})`;
        barRef.current.parentElement?.setAttribute('aria-valuenow', String(level));
        barRef.current.parentElement?.setAttribute('data-level', String(level));
      }
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, [metrics]);
  return (
    <div className="level-meter" role="meter" aria-label="Microphone level" aria-valuemin={0} aria-valuemax={100} aria-valuenow={0} data-testid="mic-level" data-level="0">
      <div ref={barRef} className="level-bar" />
    </div>
  );
}
