'use client';
import { Canvas } from '@react-three/fiber';
import { useEffect, useState, type ReactNode } from 'react';
import { NeutralToneMapping } from 'three';
import type { AvatarStore } from '@/lib/avatar/store';
import type { CallStore } from '@/lib/call/store';
import type { LiveMetrics } from '@/lib/perception/live';
import type { Persona } from '@/lib/persona/types';
import { AdaptiveDpr } from './adaptive-dpr';
import { HeadScene, type HeadHandles } from './head-scene';

export interface CompanionHead3dProps {
  persona: Persona;
  store: CallStore;
  metrics: LiveMetrics;
  avatar: AvatarStore;
  /** Called when WebGL is lost or fails: the host falls back to the 2D face. */
  onFail?: () => void;
  onReady?: (handles: HeadHandles) => void;
  seed?: number;
  /**
   * Software GL: the `light` head (fewer triangles, baked matcap lighting), no MSAA, and a pixel
   * ratio that adapts between 0.3 and 1 to hold 30 fps on a CPU rasteriser.
   */
  lowPower?: boolean;
  /** Extra R3F children (the harness adds frame timers). */
  children?: ReactNode;
}

/** Software GL: start at 0.6× and let the frame rate move the ratio within 0.3–1×. */
const LOW_POWER_DPR = { minDpr: 0.3, maxDpr: 1, initialDpr: 0.6, targetFps: 30 } as const;

/**
 * The 3D companion head (three.js through react-three-fiber). Loaded lazily by CompanionFace so
 * three.js never weighs on pages without a call. Rendering stops while the tab is hidden.
 */
export default function CompanionHead3d({ persona, store, metrics, avatar, onFail, onReady, seed, lowPower = false, children }: CompanionHead3dProps) {
  const [visible, setVisible] = useState(true);
  useEffect(() => {
    const update = () => setVisible(!document.hidden);
    update();
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);

  return (
    <div className="companion-face" style={{ width: '100%', height: '100%' }} data-testid="companion-face" data-renderer="webgl2" role="img" aria-label={`${persona.name}’s face`}>
      <Canvas
        frameloop={visible ? 'always' : 'never'}
        dpr={lowPower ? LOW_POWER_DPR.initialDpr : [1, 1.5]}
        gl={{ antialias: !lowPower, alpha: !lowPower, stencil: true, powerPreference: 'high-performance' }}
        camera={{ fov: 26, position: [0, -0.2, 7.3], near: 0.5, far: 30 }}
        onCreated={({ gl }) => {
          gl.toneMapping = NeutralToneMapping;
          gl.domElement.addEventListener('webglcontextlost', (event) => {
            event.preventDefault();
            onFail?.();
          });
        }}
      >
        <HeadScene look={persona.look} store={store} metrics={metrics} avatar={avatar} seed={seed} detail={lowPower ? 'light' : 'full'} onReady={onReady} />
        {lowPower && <AdaptiveDpr {...LOW_POWER_DPR} />}
        {children}
      </Canvas>
    </div>
  );
}
