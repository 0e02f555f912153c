import { createJSONStorage, persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { browserLocalStorage, safeStorage } from '../storage/safe-storage';
import { reportStorageError } from '../storage/notices';
import type { Persona } from './types';

interface PersonaState {
  custom: Persona[];
  add(persona: Persona): void;
  remove(id: string): void;
}

/** Personas the user created, stored on this device only. */
export const personaStore = createStore<PersonaState>()(
  persist(
    (set, get) => ({
      custom: [],
      add: (persona) => set({ custom: [...get().custom.filter((p) => p.id !== persona.id), persona] }),
      remove: (id) => set({ custom: get().custom.filter((p) => p.id !== id) }),
    }),
    {
      name: 'kin.personas',
      version: 1,
      storage: createJSONStorage(() => safeStorage(browserLocalStorage, reportStorageError)),
      skipHydration: true,
      partialize: (s) => ({ custom: s.custom }),
    },
  ),
);
