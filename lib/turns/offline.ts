import { TurnDetector } from './detector';
import { TurnFeatures } from './features';
import { lexicalCues, type LexicalCues, type LexicalModelJson } from './lexical';
import type { TurnEvent } from './protocol';

/** A recognizer fragment with its speech span in stream seconds. */
export interface TranscriptFragment {
  text: string;
  start: number;
  end: number;
}

/** A neural VAD value and the stream time it reaches the detector, s. */
export interface VoiceActivitySample {
  at: number;
  probability: number;
}

/** Hands `deliver` every queued item due by `time` (items sorted by `at`), from `next` on; returns the new `next`. */
function deliverDue<T extends { at: number }>(queue: readonly T[], next: number, time: number, deliver: (item: T) => void): number {
  while (next < queue.length && queue[next].at <= time + 1e-9) deliver(queue[next++]);
  return next;
}

/** Delay after a fragment's end before a streaming recognizer delivers it, s (FORMAT.md). */
export const RECOGNIZER_DELAY_S = 0.3;
const FRAME = 160;

/** Schedules fragments causally: each becomes usable at end + RECOGNIZER_DELAY_S. */
function schedule(
  transcript: readonly TranscriptFragment[],
  lexicalModel?: LexicalModelJson,
): { at: number; end: number; cues: LexicalCues; text: string }[] {
  return transcript
    .map((f) => ({ at: f.end + RECOGNIZER_DELAY_S, end: f.end, cues: lexicalCues(f.text, lexicalModel), text: f.text }))
    .sort((a, b) => a.at - b.at);
}

/** Runs the features alone over 16 kHz audio, calling `onFrame` after each 10 ms frame (time = frame end, s). */
export function runFeatures(
  samples: Float32Array,
  transcript: readonly TranscriptFragment[],
  onFrame: (features: TurnFeatures, timeSeconds: number) => void,
  lexicalModel?: LexicalModelJson,
  voiceActivity: readonly VoiceActivitySample[] = [],
): void {
  const features = new TurnFeatures();
  const queue = schedule(transcript, lexicalModel);
  let next = 0;
  let nextVad = 0;
  for (let offset = 0; offset + FRAME <= samples.length; offset += FRAME) {
    const time = (offset + FRAME) / 16000;
    next = deliverDue(queue, next, time, (f) => features.setLexical(f.cues, f.end));
    nextVad = deliverDue(voiceActivity, nextVad, time, (v) => features.setVoiceActivity(v.probability));
    features.push(samples.subarray(offset, offset + FRAME));
    onFrame(features, time);
  }
}

/** Runs the whole detector causally over 16 kHz audio; returns every event with its stream time. */
export function runDetector(
  detector: TurnDetector,
  samples: Float32Array,
  transcript: readonly TranscriptFragment[],
  onFrame?: (detector: TurnDetector, timeSeconds: number) => void,
  voiceActivity: readonly VoiceActivitySample[] = [],
): TurnEvent[] {
  const queue = schedule(transcript);
  let next = 0;
  let nextVad = 0;
  const events: TurnEvent[] = [];
  for (let offset = 0; offset + FRAME <= samples.length; offset += FRAME) {
    const time = (offset + FRAME) / 16000;
    next = deliverDue(queue, next, time, (f) => detector.postTranscript(f.text, f.end));
    nextVad = deliverDue(voiceActivity, nextVad, time, (v) => detector.postVoiceActivity(v.probability));
    const count = detector.processFrame(samples.subarray(offset, offset + FRAME));
    for (let i = 0; i < count; i++) {
      events.push({
        type: detector.policy.emitted[i],
        time,
        floorProbability: detector.floorProbability,
        pauseMs: detector.features.framesSinceSpeech * 10,
      });
    }
    onFrame?.(detector, time);
  }
  return events;
}
