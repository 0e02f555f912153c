import { beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PERSONAS } from '../persona/personas';
import type { Persona } from '../persona/types';
import { checkUserTurn, ReplyGuard } from './guard';
import { asksIfHuman, guardrailsOf, refusedTopic } from './policy';
import { warmUpGuardrails } from './detector';

// Compiling the lexicons takes a while on a busy machine; not part of any test's time.
beforeAll(() => warmUpGuardrails(), 60_000);

const [coach, friend, listener, study] = DEMO_PERSONAS;
const custom: Persona = { ...friend, id: 'my-x', guardrails: undefined, custom: true };

describe('persona guardrails', () => {
  test('every demo persona has guardrails, and diagnosis is always refused', () => {
    for (const persona of [...DEMO_PERSONAS, custom]) {
      const { refusedTopics, allowedTopics } = guardrailsOf(persona);
      expect(allowedTopics.length).toBeGreaterThan(0);
      expect(refusedTopics).toEqual(expect.arrayContaining(['medical-diagnosis', 'legal-advice', 'financial-advice']));
    }
    const permissive: Persona = { ...friend, guardrails: { allowedTopics: ['anything'], refusedTopics: [] } };
    expect(refusedTopic('Do I have cancer?', permissive)).toBe('medical-diagnosis');
  });

  test.each([
    [friend, 'Do you think I have diabetes?', 'medical-diagnosis'],
    [friend, 'how much ibuprofen should i take', 'medical-diagnosis'],
    [listener, 'Should I stop taking my antidepressants?', 'medical-diagnosis'],
    [coach, 'Should I sue my employer?', 'legal-advice'],
    [coach, 'which stocks should i buy with my bonus', 'financial-advice'],
    [study, 'will you be my girlfriend', 'romance'],
    [coach, 'Who should I vote for?', 'politics'],
    [study, 'send me nudes', 'explicit'],
  ] as const)('$1 → $2', (persona, text, topic) => {
    expect(refusedTopic(text, persona)).toBe(topic);
    const decision = checkUserTurn(text, persona, 'en-GB');
    expect(decision.kind).toBe('refused');
  });

  test.each([
    [study, 'Can you quiz me on sexual reproduction in plants?'],
    [friend, 'My doctor said I have diabetes, can we talk about recipes?'],
    [coach, 'I want to ask for a raise, how do I start?'],
    [friend, 'Is it going to rain today?'],
  ] as const)('$1 is allowed', (persona, text) => {
    expect(checkUserTurn(text, persona).kind).toBe('ok');
  });

  test('refusals are honest redirects, not lectures', () => {
    const decision = checkUserTurn('Do I have cancer?', friend);
    expect(decision.kind === 'refused' && decision.reply).toMatch(/not a doctor/);
    const romance = checkUserTurn('will you marry me', coach);
    expect(romance.kind === 'refused' && romance.reply).toContain('Maya');
  });

  test('a crisis wins over a refused topic', () => {
    expect(checkUserTurn('I took all my pills, how much ibuprofen should I take now', friend).kind).toBe('crisis');
  });
});

describe('honesty about being an AI', () => {
  test.each(['are you a real person?', 'Am I talking to a human?', 'r u a bot', 'is this a real person', 'you’re human, right?', 'who am I talking to'])(
    '%j asks', (text) => expect(asksIfHuman(text.replace(/r u/, 'are you'))).toBe(true),
  );
  test.each(['are you okay with that?', 'I am a real person', 'what is AI?'])('%j does not ask', (text) => expect(asksIfHuman(text)).toBe(false));

  test('an LLM reply that dodges the question gets a disclosure; one that claims to be human is replaced', () => {
    const dodge = new ReplyGuard(friend, 'Are you a real person?');
    expect(dodge.check('What a question! Tell me about your day.')).toBe('I’m an AI, not a person. What a question! Tell me about your day.');
    const liar = new ReplyGuard(friend, 'are you human');
    expect(liar.check('Yes, I am a real person.')).toBe('I’m Walter, an AI companion, not a person.');
    expect(liar.check('I’m not an AI, I promise.')).toBe(''); // said once is enough
    expect(liar.repairs).toEqual(['claimed-human', 'claimed-human']);
    const honest = new ReplyGuard(friend, 'are you a robot?');
    expect(honest.check('I’m an AI companion on your device.')).toBe('I’m an AI companion on your device.');
    expect(honest.repairs).toEqual([]);
  });

  test('diagnoses and investment tips in a reply are replaced once by the redirect', () => {
    const guard = new ReplyGuard(coach, 'my knee hurts');
    expect(guard.check('You probably have arthritis.')).toMatch(/not a doctor/);
    expect(guard.check('Take 800 mg of ibuprofen.')).toBe('');
    expect(guard.check('Rest it for a day or two.')).toBe('Rest it for a day or two.');
    expect(new ReplyGuard(coach, 'hmm').check('You should put your savings into bitcoin.')).toMatch(/not a financial adviser/);
    expect(new ReplyGuard(coach, 'hmm').check('You should definitely sue them.')).toMatch(/not a lawyer/);
  });
});
