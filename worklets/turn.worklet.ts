/// <reference lib="webworker" />
/**
 * AudioWorklet: microphone → 16 kHz 10 ms frames → lib/turns (features + model + policy) every
 * frame → typed turn events. A thin adapter: the weights come from the main thread (a worklet
 * cannot fetch, and onnxruntime cannot run here); all logic is in lib/turns and tested in Node.
 * Its one output is the companion voice's gate (lib/turns/gate.ts): an offset added to the
 * companion bus's gain, so a barge-in ducks and then silences the voice on the audio thread.
 */
import { Framer, mixToMono, StreamingResampler } from '../lib/audio/resampler';
import { FRAME_SAMPLES, PIPELINE_SAMPLE_RATE } from '../lib/audio/protocol';
import { FrameBacklog, PendingWords } from '../lib/turns/backlog';
import { TurnDetector } from '../lib/turns/detector';
import { GainOffsetRamp } from '../lib/turns/gate';
import {
  TURN_WORKLET_NAME,
  VAD_MAX_AGE_S,
  type TurnWorkletInMessage,
  type TurnWorkletOutMessage,
} from '../lib/turns/protocol';

declare const sampleRate: number;
declare const currentFrame: number;
declare const currentTime: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, ctor: new () => AudioWorkletProcessor): void;

const TRACE_EVERY_FRAMES = 5;
/** Frames kept while the model is on its way (10 s): see lib/turns/backlog.ts. */
const BACKLOG_FRAMES = 1000;
/** Backlog frames run per render quantum once the model is in (10 s of audio catch up in ~40 ms). */
const CATCH_UP_FRAMES = 64;

class TurnProcessor extends AudioWorkletProcessor {
  private readonly resampler = new StreamingResampler(sampleRate, PIPELINE_SAMPLE_RATE);
  private readonly framer = new Framer(FRAME_SAMPLES);
  private readonly mono = new Float32Array(128);
  private readonly resampled = new Float32Array(128);
  private detector: TurnDetector | null = null;
  private readonly gate = new GainOffsetRamp(sampleRate);
  /** Audio-clock end of the render quantum being processed, s (frames complete inside it). */
  private quantumEnd = 0;
  /**
   * Audio clock minus the detector's stream time, s, re-anchored at every frame (null before the
   * first). Counting 10 ms per frame from the first one put events early by every render quantum
   * the audio thread skipped since (50-170 ms by the barge-in of a busy e2e page).
   */
  private streamOffset: number | null = null;
  /** Audio-clock end of the latest frame the detector ran, s. */
  private lastFrameTime = 0;
  private running = true;
  /** Mic frames from before the model arrived; they run through the detector once it exists. */
  private readonly backlog = new FrameBacklog(FRAME_SAMPLES, BACKLOG_FRAMES);
  /** Recognizer words wait here until the detector has run the audio they end on. */
  private readonly words = new PendingWords();
  private readonly applyWords = (text: string, endTime: number): void => {
    if (this.detector && this.streamOffset !== null) this.detector.postTranscript(text, endTime - this.streamOffset);
  };
  private readonly onFrame = (frame: Float32Array): void => {
    // The frame's last sample lies in this quantum: its end is the quantum's end (±2.9 ms).
    if (this.detector && this.backlog.length === 0) this.runFrame(this.detector, frame, this.quantumEnd);
    else this.backlog.push(frame, this.quantumEnd);
  };
  private readonly replayFrame = (frame: Float32Array, time: number): void => {
    if (this.detector) this.runFrame(this.detector, frame, time);
  };

  private runFrame(detector: TurnDetector, frame: Float32Array, time: number): void {
    // Words that end by the previous frame count from this one (as they did when applied on arrival).
    if (this.words.length > 0 && this.streamOffset !== null) this.words.release(this.lastFrameTime, this.applyWords);
    const count = detector.processFrame(frame);
    this.streamOffset = time - detector.timeSeconds;
    this.lastFrameTime = time;
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
      this.post({ type: 'trace', time, floorProbability: detector.floorProbability, speech: detector.features.speech, voiceGate: detector.features.voiceGateLive });
    }
  }

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<TurnWorkletInMessage>) => this.receive(event.data);
  }

  private receive(message: TurnWorkletInMessage): void {
    try {
      switch (message.type) {
        case 'model':
          // The recognizers report the whole turn so far: the detector cuts it at the user's pauses.
          this.detector = new TurnDetector(message.model, {}, { cumulativeTranscripts: true });
          this.streamOffset = null;
          // The audio heard while the model travelled runs next (process), at its own times.
          const { commitThreshold, maxPauseMs } = this.detector.policy.options;
          this.post({ type: 'ready', featureCount: this.detector.model.featureCount, trees: message.model.trees.length, commitThreshold, maxPauseMs });
          break;
        case 'transcript':
          this.words.push(message.text, message.endTime);
          break;
        case 'companion-speaking':
          this.detector?.setCompanionSpeaking(message.speaking);
          break;
        case 'echo-reference':
          this.detector?.policy.setEchoReference(message.levelDb);
          break;
        case 'voice-activity':
          if (currentTime - message.blockEnd <= VAD_MAX_AGE_S) this.detector?.postVoiceActivity(message.probability);
          break;
        case 'yield':
          this.detector?.yieldFloor();
          break;
        case 'reset':
          this.detector?.reset();
          this.streamOffset = null;
          this.words.clear();
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

  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    if (!this.running) return false;
    const channels = inputs[0];
    if (channels && channels.length > 0) {
      const length = channels[0].length;
      this.quantumEnd = (currentFrame + length) / sampleRate;
      const mono = mixToMono(channels, this.mono);
      const resampled = length <= this.resampled.length ? this.resampled : new Float32Array(length);
      const written = this.resampler.process(mono, resampled);
      this.framer.push(resampled, written, this.onFrame);
    }
    if (this.detector && this.backlog.length > 0) this.backlog.drain(this.replayFrame, CATCH_UP_FRAMES);
    const gate = outputs[0]?.[0];
    if (gate) this.gate.fill(gate, this.detector ? this.detector.policy.companionGain() : 1);
    return true;
  }
}

registerProcessor(TURN_WORKLET_NAME, TurnProcessor);
