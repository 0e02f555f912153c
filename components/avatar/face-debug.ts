import { BS } from '@/lib/avatar/arkit';
import type { AvatarDriver } from '@/lib/avatar/driver';
import type { AvatarInputReader } from '@/lib/avatar/frame-input';
import type { AvatarStore } from '@/lib/avatar/store';

declare global {
  interface Window {
    /** Read-only view of the live face for e2e checks (lip sync against the voice level). */
    __kinFace?: { jawOpen(): number; frameAtMs(): number; renderer: 'webgl2' | 'canvas2d'; lipSource(): AvatarInputReader['lipSource']; heardJawOpen(): number | null };
  }
}

/** Publishes the face's current jawOpen and what shaped the mouth on `window.__kinFace`; returns the cleanup. */
export function exposeFaceDebug(driver: AvatarDriver, reader: AvatarInputReader, avatar: AvatarStore, renderer: 'webgl2' | 'canvas2d'): () => void {
  const view = {
    jawOpen: () => driver.weights[BS.jawOpen],
    // When the face last updated (performance.now() ms): a sample taken while frames stall shows a stale face.
    frameAtMs: () => driver.lastUpdateMs(),
    renderer,
    lipSource: () => reader.lipSource,
    // What the phoneme track asks for at the moment the listener hears it (the reference for the offset).
    heardJawOpen: () => reader.heardJawOpen(performance.now(), avatar.getState()),
  };
  window.__kinFace = view;
  return () => {
    if (window.__kinFace === view) delete window.__kinFace;
  };
}
