/** Messages between the turn-taking AudioWorklet and the main thread. Imported by both sides. */
import type { TurnModelJson } from './model';

export const TURN_WORKLET_NAME = 'kin-turns';
export const TURN_WORKLET_URL = '/worklets/turn.worklet.js';
export const TURN_MODEL_URL = '/models/turns/turn-model.json';

/**
 * A VAD value about audio older than this (s) is dropped: a busy main thread delivers late, and a
 * late "no speech" from the pause must not gate the user's speech that follows.
 */
export const VAD_MAX_AGE_S = 0.15;

export const TURN_EVENT_TYPES = ['user-start', 'user-pause', 'speculate', 'commit', 'cancel', 'backchannel', 'barge-in'] as const;
/** What the detector tells the call: see docs/turn-taking.md for the semantics of each. */
export type TurnEventType = (typeof TURN_EVENT_TYPES)[number];

export interface TurnEvent {
  type: TurnEventType;
  /** Audio-clock time (AudioContext.currentTime base) at the end of the deciding frame, s. */
  time: number;
  /** Floor probability at that frame, 0..1. */
  floorProbability: number;
  /** Current pause length at that frame, ms (0 while the user speaks). */
  pauseMs: number;
}

export type TurnWorkletInMessage =
  /** Weights fetched by the main thread (TURN_MODEL_URL); the worklet cannot fetch. */
  | { type: 'model'; model: TurnModelJson }
  /** A recognizer fragment (lower-case words) whose speech ended at `endTime` (audio clock, s). */
  | { type: 'transcript'; text: string; endTime: number }
  /** The companion started/stopped playing audio (gates barge-in and backchannel). */
  | { type: 'companion-speaking'; speaking: boolean }
  /** Level of the companion's own output (TTS) for echo gating, dBFS, per ~10 ms. */
  | { type: 'echo-reference'; levelDb: number }
  /**
   * The neural VAD's (Silero, perception worker) speech probability of a 32 ms mic block ending at
   * `blockEnd` (audio clock, s). The worklet drops it when older than VAD_MAX_AGE_S.
   */
  | { type: 'voice-activity'; probability: number; blockEnd: number }
  /** The user gave the floor by hand ("Answer now"): no commit follows for the turn in progress. */
  | { type: 'yield' }
  | { type: 'reset' }
  | { type: 'stop' };

export type TurnWorkletOutMessage =
  /** The model runs; the audio heard before it arrived runs next, events and all. */
  | { type: 'ready'; featureCount: number; trees: number; commitThreshold: number; maxPauseMs: number }
  | { type: 'event'; event: TurnEvent }
  /** Every 50 ms: floor probability for the HUD trace. */
  | { type: 'trace'; time: number; floorProbability: number; speech: boolean; voiceGate: boolean }
  | { type: 'error'; code: 'model:load' | 'turns:runtime'; message: string };
