/**
 * Sends camera frames to a worker at a capped rate, one in flight at a time. When the worker is
 * still busy, the new frame is dropped — never queued — so latency stays one frame at most.
 */
export interface FramePumpPorts<Frame> {
  /** Schedules `callback` for the next presented video frame (requestVideoFrameCallback). Returns a cancel function. */
  onNextFrame(callback: (nowMs: number) => void): () => void;
  /** Grabs the current frame (e.g. createImageBitmap(video)); null when nothing can be read. */
  capture(): Promise<Frame | null>;
  /** Transfers the frame to the worker. */
  send(frame: Frame, seq: number, timestampMs: number): void;
  /** Frees a frame that was captured but not sent. */
  release(frame: Frame): void;
}

export interface FramePumpStats {
  /** Frames handed to the worker. */
  sent: number;
  /** Frames the worker finished. */
  processed: number;
  /** Frames skipped because the worker was still busy. */
  droppedBusy: number;
  /** Frames skipped to respect the rate cap. */
  skippedRate: number;
}

export class FramePump<Frame> {
  private readonly ports: FramePumpPorts<Frame>;
  private readonly minIntervalMs: number;
  private inFlight = false;
  private capturing = false;
  private running = false;
  private lastSentMs = -Infinity;
  private seq = 0;
  private cancel: (() => void) | null = null;
  readonly stats: FramePumpStats = { sent: 0, processed: 0, droppedBusy: 0, skippedRate: 0 };

  /** @param maxFps cap on frames per second sent to the worker. */
  constructor(ports: FramePumpPorts<Frame>, maxFps: number) {
    this.ports = ports;
    // Allow 10 % jitter so a 30 fps camera capped at 15 fps sends every other frame, not fewer.
    this.minIntervalMs = (1000 / maxFps) * 0.9;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.cancel?.();
    this.cancel = null;
  }

  /** The worker reports it finished a frame. */
  frameDone(): void {
    if (this.inFlight) this.stats.processed++;
    this.inFlight = false;
  }

  get busy(): boolean {
    return this.inFlight;
  }

  private schedule(): void {
    if (!this.running) return;
    this.cancel = this.ports.onNextFrame((now) => this.tick(now));
  }

  private tick(nowMs: number): void {
    this.schedule();
    if (nowMs - this.lastSentMs < this.minIntervalMs) {
      this.stats.skippedRate++;
      return;
    }
    if (this.inFlight || this.capturing) {
      this.stats.droppedBusy++;
      return;
    }
    this.capturing = true;
    this.lastSentMs = nowMs;
    void this.ports.capture().then(
      (frame) => {
        this.capturing = false;
        if (!frame) return;
        if (!this.running || this.inFlight) {
          this.ports.release(frame);
          return;
        }
        this.inFlight = true;
        this.stats.sent++;
        this.ports.send(frame, this.seq++, nowMs);
      },
      () => {
        this.capturing = false;
      },
    );
  }
}
