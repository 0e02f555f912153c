import { describe, expect, test } from 'vitest';
import { transition, type CallEvent, type CallPhase } from './machine';

describe('call state machine', () => {
  test.each<[CallPhase, CallEvent, CallPhase]>([
    ['idle', { type: 'start' }, 'starting'],
    ['starting', { type: 'ready' }, 'listening'],
    ['listening', { type: 'user-speech-start' }, 'user-speaking'],
    ['user-speaking', { type: 'user-speech-end', hasTranscript: false }, 'listening'],
    ['user-speaking', { type: 'user-speech-end', hasTranscript: true }, 'thinking'],
    ['listening', { type: 'user-text' }, 'thinking'],
    ['speaking', { type: 'user-text' }, 'thinking'],
    ['thinking', { type: 'reply-started' }, 'speaking'],
    ['speaking', { type: 'reply-finished' }, 'listening'],
    ['thinking', { type: 'reply-failed' }, 'listening'],
    ['speaking', { type: 'barge-in' }, 'user-speaking'],
    ['listening', { type: 'barge-in' }, 'listening'],
    ['speaking', { type: 'end' }, 'ended'],
    ['ended', { type: 'start' }, 'ended'],
    ['idle', { type: 'user-text' }, 'idle'],
    ['starting', { type: 'user-speech-start' }, 'starting'],
    ['thinking', { type: 'user-speech-start' }, 'thinking'],
  ])('%s + %o → %s', (from, event, to) => {
    expect(transition(from, event)).toBe(to);
  });

  test('a full voice turn and a typed turn in one call', () => {
    const events: CallEvent[] = [
      { type: 'start' }, { type: 'ready' }, { type: 'user-speech-start' },
      { type: 'user-speech-end', hasTranscript: true }, { type: 'reply-started' }, { type: 'reply-finished' },
      { type: 'user-text' }, { type: 'reply-started' }, { type: 'end' },
    ];
    const phases = events.reduce<CallPhase[]>((acc, e) => [...acc, transition(acc[acc.length - 1], e)], ['idle']);
    expect(phases).toEqual([
      'idle', 'starting', 'listening', 'user-speaking', 'thinking', 'speaking', 'listening', 'thinking', 'speaking', 'ended',
    ]);
  });
});
