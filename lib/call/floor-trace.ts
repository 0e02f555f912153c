/**
 * The last seconds of the turn detector's floor probability and events, for the HUD's live trace.
 * Preallocated ring buffers written at 20 Hz from worklet messages and read by a canvas loop; no
 * React state and no allocation per sample.
 */
import type { TurnEventType } from '../turns/protocol';

export class FloorTrace {
  readonly capacity: number;
  readonly times: Float64Array;
  readonly probabilities: Float32Array;
  readonly speech: Uint8Array;
  /** Index of the next write; `count` samples are valid, ending just before `head`. */
  head = 0;
  count = 0;
  readonly events: { type: TurnEventType; time: number }[] = [];
  private readonly maxEvents: number;
  /** Backend words for the HUD: "turn model (150 trees…)" or "energy gate (fallback)". */
  backend = 'starting';
  /** The turn worklet's voice gate is fed by the neural VAD (far voices in the room are not the user). */
  voiceGate = false;
  /** Time of the latest sample in which the user spoke (s), null before any ("Answer now" needs it). */
  lastSpeechTime: number | null = null;

  constructor(capacity = 240, maxEvents = 40) {
    this.capacity = capacity;
    this.maxEvents = maxEvents;
    this.times = new Float64Array(capacity);
    this.probabilities = new Float32Array(capacity);
    this.speech = new Uint8Array(capacity);
  }

  /** HUD words: the backend and whether the voice gate runs. */
  label(): string {
    return this.voiceGate ? `${this.backend}; voice gate on (Silero VAD)` : this.backend;
  }

  push(time: number, probability: number, speech: boolean): void {
    this.times[this.head] = time;
    this.probabilities[this.head] = probability;
    this.speech[this.head] = speech ? 1 : 0;
    if (speech) this.lastSpeechTime = time;
    this.head = (this.head + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  mark(type: TurnEventType, time: number): void {
    this.events.push({ type, time });
    if (this.events.length > this.maxEvents) this.events.shift();
  }

  /** Newest sample time (s), or 0 before the first. */
  get latestTime(): number {
    return this.count === 0 ? 0 : this.times[(this.head - 1 + this.capacity) % this.capacity];
  }

  /** Calls `visit` for each sample, oldest first. */
  forEach(visit: (time: number, probability: number, speech: boolean) => void): void {
    const start = (this.head - this.count + this.capacity) % this.capacity;
    for (let i = 0; i < this.count; i++) {
      const k = (start + i) % this.capacity;
      visit(this.times[k], this.probabilities[k], this.speech[k] === 1);
    }
  }
}
