import { describe, expect, test } from 'vitest';
import { answerMemoryQuestion, findRelationName, naturalDay, parseMemoryQuestion, sayMemory } from './memory-answers';

const NOW = new Date(2026, 11, 4, 12); // Friday 4 December 2026

describe('memory answers', () => {
  test.each([
    ["What's my daughter's name?", { type: 'relation-name', relation: 'daughter' }],
    ['Do you remember my son’s name?', { type: 'relation-name', relation: 'son' }],
    ['Who is my neighbour?', { type: 'relation-name', relation: 'neighbour' }],
    ['What did we talk about last time?', { type: 'recap' }],
    ['Can you remind me what we talked about?', { type: 'recap' }],
    ['Do you remember my trip to Rome?', { type: 'topic', topic: 'my trip to rome' }],
    ["What's my name?", { type: 'own-name' }],
    ['What should I cook?', null],
  ])('%j', (text, parsed) => {
    expect(parseMemoryQuestion(text)).toEqual(parsed);
  });

  test.each([
    ['2026-12-04', 'today'],
    ['2026-12-05', 'tomorrow'],
    ['2026-12-03', 'yesterday'],
    ['2026-12-08', 'on Tuesday'],
    ['2026-12-01', 'last Tuesday'],
    ['2026-11-21', 'on Saturday the 21st'],
    ['2026-03-02', 'on Monday 2 March'],
  ])('%s is said as %j', (iso, said) => {
    expect(naturalDay(iso, NOW)).toBe(said);
  });

  test('finds a relation’s name in the record shapes lib/memory writes', () => {
    expect(findRelationName('daughter', ["Lily is the user's daughter"])).toBe('Lily');
    expect(findRelationName('sister', ['My sister [Anna (sister)] called.'])).toBe('Anna');
    expect(findRelationName('sister', ['My sister Anna is visiting on Saturday [2026-11-28].'])).toBe('Anna');
    expect(findRelationName('mum', ['Rosa, my mother, loves roses'])).toBe('Rosa');
    expect(findRelationName('brother', ["Lily is the user's daughter"])).toBeNull();
  });

  test('says a memory in the second person, with names inline and past plans in the past tense', () => {
    expect(sayMemory('My sister [Anna (sister)] is visiting on Saturday [2026-11-28].', NOW)).toBe('your sister Anna was visiting last Saturday');
    expect(sayMemory('She [Anna (sister)] is visiting on Saturday [2026-11-21].', NOW)).toBe('Anna was visiting on Saturday the 21st');
    expect(sayMemory('Works as a nurse', NOW)).toBe('you work as a nurse');
    expect(sayMemory("Biscuit is the user's dog", NOW)).toBe('Biscuit is your dog');
  });

  test('a recap says what the user told, not what they asked (spoken questions have no question mark)', () => {
    const answer = answerMemoryQuestion({ type: 'recap' }, {
      now: NOW,
      memories: ['do you think i should call my sister tonight', 'i had a really long day at work'],
      earlierUserTurns: ['what should i cook for dinner tonight', 'we baked bread together on sunday'],
    });
    expect(answer).toEqual({ type: 'recap', facts: ['you had a really long day at work'], earlierToday: 'you baked bread together on sunday' });
  });

  test('a recap skips rules about style and facts another memory already covers', () => {
    const answer = answerMemoryQuestion({ type: 'recap' }, { now: NOW, memories: ['Prefers short answers', "Anna is the user's sister", 'My sister Anna is visiting on Saturday [2026-12-05].'] });
    expect(answer).toEqual({ type: 'recap', facts: ['your sister Anna is visiting tomorrow'], earlierToday: null });
  });
});
