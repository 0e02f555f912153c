'use client';
import { useEffect } from 'react';
import { personaStore } from '@/lib/persona/store';
import { settingsStore } from '@/lib/settings/store';

/** Loads persisted settings and personas after the first render (no hydration mismatch). */
export function StoreHydrator() {
  useEffect(() => {
    void settingsStore.persist.rehydrate();
    void personaStore.persist.rehydrate();
  }, []);
  return null;
}
