'use client';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Color } from 'three';
import { AvatarDriver } from '@/lib/avatar/driver';
import { AvatarInputReader, userSmileFromCamera } from '@/lib/avatar/frame-input';
import type { HeadDetail } from '@/lib/avatar/head-detail';
import { applyRig, buildHead, type HeadRig } from '@/lib/avatar/head-model';
import type { AvatarStore } from '@/lib/avatar/store';
import type { CallStore } from '@/lib/call/store';
import type { LiveMetrics } from '@/lib/perception/live';
import type { PersonaLook } from '@/lib/persona/types';
import { exposeFaceDebug } from './face-debug';

/** Handles a host (the harness, a debug panel) may keep to steer or inspect the face. */
export interface HeadHandles {
  driver: AvatarDriver;
  rig: HeadRig;
}

interface Props {
  look: PersonaLook;
  store: CallStore;
  metrics: LiveMetrics;
  avatar: AvatarStore;
  seed?: number;
  /** Tessellation and lighting level (`light` for software GL). */
  detail?: HeadDetail;
  onReady?: (handles: HeadHandles) => void;
}

/**
 * The head inside the R3F canvas. Each frame reads the call phase, voice level and avatar store
 * with getState(), advances the driver and poses the rig — no React state, no allocation — then
 * renders (priority 1 takes over rendering so hosts can time the whole frame around it).
 */
export function HeadScene({ look, store, metrics, avatar, seed = 1, detail = 'full', onReady }: Props) {
  const rig = useMemo(() => buildHead(look, detail), [look, detail]);
  const driver = useMemo(() => new AvatarDriver(seed, performance.now()), [seed]);
  const reader = useMemo(() => new AvatarInputReader(), []);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);

  useEffect(() => () => rig.dispose(), [rig]);
  useEffect(() => {
    scene.background = new Color(look.background);
    camera.lookAt(0, -0.2, 0);
  }, [scene, camera, look.background]);
  useEffect(() => onReady?.({ driver, rig }), [onReady, driver, rig]);
  useEffect(() => exposeFaceDebug(driver, reader, avatar, 'webgl2'), [driver, reader, avatar]);

  useFrame((state, delta) => {
    const now = performance.now();
    const input = reader.read(now, delta, store.getState().phase, metrics.speechLevel, avatar.getState(), userSmileFromCamera(metrics.faces, metrics.userBlendshapes));
    driver.update(now, input);
    applyRig(rig, driver);
    state.gl.render(state.scene, state.camera);
  }, 1);

  return <primitive object={rig.root} />;
}
