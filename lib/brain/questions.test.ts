import { describe, expect, test } from 'vitest';
import { classifyQuestion, combineFollowUp, decision, followUpOf, suggestionTopic } from './questions';

describe('question sub-intents', () => {
  test.each([
    ['How are you?', 'companion'],
    ['What do you like doing?', 'companion'],
    ['Do you like music?', 'companion'],
    ['Are you still there?', 'companion'],
    ['Do you think I should call my sister tonight?', 'advice'],
    ['Should I take the job in Leeds or stay here?', 'advice'],
    ['How do I stay motivated when revising?', 'advice'],
    ['What should I do about it?', 'advice'],
    ['What should I cook for dinner?', 'suggestion'],
    ['Any ideas for the weekend?', 'suggestion'],
    ['What should I do this evening?', 'suggestion'],
    ['Can you remind me what we talked about last time?', 'memory'],
    ["Do you remember my daughter's name?", 'memory'],
    ["What's 12 times 7?", 'arithmetic'],
    ['Is it going to rain?', 'live'],
    ["What's the weather going to be like tomorrow?", 'live'],
    ['What is the capital of Australia?', 'fact'],
    ['Can you explain photosynthesis to me?', 'fact'],
    ['Who won the football last night?', 'live'],
    ['Do you think my shoes match?', null], // an opinion it cannot give: the honest fallback, not 'live'
    ['Is that strange?', null],
  ])('%j → %s', (text, kind) => {
    expect(classifyQuestion(text)).toBe(kind);
  });

  test('decision questions become the options to weigh', () => {
    expect(decision('Do you think I should call my sister tonight?')).toEqual(['call my sister tonight']);
    expect(decision('Should I take the job in Leeds or stay here?')).toEqual(['take the job in Leeds', 'stay here']);
    expect(decision('What should I cook?')).toBeNull();
  });

  test('suggestion topics', () => {
    expect(suggestionTopic('what should I cook tonight')).toBe('food');
    expect(suggestionTopic('any good books you would recommend?')).toBe('read');
    expect(suggestionTopic('what should I do about my boss')).toBeNull();
  });

  test('short follow-ups and how they combine with the previous question', () => {
    expect(followUpOf('Why?')).toEqual({ kind: 'why', rest: '' });
    expect(followUpOf('and what about tomorrow?')).toEqual({ kind: 'about', rest: 'tomorrow' });
    expect(followUpOf('Any other ideas?')).toEqual({ kind: 'more', rest: '' });
    expect(followUpOf('Why is the sky blue and the grass green and the sea so very salty?')).toBeNull();
    expect(combineFollowUp('Is it going to rain today?', 'tomorrow')).toBe('Is it going to rain tomorrow?');
    expect(combineFollowUp('Is it going to rain?', 'tomorrow')).toBe('Is it going to rain tomorrow?');
  });
});
