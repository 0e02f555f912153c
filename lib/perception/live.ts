/**
 * Per-frame metrics of the live call. A plain mutable object, written by the media pipeline and
 * read by render loops and the HUD on their own clock — never React state.
 */
export interface LiveMetrics {
  /** Frames handed to the vision worker / finished by it / dropped because it was busy. */
  videoFramesSent: number;
  videoFramesProcessed: number;
  videoFramesDropped: number;
  /** Frames per second delivered to the worker over the last second. */
  videoFps: number;
  /** Mean luma of the newest frame, 0..1. */
  videoLuma: number;
  /** Worker processing time of the newest frame, ms. */
  videoProcessMs: number;
  /** 10 ms audio frames received on the main thread. */
  audioFrames: number;
  /** Audio frames lost: sequence gaps plus render quanta the worklet missed. */
  audioFramesDropped: number;
  /** Frames per second received over the last second (100 expected). */
  audioFps: number;
  /** Mic level 0..1 (meter position). */
  micLevel: number;
  /** Companion voice level 0..1 (drives the mouth). */
  speechLevel: number;
  /** Faces in the newest processed frame (0 when none or tracking is off). */
  faces: number;
  /** The user's 52 blendshapes from the newest frame (MediaPipe order), updated in place. */
  userBlendshapes: Float32Array;
  /** The user's head pose, degrees. */
  headYaw: number;
  headPitch: number;
  headRoll: number;
  blinks: number;
  blinkRatePerMinute: number;
}

export function createLiveMetrics(): LiveMetrics {
  return {
    videoFramesSent: 0,
    videoFramesProcessed: 0,
    videoFramesDropped: 0,
    videoFps: 0,
    videoLuma: 0,
    videoProcessMs: 0,
    audioFrames: 0,
    audioFramesDropped: 0,
    audioFps: 0,
    micLevel: 0,
    speechLevel: 0,
    faces: 0,
    userBlendshapes: new Float32Array(52),
    headYaw: 0,
    headPitch: 0,
    headRoll: 0,
    blinks: 0,
    blinkRatePerMinute: 0,
  };
}

/** Counts events and reports a rate per second over a sliding one-second window. */
export class RateCounter {
  private readonly stamps: Float64Array;
  private head = 0;
  private count = 0;

  constructor(capacity = 256) {
    this.stamps = new Float64Array(capacity);
  }

  /** Records one event at `nowMs`. */
  tick(nowMs: number): void {
    this.stamps[this.head] = nowMs;
    this.head = (this.head + 1) % this.stamps.length;
    if (this.count < this.stamps.length) this.count++;
  }

  /** Events in the last 1000 ms before `nowMs`. */
  rate(nowMs: number): number {
    let n = 0;
    for (let i = 0; i < this.count; i++) if (nowMs - this.stamps[i] <= 1000) n++;
    return n;
  }
}
