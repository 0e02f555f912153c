import Link from 'next/link';
import { PersonaPortrait } from '@/components/avatar/persona-portrait';
import type { Persona } from '@/lib/persona/types';

export function PersonaCard({ persona, onDelete }: { persona: Persona; onDelete?: () => void }) {
  return (
    <li className="persona-card" data-testid={`persona-${persona.id}`}>
      <PersonaPortrait look={persona.look} name={persona.name} />
      <div className="persona-body">
        <h3>{persona.name}</h3>
        <p className="persona-tagline">{persona.tagline}</p>
        <p className="persona-good"><span>Good for:</span> {persona.goodFor}</p>
      </div>
      <div className="persona-actions">
        <Link className="primary button-link" href={`/call/${encodeURIComponent(persona.id)}`} data-testid={`start-${persona.id}`} aria-label={`Start call with ${persona.name}`}>
          Start call
        </Link>
        {onDelete && (
          <button type="button" className="link-button" onClick={onDelete} aria-label={`Delete ${persona.name}`}>Delete</button>
        )}
      </div>
    </li>
  );
}
