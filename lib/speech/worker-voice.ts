import { companionDestination } from './companion-bus';
import { charsSpokenAt, envelopeAt, leadingSilence, loudnessEnvelope } from './envelope';
import { audioStartPageMs, phonemeTrack } from './phoneme-timing';
import type { TtsAudioMessage } from './tts-protocol';
import type { PreparedSpeech, SpeakCallbacks, SpeechOutput } from './types';

/** A synthesized chunk as TTS workers post it (eSpeak: tts-protocol.ts; Piper: piper/protocol.ts). */
export type AudioMessage = TtsAudioMessage;

/** What a TTS worker may post back: a clip, an error for a request, or anything else (ignored here). */
type WorkerReply = AudioMessage | { type: 'error'; id: number | null; message: string } | { type: string; id?: number | null };

/** Gain while the user might be barging in: low enough to hear them, high enough to resume smoothly. */
const DUCKED_GAIN = 0.15;

/**
 * A voice synthesized in a worker and played through the call's AudioContext: one request in the
 * worker at a time, chunks prepared ahead, abortable, duckable. Lip-sync level comes from the
 * loudness envelope of the very samples being played; phoneme timings go to `onPhonemes` with each
 * chunk's start on the page clock. Subclasses say how to start the worker and what to ask it.
 */
export abstract class WorkerVoice implements SpeechOutput {
  abstract readonly id: string;
  abstract readonly label: string;
  readonly audible = true;
  private readonly worker: Worker;
  private readonly getContext: () => AudioContext | null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: AudioMessage) => void; reject: (e: Error) => void }>();
  /** All of this voice's audio goes through one gain, so a possible barge-in can duck it at once. */
  private output: GainNode | null = null;
  /** Where `output` is connected: the call's companion bus, or the destination without one. */
  private outputTarget: AudioNode | null = null;
  private ducked = false;
  /** Persona adaptation's rate multiplier (slower for an anxious or tired user). */
  protected rateScale = 1;
  /** Chunks waiting for synthesis, oldest first; `synthesizing` while one is in the worker. */
  private readonly queue: { text: string; signal: AbortSignal; resolve: (clip: AudioMessage | null) => void; reject: (error: Error) => void }[] = [];
  private synthesizing = false;
  /** Milliseconds the last clip took to synthesize (HUD). */
  lastSynthMs = 0;
  initMs = 0;

  protected constructor(worker: Worker, getContext: () => AudioContext | null) {
    this.worker = worker;
    this.getContext = getContext;
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const message = event.data;
      const id = typeof message.id === 'number' ? message.id : null;
      if (id === null) return;
      if (message.type === 'audio') this.pending.get(id)?.resolve(message as AudioMessage);
      else if (message.type === 'error') this.pending.get(id)?.reject(new Error((message as { message: string }).message));
      else return;
      this.pending.delete(id);
    };
  }

  /** The worker message that asks for `text` to be synthesized as request `id`. */
  protected abstract request(id: number, text: string): unknown;

  /** Synthesizes `text` now (no queue): warm-ups and checks. */
  protected synthesize(text: string): Promise<AudioMessage> {
    const id = this.nextId++;
    return new Promise<AudioMessage>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage(this.request(id, text));
    });
  }

  /**
   * Queues `text` for synthesis: one request in the worker at a time, so the chunk needed first is
   * never behind later ones, and chunks aborted while they wait are never synthesized at all.
   */
  private enqueue(text: string, signal: AbortSignal): Promise<AudioMessage | null> {
    return new Promise<AudioMessage | null>((resolve, reject) => {
      this.queue.push({ text, signal, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.synthesizing) return;
    let next = this.queue.shift();
    while (next?.signal.aborted) {
      next.resolve(null);
      next = this.queue.shift();
    }
    if (!next) return;
    const job = next;
    this.synthesizing = true;
    this.synthesize(job.text)
      .then((clip) => job.resolve(job.signal.aborted ? null : clip), job.reject)
      .finally(() => {
        this.synthesizing = false;
        this.pump();
      });
  }

  /** Starts synthesizing now (behind earlier chunks); the audio plays only when `play` is called. */
  prepare(text: string, signal: AbortSignal): PreparedSpeech {
    const clip = signal.aborted ? Promise.resolve(null) : this.enqueue(text, signal);
    // A dropped chunk's failure is nobody's concern; a played one reports it from play().
    clip.catch(() => undefined);
    return { play: (playSignal, callbacks) => this.play(text, clip, playSignal, callbacks) };
  }

  speak(text: string, signal: AbortSignal, callbacks: SpeakCallbacks = {}): Promise<void> {
    return this.prepare(text, signal).play(signal, callbacks);
  }

  private async play(text: string, synthesized: Promise<AudioMessage | null>, signal: AbortSignal, callbacks: SpeakCallbacks = {}): Promise<void> {
    if (signal.aborted) return;
    const clip = await synthesized;
    if (!clip || signal.aborted) return;
    this.lastSynthMs = clip.synthMs;
    const context = this.getContext();
    if (!context || context.state === 'closed') throw new Error('no audio output');
    // eSpeak opens each utterance with silence: skip it, so the first sound is the first sample.
    const lead = leadingSilence(clip.samples, clip.sampleRate);
    const samples = clip.samples.subarray(lead.samples);
    const buffer = context.createBuffer(1, Math.max(1, samples.length), clip.sampleRate);
    buffer.getChannelData(0).set(samples);
    const envelope = loudnessEnvelope(samples, clip.sampleRate);
    const durationMs = (samples.length / clip.sampleRate) * 1000;
    // Phoneme times count from the clip's start, before the skipped silence.
    const track = callbacks.onPhonemes ? phonemeTrack(clip.phonemes, lead.ms, durationMs + lead.ms) : [];
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(this.outputFor(context));
    await new Promise<void>((resolve) => {
      let timer: ReturnType<typeof setInterval> | null = null;
      const finish = () => {
        if (timer) clearInterval(timer);
        signal.removeEventListener('abort', stop);
        callbacks.onLevel?.(0);
        resolve();
      };
      const stop = () => {
        try {
          source.stop();
        } catch {
          // already stopped
        }
        if (track.length) callbacks.onPhonemes?.({ type: 'stop' });
        finish();
      };
      source.onended = finish;
      signal.addEventListener('abort', stop, { once: true });
      const startAt = context.currentTime + 0.01;
      source.start(startAt);
      // Output latency so captions and the mouth match what the speaker plays, not what was scheduled.
      const latency = (context.outputLatency || context.baseLatency || 0) * 1000;
      if (track.length) callbacks.onPhonemes?.({ type: 'start', phonemes: track, audioStartMs: audioStartPageMs(startAt, context.currentTime, performance.now(), latency), durationMs });
      callbacks.onStart?.();
      timer = setInterval(() => {
        const ms = (context.currentTime - startAt) * 1000 - latency;
        callbacks.onLevel?.(envelopeAt(envelope, ms));
        // Word timings count from the clip's start, before the skipped silence.
        callbacks.onProgress?.(charsSpokenAt(clip.words, ms + lead.ms, text.length, durationMs + lead.ms));
      }, 20);
    });
    callbacks.onProgress?.(text.length);
  }

  private outputFor(context: AudioContext): GainNode {
    if (!this.output || this.output.context !== context) {
      this.output = context.createGain();
      this.output.gain.value = this.ducked ? DUCKED_GAIN : 1;
      this.outputTarget = null;
    }
    const target = companionDestination(context);
    if (this.outputTarget !== target) {
      if (this.outputTarget) this.output.disconnect();
      this.output.connect(target);
      this.outputTarget = target;
    }
    return this.output;
  }

  setRate(scale: number): void {
    this.rateScale = Number.isFinite(scale) && scale > 0 ? scale : 1;
  }

  /** Ducks within ~10 ms (a short ramp, no click); the clip keeps playing underneath. */
  duck(ducked: boolean): void {
    this.ducked = ducked;
    const output = this.output;
    if (!output) return;
    output.gain.setTargetAtTime(ducked ? DUCKED_GAIN : 1, output.context.currentTime, 0.01);
  }

  dispose(): void {
    this.worker.terminate();
    for (const { reject } of this.queue.splice(0)) reject(new Error('voice disposed'));
    for (const { reject } of this.pending.values()) reject(new Error('voice disposed'));
    this.pending.clear();
  }
}
