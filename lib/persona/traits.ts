import type { Persona, PersonaStyle, TraitVector } from './types';

/** The trait axes in display order, each 0..1. */
export const TRAIT_NAMES = ['warmth', 'energy', 'humour', 'formality', 'verbosity', 'directness', 'curiosity'] as const;
export type TraitName = (typeof TRAIT_NAMES)[number];

/** What each axis means at 0 and at 1, for sliders and docs. */
export const TRAIT_POLES: Record<TraitName, [low: string, high: string]> = {
  warmth: ['matter-of-fact', 'warm'],
  energy: ['calm', 'lively'],
  humour: ['serious', 'playful'],
  formality: ['casual', 'formal'],
  verbosity: ['brief', 'talkative'],
  directness: ['gentle, indirect', 'direct'],
  curiosity: ['lets you lead', 'asks a lot'],
};

/** A middle-of-the-road vector, used for custom personas without one. */
export const NEUTRAL_TRAITS: TraitVector = { warmth: 0.6, energy: 0.5, humour: 0.4, formality: 0.4, verbosity: 0.45, directness: 0.5, curiosity: 0.6 };

/** Vectors for personas saved before trait vectors existed, by conversational style. */
const STYLE_DEFAULTS: Record<PersonaStyle, TraitVector> = {
  coach: { warmth: 0.65, energy: 0.8, humour: 0.3, formality: 0.45, verbosity: 0.35, directness: 0.85, curiosity: 0.6 },
  friend: { warmth: 0.9, energy: 0.3, humour: 0.45, formality: 0.7, verbosity: 0.65, directness: 0.35, curiosity: 0.65 },
  listener: { warmth: 0.85, energy: 0.15, humour: 0.1, formality: 0.45, verbosity: 0.3, directness: 0.2, curiosity: 0.45 },
  study: { warmth: 0.6, energy: 0.75, humour: 0.7, formality: 0.2, verbosity: 0.5, directness: 0.6, curiosity: 0.95 },
  custom: NEUTRAL_TRAITS,
};

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0.5);

/** The persona's trait vector (its own, else the default for its style), every axis clamped to 0..1. */
export function traitsOf(persona: Pick<Persona, 'style' | 'traitVector'>): TraitVector {
  const base = persona.traitVector ?? STYLE_DEFAULTS[persona.style] ?? NEUTRAL_TRAITS;
  const out = { ...NEUTRAL_TRAITS };
  for (const name of TRAIT_NAMES) out[name] = clamp01(base[name] ?? NEUTRAL_TRAITS[name]);
  return out;
}

/** Checks a trait vector from storage or a form: all seven axes present, numbers in 0..1. */
export function isTraitVector(value: unknown): value is TraitVector {
  if (!value || typeof value !== 'object') return false;
  const record = value as Record<string, unknown>;
  return TRAIT_NAMES.every((n) => typeof record[n] === 'number' && record[n] >= 0 && record[n] <= 1);
}
