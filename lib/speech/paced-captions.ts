import type { SpeakCallbacks, SpeechOutput } from './types';

/** Speaking pace of the caption reveal, characters per second (~165 words per minute). */
export const CAPTION_CHARS_PER_SECOND = 15;

/**
 * Captions-only "voice": reveals the reply at speaking pace without sound. Used when no on-device
 * voice exists (or the user turned voice off); the HUD says so, it never pretends to talk.
 */
export class PacedCaptions implements SpeechOutput {
  readonly id = 'captions';
  readonly label = 'Captions only (no voice available)';
  readonly audible = false;
  private readonly charsPerSecond: number;

  constructor(charsPerSecond = CAPTION_CHARS_PER_SECOND) {
    this.charsPerSecond = charsPerSecond;
  }

  speak(text: string, signal: AbortSignal, callbacks: SpeakCallbacks = {}): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      callbacks.onStart?.();
      const started = Date.now();
      const timer = setInterval(() => {
        const chars = Math.min(text.length, Math.floor(((Date.now() - started) / 1000) * this.charsPerSecond));
        callbacks.onProgress?.(chars);
        // A gentle pseudo-level so the placeholder face moves its mouth with the captions.
        const ch = text[chars] ?? ' ';
        callbacks.onLevel?.(/[aeiouy]/i.test(ch) ? 0.7 : /\s|[.,!?]/.test(ch) ? 0.05 : 0.35);
        if (chars >= text.length) finish();
      }, 50);
      const finish = () => {
        clearInterval(timer);
        signal.removeEventListener('abort', finish);
        callbacks.onLevel?.(0);
        resolve();
      };
      signal.addEventListener('abort', finish);
    });
  }
}
