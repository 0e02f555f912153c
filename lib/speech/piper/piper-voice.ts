import type { PersonaVoice } from '../../persona/types';
import { ESPEAK_MODULE_URL } from '../tts-protocol';
import { WorkerVoice } from '../worker-voice';
import { PiperError } from './config';
import { piperVoiceUrls, type PiperVoiceSpec } from './catalogue';
import { PIPER_WASM_BASE, type PiperInMessage, type PiperOutMessage } from './protocol';

/** eSpeak's default speaking rate, words per minute: a persona's rate relative to it scales Piper's. */
const ESPEAK_DEFAULT_WPM = 175;

export interface PiperLoadProgress {
  loadedBytes: number;
  /** 0 while the server has not said (no Content-Length). */
  totalBytes: number;
}

export interface PiperVoiceOptions {
  host: string;
  spec: PiperVoiceSpec;
  persona: PersonaVoice;
  /** The user agreed to download the voice (settings); false: use it only if it is cached. */
  allowDownload: boolean;
  onProgress?: (progress: PiperLoadProgress) => void;
  /** A real voice downloads tens of MB on a slow link: generous. */
  timeoutMs?: number;
}

/**
 * A Piper neural voice (downloaded once, kept in Cache Storage) in workers/tts-piper.worker.ts,
 * phonemized by eSpeak NG. Plays, ducks and aborts like the eSpeak voice; lip sync uses phoneme
 * times derived from the audio (piper/timing.ts).
 */
export class PiperVoice extends WorkerVoice {
  readonly id = 'piper';
  readonly label: string;
  /** Whether the voice came from this browser's cache (no network). */
  readonly fromCache: boolean;
  readonly backend: string;
  /** Bytes of model + config (the download size). */
  readonly bytes: number;
  private readonly rate: number;

  private constructor(worker: Worker, getContext: () => AudioContext | null, spec: PiperVoiceSpec, persona: PersonaVoice, ready: Extract<PiperOutMessage, { type: 'ready' }>) {
    super(worker, getContext);
    this.label = `Piper neural voice on this device: ${spec.label}, ${spec.id} (onnxruntime-web ${ready.backend}; phonemes by eSpeak NG)`;
    this.fromCache = ready.fromCache;
    this.backend = ready.backend;
    this.bytes = ready.bytes;
    this.initMs = ready.initMs;
    this.rate = persona.rate / ESPEAK_DEFAULT_WPM;
  }

  /** Loads the voice (from the cache, or downloading it if allowed); rejects with a PiperError so the caller can fall back. */
  static async create(getContext: () => AudioContext | null, options: PiperVoiceOptions): Promise<PiperVoice> {
    const urls = piperVoiceUrls(options.host, options.spec);
    if (!urls) throw new PiperError('piper:host', `“${options.host}” is not an http(s) address.`);
    const worker = new Worker(new URL('../../../workers/tts-piper.worker.ts', import.meta.url), { type: 'module' });
    const ready = await new Promise<Extract<PiperOutMessage, { type: 'ready' }>>((resolve, reject) => {
      let timer = setTimeout(() => reject(new PiperError('piper:download', 'The neural voice took too long to load.')), options.timeoutMs ?? 300_000);
      worker.onmessage = (event: MessageEvent<PiperOutMessage>) => {
        const message = event.data;
        if (message.type === 'progress') {
          // Still downloading: the timeout counts from the last progress.
          clearTimeout(timer);
          timer = setTimeout(() => reject(new PiperError('piper:download', 'The neural voice download stalled.')), options.timeoutMs ?? 300_000);
          options.onProgress?.({ loadedBytes: message.loadedBytes, totalBytes: message.totalBytes });
          return;
        }
        clearTimeout(timer);
        if (message.type === 'ready') resolve(message);
        else if (message.type === 'error') reject(new PiperError(message.code, message.message));
      };
      worker.onerror = (event) => {
        clearTimeout(timer);
        reject(new PiperError('piper:model', event.message || 'The neural voice worker failed'));
      };
      worker.postMessage({ type: 'init', espeakModuleUrl: ESPEAK_MODULE_URL, wasmBase: PIPER_WASM_BASE, modelUrl: urls.model, configUrl: urls.config, allowDownload: options.allowDownload } satisfies PiperInMessage);
    }).catch((error: unknown) => {
      worker.terminate();
      throw error;
    });
    return new PiperVoice(worker, getContext, options.spec, options.persona, ready);
  }

  protected request(id: number, text: string): PiperInMessage {
    return { type: 'speak', id, text, rate: this.rate * this.rateScale, speakerId: null };
  }
}
