import { prepareSpeech, type PreparedSpeech, type SpeakCallbacks, type SpeechOutput } from './types';

/**
 * A voice that is still loading: the call starts at once, and the first reply waits for the voice
 * (or its fallback) instead of the call waiting for the voice.
 */
export class DeferredVoice implements SpeechOutput {
  readonly id = 'deferred';
  readonly audible = true;
  private inner: SpeechOutput | null = null;
  private readonly ready: Promise<SpeechOutput>;

  constructor(loading: Promise<SpeechOutput>) {
    this.ready = loading.then((voice) => (this.inner = voice));
  }

  get label(): string {
    return this.inner?.label ?? 'Loading the on-device voice…';
  }

  private rateScale = 1;

  setRate(scale: number): void {
    this.rateScale = scale;
    this.inner?.setRate?.(scale);
  }

  duck(ducked: boolean): void {
    this.inner?.duck?.(ducked);
  }

  dispose(): void {
    void this.ready.then((voice) => voice.dispose?.()).catch(() => undefined);
  }

  /** Synthesis starts once the voice has loaded (at once when it has). */
  prepare(text: string, signal: AbortSignal): PreparedSpeech {
    if (this.inner) {
      this.inner.setRate?.(this.rateScale);
      return prepareSpeech(this.inner, text, signal);
    }
    const prepared = this.ready.then((voice) => {
      voice.setRate?.(this.rateScale);
      return prepareSpeech(voice, text, signal);
    });
    prepared.catch(() => undefined);
    return { play: async (playSignal, callbacks) => (await prepared).play(playSignal, callbacks) };
  }

  async speak(text: string, signal: AbortSignal, callbacks?: SpeakCallbacks): Promise<void> {
    const voice = this.inner ?? (await this.ready);
    voice.setRate?.(this.rateScale);
    if (signal.aborted) return;
    return voice.speak(text, signal, callbacks);
  }
}
