import { describe, expect, test } from 'vitest';
import { parseTraits, personaFromDraft, validateDraft } from './custom';

describe('custom personas', () => {
  test('validates required fields and limits', () => {
    expect(validateDraft({ name: '', description: '', traits: '' })).toEqual({
      name: 'Give your companion a name.',
      description: 'Describe your companion in a sentence or two.',
    });
    expect(validateDraft({ name: 'Ada', description: 'A patient maths tutor.', traits: 'a,b,c,d,e,f,g,h,i' }).traits).toBe('Use at most 8 traits.');
    expect(validateDraft({ name: 'Ada', description: 'A patient maths tutor.', traits: 'kind, exact' })).toEqual({});
  });

  test('parses traits from commas, semicolons and lines', () => {
    expect(parseTraits(' warm, funny;  direct\n\nkind ')).toEqual(['warm', 'funny', 'direct', 'kind']);
  });

  test('builds a persona with a url-safe id and a tagline from the first sentence', () => {
    const p = personaFromDraft({ name: 'Zoë Ångström', description: 'A gardener who loves roses. Talks slowly.', traits: 'calm, kind' }, 'x1');
    expect(p.id).toBe('my-zoe-angstrom-x1');
    expect(p.tagline).toBe('A gardener who loves roses.');
    expect(p.traits).toEqual(['calm', 'kind']);
    expect(p.custom).toBe(true);
  });

  test('keeps a valid trait vector from the sliders and drops an invalid one', () => {
    const draft = { name: 'Ada', description: 'A patient maths tutor.', traits: '' };
    const vector = { warmth: 0.2, energy: 0.9, humour: 0, formality: 1, verbosity: 0.1, directness: 0.5, curiosity: 0.5 };
    expect(personaFromDraft(draft, 'a', vector).traitVector).toEqual(vector);
    expect(personaFromDraft(draft, 'b', { ...vector, energy: 3 }).traitVector).toBeUndefined();
    expect(personaFromDraft(draft, 'c').traitVector).toBeUndefined();
  });
});
