import type { SttInMessage, SttOutMessage } from './protocol';
import { UtteranceTranscriber, type TranscribeFn } from './utterance-transcriber';

/**
 * The message handling every speech-to-text worker shares (Whisper through transformers.js,
 * Moonshine through onnxruntime-web): turn audio into the UtteranceTranscriber, finish a turn,
 * decode a whole clip for the eval, reset. A worker only loads its model, then calls `ready`.
 */
export class SttWorkerHost {
  private utterance: UtteranceTranscriber | null = null;
  private transcribe: TranscribeFn | null = null;

  constructor(private readonly post: (message: SttOutMessage) => void) {}

  /** The model is loaded: turns are decoded with `transcribe` from now on. */
  ready(transcribe: TranscribeFn): void {
    this.transcribe = transcribe;
    this.utterance = new UtteranceTranscriber(transcribe, {
      partial: (text, heardSamples) => this.post({ type: 'partial', text, heardSamples }),
      stats: (stats) => this.post({ type: 'stats', stats }),
    });
  }

  /** Handles every message but `load` (the worker's own). */
  handle(message: Exclude<SttInMessage, { type: 'load' }>): void {
    const post = this.post;
    switch (message.type) {
      case 'audio':
        this.utterance?.pushAudio(message.samples);
        break;
      case 'speech-start':
        this.utterance?.speechStart();
        break;
      case 'speech-end':
        this.utterance?.speechEnd();
        break;
      case 'finish':
        if (!this.utterance) {
          post({ type: 'error', id: message.id, stage: 'decode', message: 'speech model not loaded' });
          break;
        }
        this.utterance.finish().then(
          (result) => post({ type: 'final', id: message.id, ...result }),
          (error: unknown) => post({ type: 'error', id: message.id, stage: 'decode', message: String(error) }),
        );
        break;
      case 'transcribe': {
        if (!this.transcribe) {
          post({ type: 'error', id: message.id, stage: 'decode', message: 'speech model not loaded' });
          break;
        }
        const started = performance.now();
        this.transcribe(message.samples).then(
          (text) => {
            const decodeMs = performance.now() - started;
            const audioMs = (message.samples.length / 16000) * 1000;
            post({ type: 'stats', stats: { kind: 'final', audioMs, decodeMs, realTimeFactor: decodeMs / audioMs } });
            post({ type: 'final', id: message.id, text, audioMs, decodeMs });
          },
          (error: unknown) => post({ type: 'error', id: message.id, stage: 'decode', message: String(error) }),
        );
        break;
      }
      case 'reset':
        this.utterance?.reset();
        break;
      default:
        break;
    }
  }
}
