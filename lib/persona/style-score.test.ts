import { describe, expect, test } from 'vitest';
import { computeAdaptation, NO_ADAPTATION } from './adaptation';
import { DEMO_PERSONAS } from './personas';
import { targetsFromTraits } from './style';
import { COLD_MARKERS, countMarkers, FORMAL_TO_INFORMAL, formalityScore, INFORMAL_TO_FORMAL, phrasePattern, resolveTopics, warmthScore, WARM_MARKERS } from './style-lexicon';
import { countWords, measureReply, scoreAgainst, scoreReply, splitSentences, type StyleViolationType } from './style-score';
import { NEUTRAL_TRAITS } from './traits';

const [maya, walter, noor, theo] = DEMO_PERSONAS;
const types = (reply: string, persona = maya, adaptation = NO_ADAPTATION) => scoreReply(reply, persona, { adaptation }).violations.map((v) => v.type);

describe('measuring a reply', () => {
  test('sentences, words, questions and exclamations', () => {
    expect(splitSentences('Hello, Sam! How are you? I’m fine.')).toEqual(['Hello, Sam!', 'How are you?', 'I’m fine.']);
    expect(splitSentences('No end punctuation')).toEqual(['No end punctuation']);
    expect(countWords("It’s Sam's 2nd try, isn't it?")).toBe(6);
    expect(measureReply('Great! Well done. What next?')).toMatchObject({ words: 5, sentences: 3, questions: 1, exclamations: 1 });
  });

  test('lexicon scores run -1..1 and are 0 without markers', () => {
    expect(formalityScore('Yeah, that’s awesome.').score).toBe(-1);
    expect(formalityScore('Certainly, however we shall see.').score).toBe(1);
    expect(formalityScore('The cat sat.').score).toBe(0);
    expect(warmthScore('I’m so glad, well done.').score).toBe(1);
    expect(warmthScore('Whatever, calm down.').score).toBe(-1);
  });
});

describe('scoreReply: each violation type', () => {
  test('an in-band reply has no violations', () => {
    expect(scoreReply('That’s great news! What would be one small step this week?', maya)).toMatchObject({ inBand: true, violations: [] });
  });

  test.each<[string, string, (typeof DEMO_PERSONAS)[number], StyleViolationType]>([
    ['too-long', Array.from({ length: 12 }, () => 'I think that is a fine idea.').join(' '), maya, 'too-long'],
    ['too-short', 'Ok.', walter, 'too-short'],
    ['too-many-sentences', 'Good. Nice. Fine. Sure.', maya, 'too-many-sentences'],
    ['too-many-questions', 'How are you? What happened?', maya, 'too-many-questions'],
    ['too-many-exclamations (calm persona)', 'That is lovely!', noor, 'too-many-exclamations'],
    ['too-formal (casual persona)', 'Certainly, that is indeed correct.', theo, 'too-formal'],
    ['too-informal (formal persona)', 'Yeah, that is awesome, my friend.', walter, 'too-informal'],
    ['cold wording', 'Whatever, it will pass soon enough.', walter, 'cold-wording'],
    ['forbidden topic', 'You could always invest in bitcoin instead.', maya, 'forbidden-topic'],
  ])('%s', (_name, reply, persona, type) => {
    const score = scoreReply(reply, persona);
    expect(score.inBand).toBe(false);
    expect(score.violations.map((v) => v.type)).toContain(type);
  });

  test('not warm enough only counts when the user is struggling', () => {
    expect(types('What is the next step?', walter)).toEqual([]);
    const sad = computeAdaptation({ affect: 'looks worried or sad' });
    expect(types('What is the next step?', walter, sad)).toContain('not-warm');
    expect(types('I’m sorry. What is the next step?', walter, sad)).not.toContain('not-warm');
  });

  test('a topic the user asked to avoid is a violation; the forbidden-topic violation names it', () => {
    const noWork = computeAdaptation({ memories: [{ text: "Don't bring up my job", tier: 'procedural' }] });
    const score = scoreReply('How is the new job going?', noor, { adaptation: noWork });
    expect(score.violations).toEqual([{ type: 'forbidden-topic', topic: 'my job', sentence: 'How is the new job going?' }]);
  });

  test('exclamations are allowed by rate: one per two sentences for an energetic persona', () => {
    const targets = targetsFromTraits({ ...NEUTRAL_TRAITS, energy: 0.8 });
    expect(scoreAgainst('Great! Well done.', targets).inBand).toBe(true);
    expect(scoreAgainst('Great! Well done!', targets).violations.map((v) => v.type)).toEqual(['too-many-exclamations']);
  });

  test('topic keywords match whole words only', () => {
    const [religion] = resolveTopics(['religion']);
    expect(scoreAgainst('That is a good idea.', { ...targetsFromTraits(NEUTRAL_TRAITS), forbiddenTopics: [religion] }).inBand).toBe(true);
    expect(scoreAgainst('Do you pray?', { ...targetsFromTraits(NEUTRAL_TRAITS), forbiddenTopics: [religion] }).inBand).toBe(false);
  });
});

describe('countMarkers', () => {
  // The word pre-filter must never drop a match the whole-word pattern finds.
  const bruteForce = (text: string, phrases: readonly string[]) => phrases.reduce((n, p) => n + (text.match(phrasePattern(p, 'gi'))?.length ?? 0), 0);
  const texts = [
    'Thank you so much, I’m really glad you came.',
    "Don't worry, it's fine. My friend's dog is OK.",
    'Kindly advise whether the appointment at 3 o’clock suits you; regards.',
    'Yeah, gonna grab a bite, cheers mate!',
    'Whatever. Not my problem.',
    '',
  ];
  test('counts exactly what the whole-word patterns count', () => {
    const lists = [Object.keys(FORMAL_TO_INFORMAL), Object.keys(INFORMAL_TO_FORMAL), WARM_MARKERS, COLD_MARKERS];
    for (const text of texts) for (const list of lists) expect(countMarkers(text, list)).toBe(bruteForce(text, list));
    expect(countMarkers("I can't do that", ["can't"])).toBe(1);
    expect(countMarkers('I can’t do that', ["can't"])).toBe(1);
    expect(countMarkers("my friend's dog", ['friend'])).toBe(1);
    expect(countMarkers('friendly', ['friend'])).toBe(0);
  });
});
