import type { KinErrorCode } from '../errors';
import type { Settings } from '../settings/store';
import { FallbackBrain } from './fallback-brain';
import { OfflineBrain } from './offline-brain';
import { isLocalEndpoint, OpenAICompatibleBrain } from './openai-compatible';
import type { BrainProvider } from './types';

export interface BrainSelection {
  brain: BrainProvider;
  /** Set when the chosen provider cannot be used at all; the UI shows it. */
  fallbackReason: string | null;
}

/**
 * Picks the brain for a call from the user's settings. Anything that is not available falls back
 * to the built-in brain and says so — never silently. `onFallback` reports per-turn failures.
 */
export function selectBrain(
  settings: Pick<Settings, 'brain' | 'endpoint' | 'privacy'>,
  onFallback: (code: KinErrorCode, detail: string) => void = () => undefined,
): BrainSelection {
  const builtin = new OfflineBrain();
  switch (settings.brain) {
    case 'builtin':
      return { brain: builtin, fallbackReason: null };
    case 'local-llm':
      return { brain: builtin, fallbackReason: 'The in-browser language model is not installed in this version yet, so your companion uses the built-in brain.' };
    case 'openai-compatible': {
      const { baseUrl, model, apiKey } = settings.endpoint;
      const local = isLocalEndpoint(baseUrl);
      if (!local && !settings.privacy.allowCloud) {
        return { brain: builtin, fallbackReason: 'Your model server is not on this computer and cloud models are turned off in Settings, so your companion uses the built-in brain.' };
      }
      try {
        new URL(baseUrl);
      } catch {
        return { brain: builtin, fallbackReason: 'The model server address in Settings is not valid, so your companion uses the built-in brain.' };
      }
      const remote = new OpenAICompatibleBrain({ baseUrl, model, apiKey, transport: local ? 'direct' : 'proxy' });
      return { brain: new FallbackBrain(remote, builtin, onFallback), fallbackReason: null };
    }
  }
}
