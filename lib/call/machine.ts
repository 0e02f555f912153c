/**
 * The call state machine: a pure reducer over typed events.
 * idle → starting → listening ⇄ user-speaking → thinking → speaking → listening … → ended
 */
export type CallPhase = 'idle' | 'starting' | 'listening' | 'user-speaking' | 'thinking' | 'speaking' | 'ended';

export type CallEvent =
  | { type: 'start' }
  | { type: 'ready' }
  | { type: 'user-speech-start' }
  | { type: 'user-speech-end'; hasTranscript: boolean }
  | { type: 'user-text' }
  | { type: 'reply-started' }
  | { type: 'reply-finished' }
  | { type: 'reply-failed' }
  | { type: 'barge-in' }
  | { type: 'end' };

/** Next phase for an event; unknown transitions keep the phase (events can race in real time). */
export function transition(phase: CallPhase, event: CallEvent): CallPhase {
  if (event.type === 'end') return 'ended';
  if (phase === 'ended') return 'ended';
  switch (event.type) {
    case 'start':
      return phase === 'idle' ? 'starting' : phase;
    case 'ready':
      return phase === 'starting' ? 'listening' : phase;
    case 'user-speech-start':
      return phase === 'listening' ? 'user-speaking' : phase;
    case 'user-speech-end':
      if (phase !== 'user-speaking') return phase;
      return event.hasTranscript ? 'thinking' : 'listening';
    case 'user-text':
      return phase === 'starting' || phase === 'idle' ? phase : 'thinking';
    case 'reply-started':
      return phase === 'thinking' ? 'speaking' : phase;
    case 'reply-finished':
    case 'reply-failed':
      return phase === 'speaking' || phase === 'thinking' ? 'listening' : phase;
    case 'barge-in':
      return phase === 'speaking' || phase === 'thinking' ? 'user-speaking' : phase;
  }
}

/** Short words for the status line. */
export const PHASE_LABELS: Record<CallPhase, string> = {
  idle: 'Not connected',
  starting: 'Connecting…',
  listening: 'Listening',
  'user-speaking': 'You’re speaking',
  thinking: 'Thinking…',
  speaking: 'Speaking',
  ended: 'Call ended',
};
