import { describe, expect, test } from 'vitest';
import { EntityRegistry, relationGender } from './coref';

/** Feeds turns in order; returns what each listed mention of the last turn resolves to (label). */
function resolveLast(turns: string[], speakers: string[] = []): Record<string, string> {
  const registry = new EntityRegistry();
  let last: ReturnType<EntityRegistry['resolve']> = [];
  for (const t of turns) last = registry.resolve(t, { speakerNames: speakers });
  return Object.fromEntries(last.map((r) => [r.mention.toLowerCase(), registry.label(r.entityId)]));
}

describe('coreference', () => {
  test.each([
    [['My sister Anna is visiting on Saturday.', 'She loves hiking.'], 'she', 'Anna (sister)'],
    [['Anna is my sister.', 'I miss her a lot.'], 'her', 'Anna (sister)'],
    [['My sister, Anna, called.', 'She sounded tired.'], 'she', 'Anna (sister)'],
    [["My sister's name is Anna.", 'She is a nurse.'], 'she', 'Anna (sister)'],
    [['My boss was rude today.', 'He yelled at me.'], 'he', 'your boss'],
    [['My boss was rude today.', 'My boss apologised later.'], 'my boss', 'your boss'],
    // The unnamed boss gets a name later: one entity, not two.
    [['My boss was rude today.', 'My boss, Tom, apologised.', 'Tom is nicer now.'], 'tom', 'Tom (boss)'],
    [['My boss is called Tom.', 'My boss gave me a raise.'], 'my boss', 'Tom (boss)'],
    [['My brother Jake called.', 'My sister Anna too.', 'He wants to visit.'], 'he', 'Jake (brother)'],
    [['My brother Jake called.', 'My sister Anna too.', 'She wants to visit.'], 'she', 'Anna (sister)'],
    // Same-turn antecedent wins over an older one.
    [['My sister Anna called.', 'My mom Rose says she is proud.'], 'she', 'Rose (mom)'],
    [['My dad was sick.', 'I took him to the doctor.'], 'him', 'your dad'],
    [['My mom Rose cooked.', 'Her lasagna is the best.'], 'her', 'Rose (mom)'],
    [['I met Jake at the gym. He is funny.'], 'he', 'Jake'],
    [['My friend Priya got engaged!'], 'my friend priya', 'Priya (friend)'],
    [['Priya, my friend from school, got engaged.', 'She is so happy.'], 'she', 'Priya (friend)'],
  ])('%j → %s = %s', (turns, mention, expected) => {
    expect(resolveLast(turns)[mention]).toBe(expected);
  });

  test.each([
    // No antecedent at all: the pronoun stays unresolved.
    [['She is amazing.'], 'she'],
    // Two unnamed, gender-unknown people: "he" is ambiguous, so it is not guessed.
    [['I met Sam and Alex.', 'He is nice.'], 'he'],
    // Antecedent too long ago (more than six turns): not resolved.
    [['My dad called.', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'He said hi.'], 'he'],
  ])('%j leaves %s unresolved', (turns, mention) => {
    expect(resolveLast(turns)[mention]).toBeUndefined();
  });

  test('speaker names and sentence-initial words are not new entities', () => {
    const registry = new EntityRegistry();
    const found = registry.resolve('Hey Mel! Thanks for asking. Great day.', { speakerNames: ['Mel'] });
    expect(found).toEqual([]);
    expect(registry.entities.size).toBe(0);
  });

  test.each([
    ['sister', 'female'],
    ['boss', 'unknown'],
    ['Husband', 'male'],
  ] as const)('relationGender(%s) = %s', (relation, gender) => expect(relationGender(relation)).toBe(gender));
});
