import { BS } from '@/lib/avatar/arkit';
import type { AvatarDriver } from '@/lib/avatar/driver';

declare global {
  interface Window {
    /** Read-only view of the live face for e2e checks (lip sync against the voice level). */
    __kinFace?: { jawOpen(): number; renderer: 'webgl2' | 'canvas2d' };
  }
}

/** Publishes the face's current jawOpen on `window.__kinFace`; returns the cleanup. */
export function exposeFaceDebug(driver: AvatarDriver, renderer: 'webgl2' | 'canvas2d'): () => void {
  const view = { jawOpen: () => driver.weights[BS.jawOpen], renderer };
  window.__kinFace = view;
  return () => {
    if (window.__kinFace === view) delete window.__kinFace;
  };
}
