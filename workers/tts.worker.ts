/// <reference lib="webworker" />
/**
 * Text-to-speech worker: eSpeak NG (GPL-3.0, loaded at run time as a separate module from
 * /vendor/espeak/, copied out of its npm package by `npm run setup`). Returns PCM plus word and
 * phoneme timings for captions and lip sync. Text never leaves this device.
 */
import type { TtsInMessage, TtsOutMessage, TtsTimedEvent } from '../lib/speech/tts-protocol';
import { escapeForEspeak, loadEspeak, type EspeakEngine } from './espeak-engine';

declare const self: DedicatedWorkerGlobalScope;

let engine: EspeakEngine | null = null;
let currentVoice = '';

function post(message: TtsOutMessage, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

self.onmessage = async (event: MessageEvent<TtsInMessage>) => {
  const message = event.data;
  if (message.type === 'init') {
    const started = performance.now();
    try {
      engine = await loadEspeak(message.moduleUrl);
      post({ type: 'ready', sampleRate: engine.get_samplerate(), initMs: performance.now() - started });
    } catch (error) {
      post({ type: 'error', id: null, message: `eSpeak NG could not load: ${String(error)}` });
    }
    return;
  }
  if (!engine) {
    post({ type: 'error', id: message.id, message: 'eSpeak NG is not loaded' });
    return;
  }
  const started = performance.now();
  try {
    if (currentVoice !== message.voice) {
      // An unknown voice returns non-zero and keeps the old one: fall back to plain English.
      if (engine.set_voice(message.voice) !== 0) engine.set_voice('en');
      currentVoice = message.voice;
    }
    engine.set_rate(message.rate);
    engine.set_pitch(message.pitch);
    const chunks: Int16Array[] = [];
    const words: TtsTimedEvent[] = [];
    const phonemes: TtsTimedEvent[] = [];
    let total = 0;
    engine.synthesize(escapeForEspeak(message.text), (chunk, events) => {
      if (chunk && chunk.length) {
        chunks.push(chunk);
        total += chunk.length;
      }
      for (const e of events) {
        const timed = { ms: e.audio_position, charIndex: Math.max(0, e.text_position - 1), phoneme: '' };
        if (e.type === 'word') words.push(timed);
        // Pauses come as phonemes with an empty id: kept (as '') so lip sync closes the mouth there.
        else if (e.type === 'phoneme') phonemes.push({ ...timed, phoneme: typeof e.id === 'string' ? e.id : '' });
      }
      return 0;
    });
    const samples = new Float32Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      for (let i = 0; i < chunk.length; i++) samples[offset + i] = chunk[i] / 32768;
      offset += chunk.length;
    }
    post({ type: 'audio', id: message.id, sampleRate: engine.get_samplerate(), samples, words, phonemes, synthMs: performance.now() - started }, [samples.buffer]);
  } catch (error) {
    post({ type: 'error', id: message.id, message: String(error) });
  }
};
