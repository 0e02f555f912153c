import { describe, expect, it } from 'vitest';
import { TranscriptSegmenter } from './segments';

describe('TranscriptSegmenter', () => {
  it('keeps the words since the latest pause of a growing transcript', () => {
    const s = new TranscriptSegmenter();
    expect(s.segment('i went to the shop', 1.0)).toBe('i went to the shop');
    expect(s.segment('i went to the shop this morning', 1.6)).toBe('i went to the shop this morning');
    s.pause(1.62);
    // The fragment that ends at the pause arrives after it began: still the same fragment.
    expect(s.segment('i went to the shop this morning and i was thinking', 1.65)).toBe('i went to the shop this morning and i was thinking');
    // Words after the pause are a new fragment.
    expect(s.segment('i went to the shop this morning and i was thinking that i should', 2.6)).toBe('that i should');
    expect(s.segment('i went to the shop this morning and i was thinking that i should call my sister about the', 3.4)).toBe('that i should call my sister about the');
  });

  it('starts again with a transcript that does not extend the last one', () => {
    const s = new TranscriptSegmenter();
    s.segment('i went to the shop', 1.0);
    s.pause(1.05);
    s.segment('i went to the shop', 1.0);
    expect(s.segment('i went to the shop and then', 2.0)).toBe('and then');
    // A new turn: the recognizer starts from its first word.
    expect(s.segment('yes please', 5.0)).toBe('yes please');
  });

  it('leaves fragments that are not cumulative as they are (the eval corpora)', () => {
    const s = new TranscriptSegmenter();
    expect(s.segment('so the thing is', 1.0)).toBe('so the thing is');
    s.pause(1.0);
    expect(s.segment('my grandson visited on sunday', 2.5)).toBe('my grandson visited on sunday');
  });

  it('does not cut without a fragment that ended by the pause', () => {
    const s = new TranscriptSegmenter();
    s.pause(1.0);
    // The first words heard already run past the pause: nothing tells where it fell.
    expect(s.segment('i went to the shop and then', 2.0)).toBe('i went to the shop and then');
  });

  it('gives nothing when no word follows the pause yet', () => {
    const s = new TranscriptSegmenter();
    s.segment('i was thinking', 1.0);
    s.pause(1.02);
    s.segment('i was thinking', 1.0);
    expect(s.segment('i was thinking', 1.5)).toBeNull();
  });
});

describe('TranscriptSegmenter, words before the pause counts', () => {
  it('takes a fragment that arrived before the pause was long enough as the boundary', () => {
    const s = new TranscriptSegmenter();
    s.segment('i was thinking', 2.0);
    s.pause(2.0);
    expect(s.segment('i was thinking about the', 3.0)).toBe('about the');
  });
});

describe('TranscriptSegmenter across utterances', () => {
  it('does not carry a boundary from the last utterance into a new one', () => {
    const s = new TranscriptSegmenter();
    s.pause(2.0);
    s.segment('i went to the shop this morning and then', 1.95);
    // A new utterance (not extending the last) whose words run past the pause, then grows.
    expect(s.segment('yes please', 3.0)).toBe('yes please');
    expect(s.segment('yes please tell me more', 3.6)).toBe('yes please tell me more');
  });
});
