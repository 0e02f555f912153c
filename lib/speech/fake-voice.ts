import { audioStartPageMs, phonemeTrack } from './phoneme-timing';
import type { TtsTimedEvent } from './tts-protocol';
import type { PreparedSpeech, SpeakCallbacks, SpeechOutput } from './types';

/** Fake eSpeak-like output for lip-sync tests: phoneme timings on a fake audio clock. */
export interface FakeVoicePhonemes {
  /** Silence at the head of each synthesized clip, ms: skipped on playback, as eSpeak's is. */
  leadMs?: number;
  /** Output latency of the fake AudioContext, ms. */
  latencyMs?: number;
  /** Where the fake AudioContext's clock started on the page clock, ms (its time 0). */
  contextOriginMs?: number;
}

/**
 * The phoneme events the fake voice "synthesizes" for `text`: after `leadMs` of silence, each word
 * takes `msPerWord`, shared evenly by its letters (each letter is its own phoneme, so 'mama' is
 * m a m a: PP aa PP aa), and a pause ('') closes the clip. Times from the clip's start.
 */
export function fakePhonemeEvents(text: string, msPerWord: number, leadMs: number): TtsTimedEvent[] {
  const events: TtsTimedEvent[] = [];
  let at = leadMs;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const letters = [...word.toLowerCase().replace(/[^a-z]/g, '')];
    letters.forEach((letter, i) => events.push({ ms: at + (i * msPerWord) / letters.length, charIndex: 0, phoneme: letter }));
    at += msPerWord;
  }
  events.push({ ms: at, charIndex: text.length, phoneme: '' });
  return events;
}

/** One thing the fake voice did, in order: a synthesis started or finished, a chunk played or stopped. */
export interface FakeVoiceEvent {
  kind: 'synth-start' | 'synth-end' | 'synth-dropped' | 'play-start' | 'play-end' | 'play-stopped';
  text: string;
  atMs: number;
}

/**
 * Test double for a voice that synthesizes ahead (like eSpeak): synthesis takes `synthMsPerWord`
 * per word, one chunk at a time; playback takes `playMsPerWord` per word. With `phonemes` it also
 * reports phoneme timings (`fakePhonemeEvents`) the way EspeakVoice does. Unit tests only.
 */
export class FakeVoice implements SpeechOutput {
  readonly id = 'fake';
  readonly label = 'Fake voice (test only)';
  readonly audible = true;
  readonly events: FakeVoiceEvent[] = [];
  private readonly started = Date.now();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly synthMsPerWord = 5, private readonly playMsPerWord = 10, private readonly phonemes?: FakeVoicePhonemes) {}

  private log(kind: FakeVoiceEvent['kind'], text: string): void {
    this.events.push({ kind, text, atMs: Date.now() - this.started });
  }

  /** Texts of the events of one kind, in order. */
  texts(kind: FakeVoiceEvent['kind']): string[] {
    return this.events.filter((e) => e.kind === kind).map((e) => e.text);
  }

  prepare(text: string, signal: AbortSignal): PreparedSpeech {
    const words = text.split(/\s+/).length;
    const ready = (this.queue = this.queue.then(async () => {
      if (signal.aborted) return this.log('synth-dropped', text);
      this.log('synth-start', text);
      await new Promise((r) => setTimeout(r, words * this.synthMsPerWord));
      this.log('synth-end', text);
    }));
    return {
      play: async (playSignal: AbortSignal, callbacks: SpeakCallbacks = {}) => {
        await ready;
        if (playSignal.aborted) return;
        this.log('play-start', text);
        const timing = this.phonemes;
        if (timing && callbacks.onPhonemes) {
          const leadMs = timing.leadMs ?? 0;
          const durationMs = words * this.playMsPerWord;
          const pageNowMs = performance.now();
          const contextNowS = (pageNowMs - (timing.contextOriginMs ?? 0)) / 1000;
          const startAt = contextNowS + 0.01;
          const track = phonemeTrack(fakePhonemeEvents(text, this.playMsPerWord, leadMs), leadMs, leadMs + durationMs);
          callbacks.onPhonemes({ type: 'start', phonemes: track, audioStartMs: audioStartPageMs(startAt, contextNowS, pageNowMs, timing.latencyMs ?? 0), durationMs });
        }
        callbacks.onStart?.();
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            playSignal.removeEventListener('abort', stop);
            this.log('play-end', text);
            callbacks.onProgress?.(text.length);
            resolve();
          }, words * this.playMsPerWord);
          const stop = () => {
            clearTimeout(timer);
            this.log('play-stopped', text);
            if (this.phonemes) callbacks.onPhonemes?.({ type: 'stop' });
            resolve();
          };
          playSignal.addEventListener('abort', stop, { once: true });
        });
      },
    };
  }

  speak(text: string, signal: AbortSignal, callbacks?: SpeakCallbacks): Promise<void> {
    return this.prepare(text, signal).play(signal, callbacks);
  }
}
