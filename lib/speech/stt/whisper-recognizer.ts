import { KinError } from '../../errors';
import type { SttModelSpec } from './models';
import { isSttOutMessage, type SttInMessage, type SttLoadRequest, type SttOutMessage } from './protocol';
import { DownloadProgress } from './progress';
import type { SpeechRecognizer, SttBackend, SttDecodeStats, SttLoadProgress } from './types';

/** The part of a Worker the recognizer uses (a fake in tests). */
export interface SttWorkerPort {
  postMessage(message: SttInMessage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface WhisperRecognizerOptions {
  createWorker: () => SttWorkerPort;
  model: SttModelSpec;
  request: Omit<SttLoadRequest, 'modelId' | 'language'>;
  onProgress?: (progress: SttLoadProgress) => void;
  onStats?: (stats: SttDecodeStats) => void;
  /** Model load (download included) gives up after this long. */
  loadTimeoutMs?: number;
  /** Audio is sent to the worker in chunks of this many 10 ms frames. */
  framesPerChunk?: number;
}

const BACKEND_LABEL: Record<SttBackend, string> = { webgpu: 'WebGPU', wasm: 'WASM' };

/**
 * Whisper-class model in workers/stt.worker.ts. Mic frames go to the worker in 100 ms chunks
 * (transferred); the worker buffers the turn, streams partials while the user speaks and decodes
 * the whole turn on `takeTurn`. Audio never leaves this device.
 */
export class WhisperRecognizer implements SpeechRecognizer {
  readonly kind = 'whisper' as const;
  label: string;
  backend: SttBackend | null = null;
  /** Why WebGPU was not used (HUD), once loaded. */
  webgpuSkipped: string | null = null;
  lastStats: SttDecodeStats | null = null;
  private worker: SttWorkerPort | null = null;
  private readonly listeners = new Set<(text: string, heardUntilMs?: number) => void>();
  /** Audio-clock time of the first sample sent to the worker (ms), to place partials on that clock. */
  private firstSampleMs: number | null = null;
  private readonly pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  private readonly progress = new DownloadProgress();
  private readonly chunkSamples: number;
  private chunk: Float32Array;
  private chunkLength = 0;
  private chunkTimeMs = 0;
  private nextId = 1;
  private loading: Promise<void> | null = null;
  private failure: Error | null = null;

  constructor(private readonly options: WhisperRecognizerOptions) {
    this.label = `${options.model.label} (loading)`;
    this.chunkSamples = 160 * (options.framesPerChunk ?? 10);
    this.chunk = new Float32Array(this.chunkSamples);
  }

  start(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  private load(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let worker: SttWorkerPort;
      try {
        worker = this.options.createWorker();
      } catch (error) {
        reject(new KinError('model:load', `The speech recognizer could not start: ${describe(error)}`, { cause: error }));
        return;
      }
      this.worker = worker;
      const fail = (message: string) => {
        clearTimeout(timer);
        this.failure = new KinError('model:load', message);
        this.label = `${this.options.model.label} (failed)`;
        this.rejectAll(this.failure);
        reject(this.failure);
      };
      const timer = setTimeout(
        () => fail(`The speech model ${this.options.model.id} did not load within ${Math.round((this.options.loadTimeoutMs ?? 300000) / 1000)} s.`),
        this.options.loadTimeoutMs ?? 300000,
      );
      worker.onerror = (event) => fail(`The speech worker stopped: ${event.message || 'unknown error'}`);
      worker.onmessage = (event) => {
        const message = event.data;
        if (!isSttOutMessage(message)) return;
        if (message.type === 'ready') {
          clearTimeout(timer);
          this.backend = message.backend;
          this.webgpuSkipped = message.webgpuSkipped;
          this.label = `${this.options.model.label} (${BACKEND_LABEL[message.backend]})`;
          resolve();
        } else if (message.type === 'error' && message.stage === 'load') {
          fail(`The speech model ${this.options.model.id} could not load: ${message.message}`);
        } else {
          this.handle(message);
        }
      };
      worker.postMessage({
        type: 'load',
        request: { ...this.options.request, modelId: this.options.model.id, language: this.options.model.englishOnly ? null : 'en' },
      });
    });
  }

  private handle(message: SttOutMessage): void {
    switch (message.type) {
      case 'progress':
        this.options.onProgress?.(this.progress.update(message.file, message.loadedBytes, message.totalBytes));
        break;
      case 'partial':
        for (const listener of this.listeners) listener(message.text, this.firstSampleMs === null ? undefined : this.firstSampleMs + message.heardSamples / 16);
        break;
      case 'final':
        this.pending.get(message.id)?.resolve(message.text);
        this.pending.delete(message.id);
        break;
      case 'stats':
        this.lastStats = message.stats;
        this.options.onStats?.(message.stats);
        break;
      case 'error':
        if (message.id !== null) {
          this.pending.get(message.id)?.reject(new KinError('model:load', `Speech recognition failed: ${message.message}`));
          this.pending.delete(message.id);
        }
        break;
      default:
        break;
    }
  }

  pushFrame(frame: Float32Array, timeMs: number): void {
    // Frames before the model is ready are dropped: nobody can be mid-turn before the recognizer exists.
    if (!this.worker || !this.backend || this.failure) return;
    if (this.firstSampleMs === null && frame.length > 0) this.firstSampleMs = timeMs;
    if (this.chunkLength === 0) this.chunkTimeMs = timeMs;
    let offset = 0;
    while (offset < frame.length) {
      const n = Math.min(frame.length - offset, this.chunkSamples - this.chunkLength);
      this.chunk.set(frame.subarray(offset, offset + n), this.chunkLength);
      this.chunkLength += n;
      offset += n;
      if (this.chunkLength === this.chunkSamples) this.flush();
    }
  }

  speechStart(timeMs: number): void {
    this.flush();
    this.worker?.postMessage({ type: 'speech-start', timeMs });
  }

  speechEnd(timeMs: number): void {
    this.flush();
    this.worker?.postMessage({ type: 'speech-end', timeMs });
  }

  onPartial(cb: (text: string, heardUntilMs?: number) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  takeTurn(): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    if (!this.worker || !this.backend) return Promise.resolve('');
    this.flush();
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker?.postMessage({ type: 'finish', id });
    });
  }

  /** Decodes one whole clip (16 kHz mono) outside the turn flow: used by the STT eval. */
  transcribeClip(samples: Float32Array): Promise<string> {
    if (!this.worker || !this.backend) return Promise.reject(new Error('speech model not loaded'));
    const id = this.nextId++;
    return new Promise<string>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const copy = samples.slice();
      this.worker?.postMessage({ type: 'transcribe', id, samples: copy }, [copy.buffer]);
    });
  }

  dispose(): void {
    this.rejectAll(new Error('recognizer disposed'));
    this.listeners.clear();
    this.worker?.terminate();
    this.worker = null;
  }

  /** Sends the partly filled chunk (transferred) and starts a new one. */
  private flush(): void {
    if (!this.worker || this.chunkLength === 0) return;
    const samples = this.chunk.slice(0, this.chunkLength);
    this.worker.postMessage({ type: 'audio', samples, timeMs: this.chunkTimeMs }, [samples.buffer]);
    this.chunkLength = 0;
  }

  private rejectAll(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
