import type { SpeakCallbacks, SpeechOutput } from './types';

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

  async speak(text: string, signal: AbortSignal, callbacks?: SpeakCallbacks): Promise<void> {
    const voice = this.inner ?? (await this.ready);
    voice.setRate?.(this.rateScale);
    if (signal.aborted) return;
    return voice.speak(text, signal, callbacks);
  }
}
