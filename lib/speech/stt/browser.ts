/**
 * Browser glue for speech recognition: probes what this browser offers and builds the chosen
 * recognizer with a real worker. Kept apart from select.ts so the choice itself stays testable in Node.
 */
import { cachedBackends, normalizeHost, STT_PATH_TEMPLATE, sttModelSpec, type CacheStorageLike } from './models';
import { MOONSHINE_FILES, MOONSHINE_HOST, MOONSHINE_TINY } from './moonshine';
import { STT_WASM_PATHS } from './protocol';
import { selectRecognizer, type RecognizerEnv, type RecognizerPlan, type SttSettings } from './select';
import { TEST_TRANSCRIPT_KEY } from './test-recognizer';
import type { SpeechRecognizer, SttDecodeStats, SttLoadProgress } from './types';
import { webSpeechConstructor } from './web-speech-recognizer';
import type { SttWorkerPort } from './whisper-recognizer';

/** Starts workers/stt.worker.ts (a module worker bundled by Next.js). */
export function createSttWorker(): SttWorkerPort {
  return new Worker(new URL('../../../workers/stt.worker.ts', import.meta.url), { type: 'module' }) as unknown as SttWorkerPort;
}

/** Starts workers/stt-moonshine.worker.ts (Moonshine tiny, served by the app). */
export function createMoonshineWorker(): SttWorkerPort {
  return new Worker(new URL('../../../workers/stt-moonshine.worker.ts', import.meta.url), { type: 'module' }) as unknown as SttWorkerPort;
}

/**
 * Whether the app serves Moonshine tiny's files (copied by `npm run setup`): a HEAD request each, nothing
 * downloaded. A 404 means setup did not copy them. A network error means the device is offline: the files
 * come with the app, and the service worker (app/sw.ts) serves them once a call has loaded them, so say yes.
 */
async function moonshineServed(): Promise<boolean> {
  if (typeof fetch === 'undefined') return false;
  try {
    const answers = await Promise.all(MOONSHINE_FILES.map((file) => fetch(`${MOONSHINE_HOST}${MOONSHINE_TINY.id}/${file}`, { method: 'HEAD' })));
    return answers.every((response) => response.ok);
  } catch {
    return true;
  }
}

function readTestTranscript(): string | null {
  try {
    return window.localStorage.getItem(TEST_TRANSCRIPT_KEY);
  } catch {
    return null;
  }
}

/** What this browser offers for speech recognition with these settings (reads Cache Storage). */
export async function probeRecognizerEnv(settings: SttSettings): Promise<RecognizerEnv> {
  const host = normalizeHost(settings.sttHost);
  const spec = sttModelSpec(settings.sttModel.trim() || 'Xenova/whisper-tiny.en');
  const caches = typeof window !== 'undefined' && 'caches' in window ? (window.caches as unknown as CacheStorageLike) : undefined;
  const cached = host ? await cachedBackends(caches, host, spec) : [];
  return {
    testTranscript: readTestTranscript(),
    webSpeechAvailable: webSpeechConstructor(globalThis) !== null,
    whisperCachedBackends: cached,
    moonshineAvailable: await moonshineServed(),
    workersAvailable: typeof Worker !== 'undefined' && typeof WebAssembly !== 'undefined',
    online: typeof navigator === 'undefined' ? true : navigator.onLine,
  };
}

export interface BrowserRecognizerCallbacks {
  /** Download progress of the speech model (bytes summed over its files), for a progress bar. */
  onProgress?: (progress: SttLoadProgress) => void;
  /** Speed of each decode (real-time factor), for the HUD. */
  onStats?: (stats: SttDecodeStats) => void;
}

/**
 * Chooses and builds the recognizer for these settings (not started: call `start()`, which may
 * download the model). `plan.kind === 'none'` comes with a reason to show the user.
 */
export async function selectBrowserRecognizer(
  settings: SttSettings,
  callbacks: BrowserRecognizerCallbacks = {},
): Promise<{ plan: RecognizerPlan; recognizer: SpeechRecognizer | null }> {
  const env = await probeRecognizerEnv(settings);
  return selectRecognizer(settings, env, {
    whisper: {
      createWorker: createSttWorker,
      wasmPaths: STT_WASM_PATHS,
      pathTemplate: STT_PATH_TEMPLATE,
      onProgress: callbacks.onProgress,
      onStats: callbacks.onStats,
    },
    webSpeech: webSpeechConstructor(globalThis),
    moonshine: { createWorker: createMoonshineWorker },
  });
}
