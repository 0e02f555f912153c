import { toDbfs } from './level';

/**
 * Energy voice-activity gate with an adaptive noise floor and hysteresis, per 10 ms frame.
 * It drives listening ⇄ user-speaking until the learned turn-taking model (lib/turns) replaces it.
 */
export interface VoiceActivityOptions {
  /** dB above the noise floor that counts as speech. */
  onsetDb: number;
  /** Consecutive speech frames to declare speech start. */
  onsetFrames: number;
  /** Consecutive non-speech frames to declare speech end (a pause, not a turn end). */
  releaseFrames: number;
}

export type VoiceActivityEvent = 'speech-start' | 'speech-end' | null;

export class VoiceActivityGate {
  private readonly options: VoiceActivityOptions;
  /** Running noise-floor estimate, dBFS. */
  noiseFloorDb = -60;
  speaking = false;
  private aboveCount = 0;
  private belowCount = 0;
  private framesSeen = 0;
  /** The first 300 ms calibrate the floor; no speech is declared during them. */
  private static readonly CALIBRATION_FRAMES = 30;

  constructor(options: Partial<VoiceActivityOptions> = {}) {
    this.options = { onsetDb: 12, onsetFrames: 8, releaseFrames: 50, ...options };
  }

  /** Silence that ends speech, ms. */
  get hangoverMs(): number {
    return this.options.releaseFrames * 10;
  }

  /** Feeds one frame's RMS (0..1); returns an event when the speaking state flips. */
  update(frameRms: number): VoiceActivityEvent {
    const db = toDbfs(frameRms);
    // Floor follows quiet frames fast and loud frames very slowly, so speech does not raise it.
    const calibrating = this.framesSeen++ < VoiceActivityGate.CALIBRATION_FRAMES;
    const rate = calibrating ? 0.3 : db < this.noiseFloorDb ? 0.1 : this.speaking ? 0.0005 : 0.005;
    this.noiseFloorDb += (db - this.noiseFloorDb) * rate;
    this.noiseFloorDb = Math.max(-90, Math.min(-20, this.noiseFloorDb));
    const isVoice = !calibrating && db > this.noiseFloorDb + this.options.onsetDb && db > -55;
    if (isVoice) {
      this.aboveCount++;
      this.belowCount = 0;
    } else {
      this.belowCount++;
      this.aboveCount = 0;
    }
    if (!this.speaking && this.aboveCount >= this.options.onsetFrames) {
      this.speaking = true;
      return 'speech-start';
    }
    if (this.speaking && this.belowCount >= this.options.releaseFrames) {
      this.speaking = false;
      return 'speech-end';
    }
    return null;
  }
}
