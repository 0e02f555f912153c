import type { MemoryPort } from '../call/conversation';

/** A call's memory port that the user can pause mid-call ("Not remembering this call"). */
export interface PausableMemoryPort extends MemoryPort {
  readonly paused: boolean;
  /** Takes effect at once: no turn, mood note or use mark is written while paused. */
  setPaused(paused: boolean): void;
}

/**
 * Wraps a memory port so writes can be switched off during a call. Recall keeps working (the
 * companion may still use what it already knows); `remember` and `markUsed` are dropped while
 * paused. `onChange` tells the worker too, so writes already queued there (and the memory tools'
 * explicit "remember this") are refused as well. It is called once at the start with the initial
 * state, which also clears a pause left over from an earlier call on the same page.
 */
export function pausableMemory(port: MemoryPort, onChange: (paused: boolean) => void, initiallyPaused = false): PausableMemoryPort {
  let paused = initiallyPaused;
  onChange(paused);
  return {
    get paused() {
      return paused;
    },
    setPaused(next) {
      if (next === paused) return;
      paused = next;
      onChange(paused);
    },
    recall: (text) => port.recall(text),
    remember(text, turnId) {
      if (!paused) port.remember(text, turnId);
    },
    prefetch: port.prefetch ? (partialText) => port.prefetch?.(partialText) : undefined,
    markUsed(ids) {
      if (!paused) port.markUsed(ids);
    },
    flush: () => port.flush(),
  };
}
