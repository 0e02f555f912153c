import type { SpeakCallbacks, SpeechOutput } from './types';

/**
 * The browser's own speech synthesis, restricted to on-device voices (`localService`), so no text
 * leaves the device. Returns null when the browser has no local voice.
 */
export function createBrowserVoice(synth: SpeechSynthesis | undefined, preferredName?: string): SpeechOutput | null {
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return null;
  const voices = synth.getVoices().filter((v) => v.localService);
  const voice = voices.find((v) => v.name === preferredName) ?? voices.find((v) => v.lang.startsWith('en')) ?? voices[0];
  if (!voice) return null;
  let rate = 1;
  return {
    id: `browser:${voice.name}`,
    label: `Browser voice (on-device): ${voice.name}`,
    audible: true,
    speak(text: string, signal: AbortSignal, callbacks: SpeakCallbacks = {}) {
      return new Promise<void>((resolve) => {
        if (signal.aborted) return resolve();
        const utterance = new SpeechSynthesisUtterance(text);
        utterance.voice = voice;
        utterance.rate = rate;
        utterance.onstart = () => callbacks.onStart?.();
        utterance.onboundary = (e) => {
          callbacks.onProgress?.(e.charIndex);
          callbacks.onLevel?.(0.6);
          setTimeout(() => callbacks.onLevel?.(0.15), 90);
        };
        const done = () => {
          callbacks.onProgress?.(text.length);
          callbacks.onLevel?.(0);
          resolve();
        };
        utterance.onend = done;
        utterance.onerror = done;
        signal.addEventListener('abort', () => {
          synth.cancel();
          done();
        }, { once: true });
        synth.speak(utterance);
      });
    },
    setRate(scale: number) {
      rate = scale;
    },
    // Browser voices have no volume control mid-utterance: pausing is the nearest to ducking.
    duck(ducked: boolean) {
      if (ducked) synth.pause();
      else synth.resume();
    },
  };
}
