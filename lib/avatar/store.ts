import { createStore } from 'zustand/vanilla';
import type { SpeechAudioFeatures } from './audio-visemes';
import type { Emotion } from './types';
import { VisemeTimeline, type TimedPhoneme } from './visemes';

/**
 * The avatar domain store: what the brain, perception and speech pipelines tell the face. Render
 * loops read it with getState() inside their frame callback; writers use the actions below.
 */
export interface AvatarState {
  /** Emotion chosen by the brain/persona; null follows the call phase. */
  emotion: Emotion | null;
  /** 0..1 */
  intensity: number;
  /** The user's smile 0..1 (perception), mirrored softly while listening. */
  userSmile: number;
  /** Page-clock ms of the latest backchannel cue; the face nods when it changes. */
  backchannelAtMs: number;
  /** Viseme track of the utterance being spoken, with the page-clock ms its audio started. */
  timeline: VisemeTimeline | null;
  timelineStartMs: number;
  /** Analyser on the companion's outgoing audio: the mouth follows its spectrum when no timeline. */
  analyser: AnalyserNode | null;
  /** Optional externally computed voice features (e.g. from a worklet); used when set. */
  features: SpeechAudioFeatures | null;
  /** "Mirror me": the user's own 52 ARKit weights, or null. */
  mirror: Float32Array | null;
}

/** Creates an avatar store (one per face, or the shared `avatarStore`). */
export function createAvatarStore() {
  return createStore<AvatarState>()(() => ({
    emotion: null,
    intensity: 1,
    userSmile: 0,
    backchannelAtMs: 0,
    timeline: null,
    timelineStartMs: 0,
    analyser: null,
    features: null,
    mirror: null,
  }));
}

export type AvatarStore = ReturnType<typeof createAvatarStore>;

/** The app's avatar store, shared by the call session and the face. */
export const avatarStore = createAvatarStore();

/** Typed writers, so every producer goes through one place. */
export const avatarActions = {
  /** Shows `emotion` at `intensity` (0..1); null returns to the phase default. */
  setEmotion(store: AvatarStore, emotion: Emotion | null, intensity = 1): void {
    store.setState({ emotion, intensity: Math.min(1, Math.max(0, intensity)) });
  },
  /** A listener cue ("mm-hm", a user's pause mid-sentence): the face nods once. */
  backchannel(store: AvatarStore, nowMs: number): void {
    store.setState({ backchannelAtMs: nowMs });
  },
  /** Phoneme timings from the TTS for the utterance whose audio starts at `audioStartMs` (page clock). */
  speakPhonemes(store: AvatarStore, phonemes: readonly TimedPhoneme[], audioStartMs: number): void {
    store.setState({ timeline: new VisemeTimeline(phonemes), timelineStartMs: audioStartMs });
  },
  /** Clears the phoneme track (utterance finished or interrupted). */
  stopPhonemes(store: AvatarStore): void {
    store.setState({ timeline: null });
  },
};
