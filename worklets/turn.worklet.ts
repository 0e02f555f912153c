/// <reference lib="webworker" />
/**
 * AudioWorklet: microphone → 16 kHz 10 ms frames → lib/turns (features + model + policy) every
 * frame → typed turn events. A thin adapter: the weights come from the main thread (a worklet
 * cannot fetch, and onnxruntime cannot run here); all logic is in lib/turns and tested in Node.
 */
import { Framer, mixToMono, StreamingResampler } from '../lib/audio/resampler';
import { FRAME_SAMPLES, PIPELINE_SAMPLE_RATE } from '../lib/audio/protocol';
import { TurnDetector } from '../lib/turns/detector';
import {
  TURN_WORKLET_NAME,
  type TurnWorkletInMessage,
  type TurnWorkletOutMessage,
} from '../lib/turns/protocol';

declare const sampleRate: number;
declare const currentFrame: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, ctor: new () => AudioWorkletProcessor): void;

const TRACE_EVERY_FRAMES = 5;

class TurnProcessor extends AudioWorkletProcessor {
  private readonly resampler = new StreamingResampler(sampleRate, PIPELINE_SAMPLE_RATE);
  private readonly framer = new Framer(FRAME_SAMPLES);
  private readonly mono = new Float32Array(128);
  private readonly resampled = new Float32Array(128);
  private detector: TurnDetector | null = null;
  /** Audio-clock time of the detector's frame 0, s. */
  private streamStart = -1;
  private running = true;
  private readonly onFrame = (frame: Float32Array): void => {
    const detector = this.detector;
    if (!detector) return;
    if (this.streamStart < 0) this.streamStart = currentFrame / sampleRate;
    const count = detector.processFrame(frame);
    const time = this.streamStart + detector.timeSeconds;
    for (let i = 0; i < count; i++) {
      this.post({
        type: 'event',
        event: {
          type: detector.policy.emitted[i],
          time,
          floorProbability: detector.floorProbability,
          pauseMs: detector.features.framesSinceSpeech * 10,
        },
      });
    }
    if (detector.features.frameIndex % TRACE_EVERY_FRAMES === 0) {
      this.post({ type: 'trace', time, floorProbability: detector.floorProbability, speech: detector.features.speech });
    }
  };

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<TurnWorkletInMessage>) => this.receive(event.data);
  }

  private receive(message: TurnWorkletInMessage): void {
    try {
      switch (message.type) {
        case 'model':
          this.detector = new TurnDetector(message.model);
          this.streamStart = -1;
          this.post({ type: 'ready', featureCount: this.detector.model.featureCount, trees: message.model.trees.length });
          break;
        case 'transcript':
          if (this.detector && this.streamStart >= 0) this.detector.postTranscript(message.text, message.endTime - this.streamStart);
          break;
        case 'companion-speaking':
          this.detector?.setCompanionSpeaking(message.speaking);
          break;
        case 'echo-reference':
          this.detector?.policy.setEchoReference(message.levelDb);
          break;
        case 'yield':
          this.detector?.yieldFloor();
          break;
        case 'reset':
          this.detector?.reset();
          this.streamStart = -1;
          break;
        case 'stop':
          this.running = false;
          break;
      }
    } catch (error) {
      this.post({ type: 'error', code: message.type === 'model' ? 'model:load' : 'turns:runtime', message: String(error) });
    }
  }

  private post(message: TurnWorkletOutMessage): void {
    this.port.postMessage(message);
  }

  process(inputs: Float32Array[][]): boolean {
    if (!this.running) return false;
    const channels = inputs[0];
    if (!channels || channels.length === 0 || !this.detector) return true;
    const length = channels[0].length;
    const mono = mixToMono(channels, this.mono);
    const resampled = length <= this.resampled.length ? this.resampled : new Float32Array(length);
    const written = this.resampler.process(mono, resampled);
    this.framer.push(resampled, written, this.onFrame);
    return true;
  }
}

registerProcessor(TURN_WORKLET_NAME, TurnProcessor);
