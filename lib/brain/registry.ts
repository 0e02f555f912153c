import type { BrainChoice } from '../settings/store';
import { OfflineBrain } from './offline-brain';
import type { BrainProvider } from './types';

export interface BrainSelection {
  brain: BrainProvider;
  /** Set when the chosen provider could not be used; the UI shows it. */
  fallbackReason: string | null;
}

/**
 * Picks the brain for a call from the user's setting. Providers that are not available here fall
 * back to the built-in brain and say so — never silently.
 */
export function selectBrain(choice: BrainChoice): BrainSelection {
  switch (choice) {
    case 'builtin':
      return { brain: new OfflineBrain(), fallbackReason: null };
    case 'local-llm':
      return { brain: new OfflineBrain(), fallbackReason: 'The in-browser language model is not installed in this version yet, so your companion uses the built-in brain.' };
    case 'openai-compatible':
      return { brain: new OfflineBrain(), fallbackReason: 'Connecting to your own model server is not available in this version yet, so your companion uses the built-in brain.' };
  }
}
