'use client';
import { useFrame, useThree } from '@react-three/fiber';
import { useMemo } from 'react';
import { AdaptiveResolution, type AdaptiveResolutionOptions } from '@/lib/avatar/adaptive-resolution';

/**
 * Inside an R3F canvas: lowers the canvas pixel ratio while frames come slower than the target and
 * raises it again when there is headroom (`AdaptiveResolution`). Reads R3F's frame delta; changes
 * React state only when the ratio changes (a handful of times per call), never per frame.
 */
export function AdaptiveDpr(options: AdaptiveResolutionOptions) {
  const setDpr = useThree((s) => s.setDpr);
  const { minDpr, maxDpr, initialDpr, targetFps } = options;
  const controller = useMemo(() => new AdaptiveResolution({ minDpr, maxDpr, initialDpr, targetFps }), [minDpr, maxDpr, initialDpr, targetFps]);
  useFrame((_, delta) => {
    const next = controller.sample(delta * 1000);
    if (next !== null) setDpr(next);
  }, -2000);
  return null;
}
