import { describe, expect, test } from 'vitest';
import { computeAdaptation, NO_ADAPTATION } from './adaptation';
import { DEMO_PERSONAS } from './personas';
import { styleInstructions, styleTargets, targetsFromTraits } from './style';
import { isTraitVector, NEUTRAL_TRAITS, traitsOf } from './traits';
import type { TraitVector } from './types';

const vector = (over: Partial<TraitVector>): TraitVector => ({ ...NEUTRAL_TRAITS, ...over });

describe('trait vectors', () => {
  test('the four demo personas have distinct, valid vectors', () => {
    const vectors = DEMO_PERSONAS.map((p) => traitsOf(p));
    vectors.forEach((v) => expect(isTraitVector(v)).toBe(true));
    expect(new Set(vectors.map((v) => JSON.stringify(v))).size).toBe(4);
    const [maya, walter, noor, theo] = vectors;
    expect(noor.energy).toBeLessThan(maya.energy);
    expect(walter.formality).toBeGreaterThan(theo.formality);
    expect(theo.curiosity).toBeGreaterThan(noor.curiosity);
  });

  test('an old custom persona without a vector gets its style default; out-of-range values are clamped', () => {
    expect(traitsOf({ style: 'custom' })).toEqual(NEUTRAL_TRAITS);
    expect(traitsOf({ style: 'custom', traitVector: vector({ warmth: 7, energy: -1 }) })).toMatchObject({ warmth: 1, energy: 0 });
    expect(isTraitVector({ ...NEUTRAL_TRAITS, humour: 1.2 })).toBe(false);
    expect(isTraitVector({ warmth: 0.5 })).toBe(false);
  });
});

describe('traits → style targets', () => {
  test('verbosity sets the length band', () => {
    const brief = targetsFromTraits(vector({ verbosity: 0 }));
    const talkative = targetsFromTraits(vector({ verbosity: 1 }));
    expect(brief.words).toEqual({ min: 2, max: 14 });
    expect(talkative.words).toEqual({ min: 5, max: 70 });
    expect(brief.sentences.max).toBe(2);
    expect(talkative.sentences.max).toBe(5);
  });

  test('energy sets the exclamation allowance, zero for calm personas', () => {
    expect(targetsFromTraits(vector({ energy: 0.2 })).maxExclamationRate).toBe(0);
    expect(targetsFromTraits(vector({ energy: 0.8 })).maxExclamationRate).toBeCloseTo(0.48);
  });

  test('formality sets which register markers are allowed', () => {
    expect(targetsFromTraits(vector({ formality: 0.8 })).formality).toMatchObject({ maxInformal: 0, maxFormal: 3 });
    expect(targetsFromTraits(vector({ formality: 0.2 })).formality).toMatchObject({ maxInformal: 3, maxFormal: 0 });
    expect(targetsFromTraits(vector({ formality: 0.5 })).formality).toMatchObject({ maxInformal: 1, maxFormal: 1 });
  });

  test('curiosity moves the question-rate band', () => {
    const low = targetsFromTraits(vector({ curiosity: 0.1 })).questionRate;
    const high = targetsFromTraits(vector({ curiosity: 0.95 })).questionRate;
    expect(high.min).toBeGreaterThan(low.min);
    expect(high.max).toBeGreaterThan(low.max);
  });

  test('warmth (or a struggling user) requires a caring word; cold wording only for cool personas', () => {
    expect(targetsFromTraits(vector({ warmth: 0.9 })).warmth).toMatchObject({ minWarmWhenUpset: 1, maxCold: 0 });
    expect(targetsFromTraits(vector({ warmth: 0.2 })).warmth).toMatchObject({ minWarmWhenUpset: 0, maxCold: 1 });
    expect(targetsFromTraits(vector({ warmth: 0.2 }), { ...NO_ADAPTATION, softness: 0.8 }).warmth.minWarmWhenUpset).toBe(1);
  });

  test('adaptation shortens the band, removes exclamations and adds the user’s avoided topics', () => {
    const maya = DEMO_PERSONAS[0];
    const usual = styleTargets(maya);
    const adapted = styleTargets(maya, computeAdaptation({ affect: 'looks tired', memories: [{ text: 'Prefers short answers', tier: 'procedural' }, { text: "Don't bring up work", tier: 'procedural' }] }));
    expect(adapted.words.max).toBeLessThan(usual.words.max);
    expect(adapted.sentences.max).toBeLessThanOrEqual(usual.sentences.max);
    expect(usual.maxExclamationRate).toBeGreaterThan(0);
    expect(adapted.maxExclamationRate).toBe(0);
    expect(adapted.forbiddenTopics.map((t) => t.id)).toEqual(expect.arrayContaining(['politics', 'investing', 'work']));
  });

  test('style instructions put the vector and the adaptation into words', () => {
    const noor = styleInstructions(DEMO_PERSONAS[2]);
    expect(noor).toContain('never use exclamation marks');
    expect(noor).toContain('Do not give advice unless asked');
    expect(noor).toMatch(/at most \d+ sentences and at most \d+ words/);
    expect(noor).toContain('Never bring up: medical diagnosis');
    const theo = styleInstructions(DEMO_PERSONAS[3], computeAdaptation({ userText: 'I am so tired', memories: [{ text: 'Call the user Sam' }] }));
    expect(theo).toContain('Talk casually');
    expect(theo).toContain('you seem tired');
    expect(theo).toContain('shorter than usual');
    expect(theo).toContain('Call the user Sam.');
    expect(theo).toContain('No jokes.');
  });
});
