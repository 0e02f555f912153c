'use client';
import { Component, lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { probeGl } from '@/lib/avatar/gl-probe';
import { avatarStore as sharedAvatarStore, type AvatarStore } from '@/lib/avatar/store';
import type { CallStore } from '@/lib/call/store';
import type { LiveMetrics } from '@/lib/perception/live';
import type { Persona } from '@/lib/persona/types';
import { CompanionFace2d } from './companion-face-2d';

// three.js + R3F load only when a face is shown (a separate chunk; the landing page never pays).
const CompanionHead3d = lazy(() => import('./companion-head-3d'));

interface Props {
  persona: Persona;
  store: CallStore;
  metrics: LiveMetrics;
  /** Emotion, backchannel, viseme and mirror inputs; defaults to the app's shared avatar store. */
  avatar?: AvatarStore;
}

class FallbackOnError extends Component<{ fallback: ReactNode; onError: () => void; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch() {
    this.props.onError();
  }
  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/**
 * The live companion face. Renders the procedural 3D head when hardware WebGL2 is available and falls
 * back to the 2D face (same driver, same states) when it is not (or is software-only), when three.js fails to load, or when
 * the GL context is lost — the call goes on either way.
 */
export function CompanionFace({ persona, store, metrics, avatar = sharedAvatarStore }: Props) {
  const [renderer, setRenderer] = useState<'pending' | 'webgl2' | 'canvas2d'>('pending');
  useEffect(() => {
    const gl = probeGl();
    // Software WebGL (no GPU, or a blocklisted one) renders on the main thread at 50–250 ms a frame,
    // which stalls captions, audio and input during a call: use the 2D face there.
    setRenderer(gl.webgl2 && !gl.software ? 'webgl2' : 'canvas2d');
  }, []);
  const lowPower = false;

  const flat = <CompanionFace2d persona={persona} store={store} metrics={metrics} avatar={avatar} />;
  if (renderer !== 'webgl2') return flat;
  return (
    <FallbackOnError fallback={flat} onError={() => setRenderer('canvas2d')}>
      <Suspense fallback={flat}>
        <CompanionHead3d persona={persona} store={store} metrics={metrics} avatar={avatar} lowPower={lowPower} onFail={() => setRenderer('canvas2d')} />
      </Suspense>
    </FallbackOnError>
  );
}
