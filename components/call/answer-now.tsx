'use client';
import { useStore } from 'zustand';
import type { CallStore } from '@/lib/call/store';

/**
 * "Answer now": while the user holds the floor, one tap hands it over, for when the companion keeps
 * waiting (a television in the room, a pause it reads as thinking). Its place is kept while hidden,
 * so the controls below do not jump each time the user starts or stops talking.
 */
export function AnswerNow({ store, onAnswer }: { store: CallStore; onAnswer(): void }) {
  const open = useStore(store, (s) => s.phase === 'user-speaking');
  return (
    <button type="button" className={`secondary answer-now ${open ? '' : 'is-idle'}`} onClick={onAnswer}
      disabled={!open} aria-hidden={!open} tabIndex={open ? 0 : -1} data-testid="answer-now" data-open={open}
      aria-label="I’m done: answer now">
      Answer now
    </button>
  );
}
