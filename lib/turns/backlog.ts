/**
 * The turn worklet's frames from before its model arrived. The detector is connected to the mic
 * as soon as the mic opens, while its weights (about 1 MB) still travel to the audio thread: a user
 * who speaks at once would otherwise be heard from the middle of their first turn, and the call's
 * silence-rule stand-in could take the floor in its first pause. The frames wait here (a ring that
 * keeps the latest `capacity`) and run through the detector, with their own times, once it exists.
 * Preallocated: pushing never allocates.
 */
export class FrameBacklog {
  private readonly samples: Float32Array;
  private readonly times: Float64Array;
  private start = 0;
  private count = 0;
  /** Frames pushed out of a full ring (the oldest go first). */
  dropped = 0;

  constructor(
    readonly frameSamples: number,
    readonly capacity: number,
  ) {
    this.samples = new Float32Array(frameSamples * capacity);
    this.times = new Float64Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  /** Keeps a copy of `frame` (its first frameSamples values), whose last sample ends at `time`. */
  push(frame: Float32Array, time: number): void {
    let slot: number;
    if (this.count < this.capacity) {
      slot = (this.start + this.count) % this.capacity;
      this.count++;
    } else {
      slot = this.start;
      this.start = (this.start + 1) % this.capacity;
      this.dropped++;
    }
    this.samples.set(frame.subarray(0, this.frameSamples), slot * this.frameSamples);
    this.times[slot] = time;
  }

  /**
   * Hands up to `max` kept frames to `consume`, oldest first, and forgets them. The worklet drains a
   * few dozen per render quantum, so a long backlog does not stall the audio thread in one go.
   */
  drain(consume: (frame: Float32Array, time: number) => void, max = this.count): void {
    const n = Math.min(max, this.count);
    for (let i = 0; i < n; i++) {
      const slot = this.start;
      this.start = (this.start + 1) % this.capacity;
      this.count--;
      consume(this.samples.subarray(slot * this.frameSamples, (slot + 1) * this.frameSamples), this.times[slot]);
    }
  }
}

/**
 * Recognizer words that describe audio the detector has not run yet (the backlog while it catches
 * up, or a fragment whose end lies a frame ahead): each is handed over once the detector reaches
 * its end time, so no frame sees words about speech after it. Keeps the latest `capacity`.
 */
export class PendingWords {
  private readonly items: { text: string; endTime: number }[] = [];

  constructor(readonly capacity = 8) {}

  get length(): number {
    return this.items.length;
  }

  push(text: string, endTime: number): void {
    this.items.push({ text, endTime });
    if (this.items.length > this.capacity) this.items.shift();
  }

  clear(): void {
    this.items.length = 0;
  }

  /** Calls `apply` for each fragment that ends at or before `time` (audio clock), in order. */
  release(time: number, apply: (text: string, endTime: number) => void): void {
    while (this.items.length > 0 && this.items[0].endTime <= time) {
      const { text, endTime } = this.items.shift()!;
      apply(text, endTime);
    }
  }
}
