import { isTraitVector } from './traits';
import type { Persona, PersonaLook, TraitVector } from './types';

export interface PersonaDraft {
  name: string;
  description: string;
  traits: string;
}

export type DraftErrors = Partial<Record<keyof PersonaDraft, string>>;

/** Checks a "create your own persona" form; returns field → message for each problem. */
export function validateDraft(draft: PersonaDraft): DraftErrors {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Give your companion a name.';
  else if (name.length > 40) errors.name = 'Keep the name under 40 characters.';
  if (!draft.description.trim()) errors.description = 'Describe your companion in a sentence or two.';
  else if (draft.description.trim().length > 400) errors.description = 'Keep the description under 400 characters.';
  const traits = parseTraits(draft.traits);
  if (traits.length > 8) errors.traits = 'Use at most 8 traits.';
  else if (traits.some((t) => t.length > 30)) errors.traits = 'Keep each trait under 30 characters.';
  return errors;
}

/** "warm, funny;  direct" → ["warm", "funny", "direct"] */
export function parseTraits(text: string): string[] {
  return text.split(/[,;\n]/).map((t) => t.trim()).filter(Boolean);
}

const LOOKS: readonly PersonaLook[] = [
  { skin: '#d8a47f', hair: '#3b2a20', eyes: '#4b3621', background: '#e8f0fb', faceWidth: 0.8, hairStyle: 'short' },
  { skin: '#a86b4c', hair: '#121010', eyes: '#2a1a10', background: '#fbeaf0', faceWidth: 0.78, hairStyle: 'long' },
  { skin: '#f0c8a8', hair: '#c98b3a', eyes: '#3f6e8c', background: '#eaf6ef', faceWidth: 0.84, hairStyle: 'curly' },
];

/** Builds a persona from a valid draft. `idSuffix` keeps ids unique (random in the app, fixed in tests); an invalid trait vector is left out (the style default applies). */
export function personaFromDraft(draft: PersonaDraft, idSuffix: string, traitVector?: TraitVector): Persona {
  const name = draft.name.trim();
  const slug = name.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'companion';
  const description = draft.description.trim();
  const traits = parseTraits(draft.traits);
  const lookIndex = [...name].reduce((a, c) => a + c.charCodeAt(0), 0) % LOOKS.length;
  return {
    id: `my-${slug}-${idSuffix}`,
    name,
    tagline: description.split(/(?<=[.!?])\s/)[0].slice(0, 120),
    goodFor: traits.length ? traits.join(', ') : 'Whatever you made it for',
    description,
    traits,
    style: 'custom',
    look: LOOKS[lookIndex],
    voice: { espeak: lookIndex === 1 ? 'en+f3' : 'en-us', rate: 170, pitch: 50 },
    custom: true,
    ...(isTraitVector(traitVector) ? { traitVector: { ...traitVector } } : {}),
  };
}
