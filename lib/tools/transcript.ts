import { callActions, type CallStore } from '../call/store';

/**
 * Adds the compact "tool" line to the call transcript, just before the companion's reply that is
 * still being written (the tool ran for it), or at the end when there is none.
 */
export function addToolCaption(store: CallStore, text: string): void {
  const id = callActions.addCaption(store, 'tool', text, true);
  const captions = store.getState().captions;
  const pending = captions.findIndex((c) => c.speaker === 'companion' && !c.final);
  if (pending < 0) return;
  const line = captions.find((c) => c.id === id);
  if (!line) return;
  const rest = captions.filter((c) => c.id !== id);
  rest.splice(pending, 0, line);
  store.setState({ captions: rest });
}
