'use client';
import { useStore } from 'zustand';
import { personaStore } from '@/lib/persona/store';
import { PersonaCard } from './persona-card';

/** The user's own companions, from this device's storage. */
export function CustomPersonas() {
  const custom = useStore(personaStore, (s) => s.custom);
  if (custom.length === 0) return null;
  return (
    <section aria-labelledby="yours-title">
      <h2 id="yours-title">Your companions</h2>
      <ul className="persona-grid">
        {custom.map((p) => (
          <PersonaCard key={p.id} persona={p} onDelete={() => { if (confirm(`Delete ${p.name} from this device?`)) personaStore.getState().remove(p.id); }} />
        ))}
      </ul>
    </section>
  );
}
