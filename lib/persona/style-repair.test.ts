import { describe, expect, test } from 'vitest';
import { computeAdaptation } from './adaptation';
import { DEMO_PERSONAS } from './personas';
import { styleTargets } from './style';
import { adjustFormality, repairReply, StyleGuard, truncateSentence, WARM_OPENER } from './style-repair';
import { scoreAgainst, scoreReply } from './style-score';
import { FALLBACK_SENTENCE, TurnStyle } from './turn-style';

const [maya, walter, noor, theo] = DEMO_PERSONAS;

describe('repairReply', () => {
  test('an in-band reply is left alone', () => {
    expect(repairReply('That’s great news! What’s next?', styleTargets(maya))).toEqual({ text: 'That’s great news! What’s next?', repaired: [], inBand: true });
  });

  test('trims length to the band', () => {
    const long = 'You did well today. The plan is clear now. We can meet again soon. Let us look at the numbers. Then we decide.';
    const result = repairReply(long, styleTargets(maya));
    expect(result.inBand).toBe(true);
    expect(result.repaired).toContain('too-many-sentences');
    expect(result.text.startsWith('You did well today.')).toBe(true);
    const words = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ') + '.';
    const cut = repairReply(words, styleTargets(noor));
    expect(cut.inBand).toBe(true);
    expect(cut.text.endsWith('.')).toBe(true);
  });

  test('removes sentences on a forbidden topic and keeps the rest', () => {
    const result = repairReply('Elections are stressful. I’m glad you told me.', styleTargets(walter));
    expect(result).toEqual({ text: 'I’m glad you told me.', repaired: ['forbidden-topic'], inBand: true });
  });

  test('adjusts formality words both ways', () => {
    expect(adjustFormality('Yeah, that is awesome stuff.', styleTargets(walter))).toBe('Yes, that is excellent things.');
    expect(adjustFormality('Certainly, however we shall see.', styleTargets(theo))).toBe('Sure, but we shall see.');
    expect(repairReply('Yeah, that is awesome.', styleTargets(walter))).toMatchObject({ inBand: true, repaired: ['too-informal'] });
  });

  test('keeps one question and turns surplus exclamations into full stops', () => {
    expect(repairReply('How are you? What happened?', styleTargets(maya)).text).toBe('How are you?');
    expect(repairReply('That is lovely!', styleTargets(noor)).text).toBe('That is lovely.');
  });

  test('adds a caring opener when the user is struggling and the reply has no caring words', () => {
    const sad = styleTargets(walter, computeAdaptation({ affect: 'looks worried or sad' }));
    const result = repairReply('What happened next?', sad);
    expect(result.text).toBe(`${WARM_OPENER} What happened next?`);
    expect(result.inBand).toBe(true);
  });

  test('cannot lengthen a reply that is too short: says so', () => {
    expect(repairReply('Fine.', styleTargets(walter))).toMatchObject({ text: 'Fine.', inBand: false, repaired: [] });
  });

  test('truncateSentence cuts at a late comma when there is one', () => {
    expect(truncateSentence('One two three four five, six seven eight nine ten.', 7)).toBe('One two three four five.');
    expect(truncateSentence('Short one.', 5)).toBe('Short one.');
    // Counted as the scorer counts (built-in is two words), never ending on a dangling 'or'.
    expect(truncateSentence('I am the basic built-in brain and cannot reach apps or the internet.', 11)).toBe('I am the basic built-in brain and cannot reach apps.');
    expect(truncateSentence('I can’t do that here, Sam: I’m the basic built-in brain and more.', 9)).toBe('I can’t do that here, Sam.');
  });
});

describe('StyleGuard (streaming)', () => {
  test('decides sentence by sentence and says when the reply is full', () => {
    const guard = new StyleGuard(styleTargets(noor));
    expect(guard.accept('I hear you!')).toBe('I hear you.');
    expect(guard.full).toBe(false);
    expect(guard.accept('Is politics getting you down?')).toBeNull();
    expect(guard.accept('What feels heaviest?')).toBe('What feels heaviest?');
    expect(guard.accept('And what else?')).toBeNull();
    expect(guard.accept('Take your time.')).toBe('Take your time.');
    expect(guard.full).toBe(true);
    expect(guard.accept('That is all.')).toBeNull();
    expect(guard.text).toBe('I hear you. What feels heaviest? Take your time.');
    expect(scoreReply(guard.text, noor).inBand).toBe(true);
    expect(guard.changes).toEqual(['too-many-exclamations', 'forbidden-topic', 'too-many-questions', 'too-many-sentences']);
  });

  test('TurnStyle passes sentences through unchecked for the built-in brain and falls back when everything is dropped', () => {
    const unchecked = new TurnStyle(maya, { userText: 'hi', check: false });
    expect(unchecked.filter(['Vote for anyone!'])).toEqual(['Vote for anyone!']);
    const checked = new TurnStyle(maya, { userText: 'hi', check: true });
    expect(checked.filter(['The election is close.', 'Invest in stocks now.'])).toEqual([]);
    expect(checked.finish()).toEqual([FALLBACK_SENTENCE]);
    expect(checked.text('The election is close. Invest in stocks now.')).toBe(FALLBACK_SENTENCE);
    expect(scoreAgainst(FALLBACK_SENTENCE, checked.targets).inBand).toBe(true);
    expect(checked.report(FALLBACK_SENTENCE)).toEqual({ inBand: true, violations: [], repaired: ['forbidden-topic'] });
  });
});
