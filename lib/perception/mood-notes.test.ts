import { describe, expect, test } from 'vitest';
import { MemorySpace } from '../memory/space';
import { DEFAULT_SETTINGS } from '../settings/store';
import { MoodNotes, moodNoteText } from './mood-notes';

const d = (sentence: string, confidence = 0.8) => ({ sentence, confidence });

describe('MoodNotes', () => {
  test('off by default: the default setting is off, and disabled never yields a note', () => {
    expect(DEFAULT_SETTINGS.privacy.rememberMood).toBe(false);
    const notes = new MoodNotes({ enabled: DEFAULT_SETTINGS.privacy.rememberMood });
    for (let t = 0; t < 10 * 60_000; t += 5_000) expect(notes.offer(d(t % 20_000 ? 'tired' : 'calm'), t)).toBeNull();
  });

  test('writes on a change of state, at most every two minutes, never the same sentence twice in a row', () => {
    const notes = new MoodNotes({ enabled: true });
    expect(notes.offer(d('tired; speaking softly'), 0)).toBe('During the call the user seemed tired; speaking softly.');
    expect(notes.offer(d('tired; speaking softly'), 200_000)).toBeNull();
    expect(notes.offer(d('happy'), 60_000)).toBeNull();
    expect(notes.offer(d('happy'), 120_000)).toBe('During the call the user seemed happy.');
    expect(notes.offer(d('happy'), 400_000)).toBeNull();
    expect(notes.offer(d('anxious'), 239_999)).toBeNull();
    expect(notes.offer(d('anxious'), 240_000)).not.toBeNull();
  });

  test('skips low-confidence, empty and missing descriptions', () => {
    const notes = new MoodNotes({ enabled: true });
    expect(notes.offer(null, 0)).toBeNull();
    expect(notes.offer(d('  '), 0)).toBeNull();
    expect(notes.offer(d('sad', 0.3), 0)).toBeNull();
    expect(notes.offer(d('sad', 0.6), 0)).not.toBeNull();
  });

  test('the note text holds words only, no numbers', () => {
    expect(moodNoteText('hesitant and slightly anxious; looking away.')).toBe('During the call the user seemed hesitant and slightly anxious; looking away.');
  });

  test('the memory write path stores the note as one episodic record (no facts extracted)', () => {
    const space = new MemorySpace('t', null, () => 0);
    const written = space.ingestTurn({ spaceId: 't', sessionId: 's', turnId: 'mood-1', speaker: 'user', text: moodNoteText('tired; speaking softly'), at: new Date(0) });
    expect(written.map((r) => r.tier)).toEqual(['episodic']);
    const episode = written[0];
    expect(episode.tier === 'episodic' && episode.feeling).toBe('tired');
  });
});
