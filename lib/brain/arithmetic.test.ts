import { describe, expect, test } from 'vitest';
import { isArithmeticQuestion, solveArithmetic } from './arithmetic';

describe('arithmetic', () => {
  test.each([
    ["What's 12 times 7?", 84],
    ['what is twelve times seven', 84],
    ['How much is 3 plus 4 times 2?', 11],
    ['100 divided by 8?', 12.5],
    ['what is one hundred and two minus twenty five', 77],
    ['What’s 2,500 + 1,250?', 3750],
    ['What is 9x9?', 81],
  ])('%j = %d', (question, value) => {
    expect(isArithmeticQuestion(question)).toBe(true);
    expect(solveArithmetic(question)?.value).toBe(value);
  });

  test.each(['What time is it?', 'What is 5 divided by 0?', 'I have 3 kids and 2 cats', 'What should I cook for 4 people?'])('%j is not a sum it answers', (question) => {
    expect(isArithmeticQuestion(question)).toBe(false);
  });

  test('says the expression back in words', () => {
    expect(solveArithmetic('whats 12*7')?.expression).toBe('12 times 7');
  });
});
