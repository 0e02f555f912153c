import type { PersonaVoice } from '../persona/types';
import { ESPEAK_MODULE_URL, type TtsInMessage, type TtsOutMessage } from './tts-protocol';
import { WorkerVoice } from './worker-voice';

/** The zero-download on-device voice: eSpeak NG in a worker (workers/tts.worker.ts). */
export class EspeakVoice extends WorkerVoice {
  readonly id = 'espeak';
  readonly label: string;
  private readonly voice: PersonaVoice;

  private constructor(worker: Worker, getContext: () => AudioContext | null, voice: PersonaVoice) {
    super(worker, getContext);
    this.voice = voice;
    this.label = `eSpeak NG on this device (${voice.espeak}, GPL-3.0)`;
  }

  /** Starts the worker and loads eSpeak; rejects (so the caller can fall back) if it cannot. */
  static async create(getContext: () => AudioContext | null, voice: PersonaVoice, timeoutMs = 15000): Promise<EspeakVoice> {
    const worker = new Worker(new URL('../../workers/tts.worker.ts', import.meta.url), { type: 'module' });
    const ready = await new Promise<Extract<TtsOutMessage, { type: 'ready' }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('eSpeak NG took too long to load')), timeoutMs);
      worker.onmessage = (event: MessageEvent<TtsOutMessage>) => {
        clearTimeout(timer);
        if (event.data.type === 'ready') resolve(event.data);
        else reject(new Error(event.data.type === 'error' ? event.data.message : 'unexpected message'));
      };
      worker.onerror = (event) => {
        clearTimeout(timer);
        reject(new Error(event.message || 'TTS worker failed'));
      };
      worker.postMessage({ type: 'init', moduleUrl: ESPEAK_MODULE_URL });
    }).catch((error: unknown) => {
      worker.terminate();
      throw error;
    });
    const voiceOut = new EspeakVoice(worker, getContext, voice);
    voiceOut.initMs = ready.initMs;
    // Warm up: the first synthesis is several times slower than the next ones.
    await voiceOut.synthesize('Hi.').catch(() => undefined);
    return voiceOut;
  }

  protected request(id: number, text: string): TtsInMessage {
    return { type: 'speak', id, text, voice: this.voice.espeak, rate: Math.round(Math.min(260, Math.max(80, this.voice.rate * this.rateScale))), pitch: this.voice.pitch };
  }
}
