import type { PreparedSpeech, SpeakCallbacks, SpeechOutput } from './types';

/** One thing the fake voice did, in order: a synthesis started or finished, a chunk played or stopped. */
export interface FakeVoiceEvent {
  kind: 'synth-start' | 'synth-end' | 'synth-dropped' | 'play-start' | 'play-end' | 'play-stopped';
  text: string;
  atMs: number;
}

/**
 * Test double for a voice that synthesizes ahead (like eSpeak): synthesis takes `synthMsPerWord`
 * per word, one chunk at a time; playback takes `playMsPerWord` per word. Unit tests only.
 */
export class FakeVoice implements SpeechOutput {
  readonly id = 'fake';
  readonly label = 'Fake voice (test only)';
  readonly audible = true;
  readonly events: FakeVoiceEvent[] = [];
  private readonly started = Date.now();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly synthMsPerWord = 5, private readonly playMsPerWord = 10) {}

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
