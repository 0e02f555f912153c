import type { PersonaVoice } from '../persona/types';
import type { VoiceChoice } from '../settings/store';
import { createBrowserVoice } from './browser-voice';
import { EspeakVoice } from './espeak-voice';
import { PacedCaptions } from './paced-captions';
import type { PiperVoiceSpec } from './piper/catalogue';
import { PiperVoice, type PiperLoadProgress } from './piper/piper-voice';
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

/** What 'neural' needs: the Piper voice for this persona, where it downloads from, whether the user agreed to download it. */
export interface NeuralVoiceRequest {
  spec: PiperVoiceSpec;
  host: string;
  allowDownload: boolean;
  onProgress?: (progress: PiperLoadProgress) => void;
}

/**
 * Chooses the companion's voice. 'auto': eSpeak NG on this device (no download), else a local
 * browser voice, else captions; 'neural': a Piper voice (downloaded once), else as 'auto';
 * 'browser': a local browser voice, else captions; 'captions': none. `onFallback` explains a
 * fallback the user did not choose, and says what speaks instead.
 */
export async function selectVoice(
  choice: VoiceChoice,
  persona: PersonaVoice,
  getContext: () => AudioContext | null,
  onFallback: (reason: string, next: 'espeak' | 'browser') => void = () => undefined,
  neural?: NeuralVoiceRequest,
): Promise<SpeechOutput> {
  if (choice === 'captions' || typeof window === 'undefined') return new PacedCaptions();
  if (choice === 'neural' && neural) {
    try {
      return await PiperVoice.create(getContext, { ...neural, persona });
    } catch (error) {
      onFallback(`The neural voice (${neural.spec.id}) could not start: ${error instanceof Error ? error.message : String(error)} eSpeak NG speaks instead.`, 'espeak');
    }
  }
  if (choice === 'auto' || choice === 'neural') {
    try {
      return await EspeakVoice.create(getContext, persona);
    } catch (error) {
      onFallback(`The on-device voice could not start (${error instanceof Error ? error.message : String(error)}).`, 'browser');
    }
  }
  return (await browserVoice()) ?? new PacedCaptions();
}
