import type { KinErrorCode } from '../errors';
import type { Settings } from '../settings/store';
import { DeferredBrain } from './deferred-brain';
import { FallbackBrain } from './fallback-brain';
import { chooseLocalModel, LocalLlmBrain, type DownloadProgress } from './local-llm';
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
export interface BrainEnvironment {
  deviceMemoryGb: number | null;
  /** Model download progress, for the progress bar; `null` when loading finished or failed. */
  onProgress?: (progress: (DownloadProgress & { label: string }) | null) => void;
}

export function selectBrain(
  settings: Pick<Settings, 'brain' | 'endpoint' | 'privacy' | 'localModelUrl'>,
  onFallback: (code: KinErrorCode, detail: string) => void = () => undefined,
  environment: BrainEnvironment = { deviceMemoryGb: null },
): BrainSelection {
  const builtin = new OfflineBrain();
  switch (settings.brain) {
    case 'builtin':
      return { brain: builtin, fallbackReason: null };
    case 'local-llm': {
      const spec = chooseLocalModel(environment, settings.localModelUrl);
      if (!spec) return { brain: builtin, fallbackReason: 'This device has too little memory for an in-browser language model, so your companion uses the built-in brain.' };
      const progress = environment.onProgress ?? (() => undefined);
      const loading = LocalLlmBrain.load(spec, (p) => progress({ ...p, label: spec.label }));
      const deferred = new DeferredBrain(loading, { id: 'local-llm', kind: 'local-llm', label: `${spec.label} (loading…)` });
      // After DeferredBrain has taken the loaded model, so its label is final when the UI reads it.
      loading.finally(() => progress(null)).catch(() => undefined);
      return { brain: new FallbackBrain(deferred, builtin, onFallback), fallbackReason: null };
    }
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
