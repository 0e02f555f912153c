import { createStore } from 'zustand/vanilla';
import type { ConfirmationRequest } from './registry';

export interface PendingConfirmation extends ConfirmationRequest {
  id: number;
}

export interface ConfirmationState {
  pending: PendingConfirmation | null;
}

/**
 * The confirmation card's state for one call: a tool asks, the card shows, the user answers.
 * One card at a time (a newer request cancels the older one); an aborted reply (barge-in, a new
 * turn, the call ending) withdraws its card, which counts as "cancel".
 */
export function createConfirmations() {
  const store = createStore<ConfirmationState>()(() => ({ pending: null }));
  let nextId = 1;
  let settle: ((ok: boolean) => void) | null = null;

  const finish = (ok: boolean) => {
    const resolve = settle;
    settle = null;
    store.setState({ pending: null });
    resolve?.(ok);
  };

  return {
    store,
    /** Shows the card; resolves true on Confirm, false on Cancel or when `signal` aborts. */
    ask(request: ConfirmationRequest, signal: AbortSignal): Promise<boolean> {
      if (settle) finish(false);
      if (signal.aborted) return Promise.resolve(false);
      return new Promise<boolean>((resolve) => {
        const id = nextId++;
        const onAbort = () => {
          if (store.getState().pending?.id === id) finish(false);
        };
        settle = (ok) => {
          signal.removeEventListener('abort', onAbort);
          resolve(ok);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        store.setState({ pending: { ...request, id } });
      });
    },
    /** The user's answer to the card with this id (stale answers are ignored). */
    answer(id: number, ok: boolean): void {
      if (store.getState().pending?.id === id) finish(ok);
    },
  };
}

export type Confirmations = ReturnType<typeof createConfirmations>;
