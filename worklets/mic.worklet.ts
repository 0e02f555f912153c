/// <reference lib="webworker" />
/**
 * AudioWorklet: microphone → mono → 16 kHz → 10 ms frames posted to the main thread.
 * A thin adapter: resampling and framing live in lib/audio and are unit-tested in Node.
 */
import { Framer, mixToMono, StreamingResampler } from '../lib/audio/resampler';
import { rms } from '../lib/audio/level';
import {
  FRAME_SAMPLES,
  MIC_WORKLET_NAME,
  PIPELINE_SAMPLE_RATE,
  type MicWorkletInMessage,
  type MicWorkletOutMessage,
} from '../lib/audio/protocol';

declare const sampleRate: number;
declare const currentFrame: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, ctor: new () => AudioWorkletProcessor): void;

class MicFramesProcessor extends AudioWorkletProcessor {
  private readonly resampler = new StreamingResampler(sampleRate, PIPELINE_SAMPLE_RATE);
  private readonly framer = new Framer(FRAME_SAMPLES);
  private readonly mono = new Float32Array(128);
  private readonly resampled = new Float32Array(128);
  private seq = 0;
  /** Audio-clock end of the render quantum being processed, s (frames complete inside it). */
  private quantumEnd = 0;
  private nextExpectedFrame = -1;
  private missedInputSamples = 0;
  private running = true;
  private readonly gaps: { atSeconds: number; samples: number }[] = [];
  private readonly emit = (frame: Float32Array): void => {
    const samples = frame.slice();
    const message: MicWorkletOutMessage = {
      type: 'frame',
      seq: this.seq++,
      // The frame's last sample lies in this quantum: its first is ~10 ms before the quantum's end (±2.9 ms).
      time: this.quantumEnd - FRAME_SAMPLES / PIPELINE_SAMPLE_RATE,
      samples,
      rms: rms(samples),
    };
    this.port.postMessage(message, [samples.buffer]);
  };

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<MicWorkletInMessage>) => {
      if (event.data.type === 'stop') this.running = false;
      if (event.data.type === 'stats') this.postStats();
    };
  }

  private postStats(): void {
    const message: MicWorkletOutMessage = {
      type: 'stats',
      framesEmitted: this.seq,
      framesDropped: Math.round(this.missedInputSamples / ((sampleRate / PIPELINE_SAMPLE_RATE) * FRAME_SAMPLES)),
      gaps: this.gaps.slice(),
    };
    this.port.postMessage(message);
  }

  process(inputs: Float32Array[][]): boolean {
    if (!this.running) return false;
    const channels = inputs[0];
    if (!channels || channels.length === 0) return true;
    const length = channels[0].length;
    // Render quanta the audio thread skipped (glitches) count as dropped input.
    if (this.nextExpectedFrame >= 0 && currentFrame > this.nextExpectedFrame) {
      this.missedInputSamples += currentFrame - this.nextExpectedFrame;
      if (this.gaps.length < 32) this.gaps.push({ atSeconds: currentFrame / sampleRate, samples: currentFrame - this.nextExpectedFrame });
    }
    this.nextExpectedFrame = currentFrame + length;
    this.quantumEnd = (currentFrame + length) / sampleRate;
    const mono = mixToMono(channels, this.mono);
    const written = this.resampler.process(mono, this.resampled);
    this.framer.push(this.resampled, written, this.emit);
    return true;
  }
}

registerProcessor(MIC_WORKLET_NAME, MicFramesProcessor);
