import type { SttChoice } from '../../settings/store';
import { normalizeHost, sttModelSpec, type SttModelSpec } from './models';
import { MOONSHINE_HOST, MOONSHINE_PATH_TEMPLATE, MOONSHINE_TINY, MOONSHINE_WASM_PATHS } from './moonshine';
import { parseTestTranscript, TestTranscriptRecognizer, type TimedWord } from './test-recognizer';
import type { SpeechRecognizer, SttBackend } from './types';
import { WebSpeechRecognizer, type WebSpeechConstructor } from './web-speech-recognizer';
import { WhisperRecognizer, type WhisperRecognizerOptions } from './whisper-recognizer';

/** The settings the choice depends on. */
export interface SttSettings {
  stt: SttChoice;
  sttModel: string;
  sttHost: string;
  privacy: { allowCloud: boolean };
}

/** What this browser offers, probed by lib/speech/stt/browser.ts (plain values, so tests can set them). */
export interface RecognizerEnv {
  /** localStorage['kin.test.transcript'] (e2e only), or null. */
  testTranscript: string | null;
  /** Whether (webkit)SpeechRecognition exists. */
  webSpeechAvailable: boolean;
  /** Backends whose files of the chosen model are all in Cache Storage already. */
  whisperCachedBackends: SttBackend[];
  /** The app serves Moonshine tiny (public/models/moonshine-tiny/, copied from npm by `npm run setup`). */
  moonshineAvailable: boolean;
  /** Module workers and WebAssembly are available. */
  workersAvailable: boolean;
  online: boolean;
}

export type RecognizerPlan =
  | { kind: 'test'; words: TimedWord[] }
  /** `backends`: the order to try; cached ones only when there are any, so nothing downloads again. */
  | { kind: 'whisper'; model: SttModelSpec; host: string; needsDownload: boolean; backends: SttBackend[] }
  /** Moonshine tiny, served by the app itself: no download. */
  | { kind: 'moonshine'; model: SttModelSpec }
  | { kind: 'web-speech' }
  /** No recognizer: `reason` says why in words for the user; `download` is set when a download would fix it. */
  | { kind: 'none'; reason: string; download: { model: SttModelSpec; approxMb: number } | null };

/** "about 42 MB" for the UI, or "a download" when the size is unknown (a custom model). */
export function describeDownload(model: SttModelSpec): string {
  const mb = model.approxDownloadMb.wasm;
  return Number.isFinite(mb) ? `about ${mb} MB` : 'a download of unknown size';
}

/**
 * Chooses the speech recognizer. 'auto': Whisper when its files are cached (the user downloaded
 * it once), else Moonshine tiny, which the app serves itself (no download), else the browser's
 * recognizer when cloud processing is allowed, else none with a reason that offers the download.
 * 'moonshine': Moonshine tiny. 'whisper': Whisper, downloading if needed (choosing it is the
 * agreement). 'web-speech': only with cloud allowed. A fixture transcript (e2e) overrides all but 'off'.
 */
export function planRecognizer(settings: SttSettings, env: RecognizerEnv): RecognizerPlan {
  if (settings.stt === 'off') return { kind: 'none', reason: 'Speech recognition is off in Settings. You can type.', download: null };
  if (env.testTranscript !== null) {
    try {
      return { kind: 'test', words: parseTestTranscript(env.testTranscript) };
    } catch (error) {
      return { kind: 'none', reason: `Test transcript ignored: ${error instanceof Error ? error.message : String(error)}`, download: null };
    }
  }
  const model = sttModelSpec(settings.sttModel.trim() || 'Xenova/whisper-tiny.en');
  const host = normalizeHost(settings.sttHost);
  const download = { model, approxMb: model.approxDownloadMb.wasm };
  const cached = env.whisperCachedBackends.length > 0;
  const whisper = (): RecognizerPlan => {
    if (!env.workersAvailable) return { kind: 'none', reason: 'This browser cannot run the on-device speech model (no module workers or WebAssembly). You can type.', download: null };
    if (!host) return { kind: 'none', reason: `The speech model host "${settings.sttHost}" is not an http(s) address. Fix it in Settings.`, download: null };
    if (!cached && !env.online) {
      return { kind: 'none', reason: `${model.label} is not downloaded yet (${describeDownload(model)}) and this device is offline. You can type.`, download };
    }
    const backends: SttBackend[] = cached ? (['webgpu', 'wasm'] as const).filter((b) => env.whisperCachedBackends.includes(b)) : ['webgpu', 'wasm'];
    return { kind: 'whisper', model, host, needsDownload: !cached, backends };
  };
  const noWorkers: RecognizerPlan = { kind: 'none', reason: 'This browser cannot run the on-device speech model (no module workers or WebAssembly). You can type.', download: null };
  switch (settings.stt) {
    case 'whisper':
      return whisper();
    case 'moonshine':
      if (!env.workersAvailable) return noWorkers;
      if (!env.moonshineAvailable) {
        return { kind: 'none', reason: `${MOONSHINE_TINY.label} is missing from this installation of Kin (npm run setup copies it). Choose another recognizer, or type.`, download: null };
      }
      return { kind: 'moonshine', model: MOONSHINE_TINY };
    case 'web-speech':
      if (!settings.privacy.allowCloud) {
        return { kind: 'none', reason: 'Browser speech recognition sends your voice to the browser maker. Allow cloud processing in Settings to use it, or choose on-device.', download: null };
      }
      if (!env.webSpeechAvailable) return { kind: 'none', reason: 'This browser has no speech recognition. Choose the on-device model in Settings.', download: null };
      return { kind: 'web-speech' };
    case 'auto':
    default:
      if (cached && env.workersAvailable && host) return whisper();
      if (env.moonshineAvailable && env.workersAvailable) return { kind: 'moonshine', model: MOONSHINE_TINY };
      if (settings.privacy.allowCloud && env.webSpeechAvailable) return { kind: 'web-speech' };
      return {
        kind: 'none',
        reason: `On-device speech recognition needs a one-time download of ${model.label} (${describeDownload(model)}). Download it in Settings, or type.`,
        download,
      };
  }
}

export interface RecognizerDeps {
  whisper: Omit<WhisperRecognizerOptions, 'model' | 'request'> & { wasmPaths: string; pathTemplate: string };
  webSpeech: WebSpeechConstructor | null;
  /** Starts workers/stt-moonshine.worker.ts; without it a 'moonshine' plan builds nothing. */
  moonshine?: { createWorker: WhisperRecognizerOptions['createWorker'] };
}

/** Builds the recognizer for a plan (not started); null for 'none'. */
export function createRecognizer(plan: RecognizerPlan, deps: RecognizerDeps): SpeechRecognizer | null {
  switch (plan.kind) {
    case 'test':
      return new TestTranscriptRecognizer(plan.words);
    case 'web-speech':
      return deps.webSpeech ? new WebSpeechRecognizer(deps.webSpeech) : null;
    case 'whisper': {
      const { wasmPaths, pathTemplate, ...rest } = deps.whisper;
      return new WhisperRecognizer({
        ...rest,
        model: plan.model,
        request: { remoteHost: plan.host, remotePathTemplate: pathTemplate, wasmPaths, backends: plan.backends },
      });
    }
    case 'moonshine': {
      if (!deps.moonshine) return null;
      const { onProgress, onStats, loadTimeoutMs, framesPerChunk } = deps.whisper;
      // Same worker messages as Whisper's worker, so the same recognizer class drives it.
      return new WhisperRecognizer({
        onProgress,
        onStats,
        loadTimeoutMs,
        framesPerChunk,
        createWorker: deps.moonshine.createWorker,
        model: plan.model,
        request: { remoteHost: MOONSHINE_HOST, remotePathTemplate: MOONSHINE_PATH_TEMPLATE, wasmPaths: MOONSHINE_WASM_PATHS, backends: ['wasm'] },
      });
    }
    case 'none':
    default:
      return null;
  }
}

/** Plan and recognizer in one step: `{ plan, recognizer }` (recognizer null when the plan is 'none'). */
export function selectRecognizer(settings: SttSettings, env: RecognizerEnv, deps: RecognizerDeps): { plan: RecognizerPlan; recognizer: SpeechRecognizer | null } {
  const plan = planRecognizer(settings, env);
  return { plan, recognizer: createRecognizer(plan, deps) };
}
