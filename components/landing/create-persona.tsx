'use client';
import { useId, useState, type FormEvent } from 'react';
import { personaFromDraft, validateDraft, type DraftErrors, type PersonaDraft } from '@/lib/persona/custom';
import { personaStore } from '@/lib/persona/store';
import { NEUTRAL_TRAITS } from '@/lib/persona/traits';
import type { TraitVector } from '@/lib/persona/types';
import { TraitSliders } from './trait-sliders';

const EMPTY: PersonaDraft = { name: '', description: '', traits: '' };

/** "Create your own persona": stored on this device only. */
export function CreatePersona() {
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<PersonaDraft>(EMPTY);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const [traitVector, setTraitVector] = useState<TraitVector>(NEUTRAL_TRAITS);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const persona = personaFromDraft(draft, Math.random().toString(36).slice(2, 7), traitVector);
    personaStore.getState().add(persona);
    setSaved(persona.name);
    setDraft(EMPTY);
    setTraitVector(NEUTRAL_TRAITS);
    setOpen(false);
  };
  const field = (key: keyof PersonaDraft) => ({
    id: `${id}-${key}`,
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `${id}-${key}-error` : undefined,
    'data-testid': `persona-${key}`,
  });
  if (!open) {
    return (
      <div className="create-persona">
        {saved && <p role="status" className="saved">{saved} was saved on this device.</p>}
        <button type="button" className="secondary" onClick={() => { setOpen(true); setSaved(null); }} data-testid="create-persona">
          + Create your own companion
        </button>
      </div>
    );
  }
  return (
    <form className="create-persona card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Create your own companion</h3>
      <p className="muted">Saved only in this browser.</p>
      <label htmlFor={`${id}-name`}>Name</label>
      <input type="text" maxLength={60} {...field('name')} />
      {errors.name && <p className="field-error" id={`${id}-name-error`}>{errors.name}</p>}
      <label htmlFor={`${id}-description`}>Who are they, and how should they talk to you?</label>
      <textarea rows={3} maxLength={500} {...field('description')} />
      {errors.description && <p className="field-error" id={`${id}-description-error`}>{errors.description}</p>}
      <label htmlFor={`${id}-traits`}>Traits <span className="muted">(comma-separated, e.g. funny, patient)</span></label>
      <input type="text" {...field('traits')} />
      {errors.traits && <p className="field-error" id={`${id}-traits-error`}>{errors.traits}</p>}
      <TraitSliders value={traitVector} onChange={setTraitVector} />
      <div className="actions">
        <button type="submit" className="primary" data-testid="save-persona">Save companion</button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>Cancel</button>
      </div>
    </form>
  );
}
