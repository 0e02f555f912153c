import type { PersonaVoice } from '../persona/types';
import type { VoiceChoice } from '../settings/store';
import { createBrowserVoice } from './browser-voice';
import { EspeakVoice } from './espeak-voice';
import { PacedCaptions } from './paced-captions';
import type { SpeechOutput } from './types';

async function browserVoice(): Promise<SpeechOutput | null> {
  const synth = window.speechSynthesis;
  if (synth && synth.getVoices().length === 0) {
    // Chromium fills the voice list asynchronously.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 400);
      synth.addEventListener('voiceschanged', () => { clearTimeout(timer); resolve(); }, { once: true });
    });
  }
  return createBrowserVoice(synth);
}

/**
 * Chooses the companion's voice. 'auto': eSpeak NG on this device (no download), else a local
 * browser voice, else captions; 'browser': a local browser voice, else captions; 'captions': none.
 * `onFallback` explains a fallback the user did not choose.
 */
export async function selectVoice(
  choice: VoiceChoice,
  persona: PersonaVoice,
  getContext: () => AudioContext | null,
  onFallback: (reason: string) => void = () => undefined,
): Promise<SpeechOutput> {
  if (choice === 'captions' || typeof window === 'undefined') return new PacedCaptions();
  if (choice === 'auto') {
    try {
      return await EspeakVoice.create(getContext, persona);
    } catch (error) {
      onFallback(`The on-device voice could not start (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
  return (await browserVoice()) ?? new PacedCaptions();
}
