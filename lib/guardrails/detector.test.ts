import { beforeAll, describe, expect, test } from 'vitest';

import { detectCrisis, warmUpGuardrails } from './detector';
import { clauses, normalizeText } from './normalize';

// Compiling the lexicons takes a while on a busy machine; not part of any test's time.
beforeAll(() => warmUpGuardrails(), 60_000);

describe('normalizeText', () => {
  test.each([
    ['I can’t go on', 'i cannot go on'],
    ['im done, dont care', 'i am done, do not care'],
    ['My mum’s boyfriend', 'my mother s boyfriend'],
    ['kms 😭😭', 'kill myself'],
  ])('%j → %j', (input, expected) => expect(normalizeText(input)).toBe(expected));

  test('clauses split at sentence punctuation and "but"', () => {
    expect(clauses(normalizeText('I was sad. But I am fine now; really'))).toEqual(['i was sad', 'i am fine now', 'really']);
  });
});

describe('detectCrisis: crises', () => {
  test.each([
    // self-harm, direct and indirect, any case and punctuation
    ['I want to kill myself', 'self-harm'],
    ['i dont see the point of going on', 'self-harm'],
    ['Everyone would be better off without me.', 'self-harm'],
    ['I took all my pills', 'self-harm'],
    ['i wish i could sleep and never wake up', 'self-harm'],
    ['I have been giving away my stuff, I won’t need it', 'self-harm'],
    ['nobody would even notice if i disappeared forever', 'self-harm'],
    ['I’m not suicidal. But I have been thinking about ending it', 'self-harm'],
    ['I feel hopeless and I honestly can’t do this anymore', 'self-harm'],
    ['kms', 'self-harm'],
    ['My friend texted that she is going to kill herself', 'self-harm'],
    // harm to others
    ['I’m going to kill my neighbour', 'harm-to-others'],
    ['im bringing a knife to school tomorrow', 'harm-to-others'],
    ['I keep having thoughts about hurting my baby', 'harm-to-others'],
    // abuse
    ['My husband hits me when he drinks', 'abuse'],
    ['i’m scared to go home, he said he would hurt me if I left', 'abuse'],
    ['My uncle touches me and says it’s our secret', 'abuse'],
    ['my son takes my pension and won’t let me use the phone', 'abuse'],
    // medical emergency
    ['I think I’m having a heart attack', 'medical-emergency'],
    ['my dad collapsed and is not breathing', 'medical-emergency'],
    ['My toddler swallowed bleach', 'medical-emergency'],
    ['my face is drooping and my words are slurred', 'medical-emergency'],
    ['My son took too many pills by accident', 'medical-emergency'],
  ])('%j → %s', (text, category) => {
    const result = detectCrisis(text);
    expect(result.crisis).toBe(true);
    expect(result.category).toBe(category);
    expect(result.confidence).toBeGreaterThanOrEqual(0.5);
    expect(result.evidence.length).toBeGreaterThan(0);
  });
});

describe('detectCrisis: not crises', () => {
  test.each([
    // idioms with alarming words
    'This traffic is killing me',
    'I could murder a pizza',
    'I’m dying to see it',
    'My phone died',
    'Kill the lights please',
    'That comedian absolutely killed it',
    'I nearly died laughing',
    'my boss will kill me if i am late again',
    'I could strangle my brother for eating my chips',
    'the bill gave me a heart attack',
    'I couldn’t breathe I was laughing so hard',
    'My character died in the game again',
    // negation and denial
    'I’m not suicidal, just tired',
    'I would never hurt myself',
    'My husband would never hit me',
    'no thoughts of suicide at all',
    // talking about a topic, the past, or everyday hurts
    'I watched a documentary about suicide',
    'In the movie the villain poisons the king',
    'What are the signs of a stroke?',
    'I used to self-harm years ago but I’m doing well now',
    'I cut myself while chopping onions',
    'I’m ending things with my boyfriend',
    'I won’t be around next week, I’m on holiday',
    'my brother punched me in the arm for a joke',
    'I am so tired of this rain',
  ])('%j', (text) => {
    const result = detectCrisis(text);
    expect(result).toMatchObject({ crisis: false, category: null });
  });
});
