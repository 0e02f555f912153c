import { describe, expect, it } from 'vitest';
import { answerFromKnowledge, citedSources } from './cite';
import type { KnowledgeHit } from './types';

const heating: KnowledgeHit = { chunkId: 'w#0', docId: 'w', title: 'Staying well in winter', section: 'Heating', text: 'Heat your living room to around 18 degrees or warmer. Close the curtains at dusk to keep the heat in.', score: 0.8 };
const food: KnowledgeHit = { chunkId: 'w#1', docId: 'w', title: 'Staying well in winter', section: 'Food', text: 'Eat at least one hot meal a day. Warm drinks help too.', score: 0.6 };

describe('answerFromKnowledge', () => {
  it('answers with the best-matching sentence and names title and section', () => {
    expect(answerFromKnowledge('How warm should my living room be?', [heating, food])).toBe(
      'According to Staying well in winter (Heating): Heat your living room to around 18 degrees or warmer. Close the curtains at dusk to keep the heat in.',
    );
    expect(answerFromKnowledge('what should I eat?', [heating, food])).toMatch(/^According to Staying well in winter \(Food\): Eat at least one hot meal/);
  });

  it('gives nothing when no chunk shares a content word with the question', () => {
    expect(answerFromKnowledge('Who won the football?', [heating, food])).toBeNull();
    expect(answerFromKnowledge('hi', [])).toBeNull();
  });
});

describe('citedSources', () => {
  it('cites chunks a reply names or draws on, once per section, with a link to the chunk', () => {
    expect(citedSources('According to Staying well in winter (Heating): heat the room.', [heating])).toEqual([{ title: 'Staying well in winter', section: 'Heating', href: '/knowledge?doc=w#w%230' }]);
    expect(citedSources('Try to eat a hot meal every day, and warm drinks help.', [heating, food]).map((s) => s.section)).toEqual(['Food']);
  });

  it('does not cite a chunk the reply did not use', () => {
    expect(citedSources('That sounds like a lovely afternoon with your grandson!', [heating, food])).toEqual([]);
  });
});
