import type { TtsTimedEvent } from './tts-protocol';
import type { SpeechPhoneme } from './types';

/**
 * A chunk's phoneme track from the TTS's phoneme events (ms from the start of the synthesized
 * clip), shifted so 0 is the first sample that is played (`leadMs` of leading silence is skipped).
 * Each phoneme lasts until the next event; the last one until the clip ends (`clipMs`, unskipped).
 * Pause events ('') are kept, so a phoneme before a pause does not stretch across it.
 */
export function phonemeTrack(events: readonly TtsTimedEvent[], leadMs: number, clipMs: number): SpeechPhoneme[] {
  const track: SpeechPhoneme[] = [];
  for (let i = 0; i < events.length; i++) {
    const start = events[i].ms;
    const end = i + 1 < events.length ? events[i + 1].ms : Math.max(start, clipMs);
    track.push({ phoneme: events[i].phoneme, startMs: start - leadMs, durationMs: Math.max(0, end - start) });
  }
  return track;
}

/**
 * Page-clock time (ms, `performance.now()`) at which audio scheduled at `startAtS` on an
 * AudioContext reaches the speaker: read both clocks together (`contextNowS`, `pageNowMs`) and add
 * the output latency. The same correction the voice level uses, so phonemes and level agree.
 */
export function audioStartPageMs(startAtS: number, contextNowS: number, pageNowMs: number, outputLatencyMs: number): number {
  return pageNowMs + (startAtS - contextNowS) * 1000 + outputLatencyMs;
}
