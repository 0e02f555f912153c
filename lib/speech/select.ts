import type { VoiceChoice } from '../settings/store';
import { createBrowserVoice } from './browser-voice';
import { PacedCaptions } from './paced-captions';
import type { SpeechOutput } from './types';

/** Chooses the companion's voice: an on-device browser voice when allowed and present, else captions. */
export async function selectVoice(choice: VoiceChoice): Promise<SpeechOutput> {
  if (choice === 'captions' || typeof window === 'undefined') return new PacedCaptions();
  const synth = window.speechSynthesis;
  if (synth && synth.getVoices().length === 0) {
    // Chromium fills the voice list asynchronously.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 400);
      synth.addEventListener('voiceschanged', () => { clearTimeout(timer); resolve(); }, { once: true });
    });
  }
  return createBrowserVoice(synth) ?? new PacedCaptions();
}
