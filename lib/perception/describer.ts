import { blendshapeIndex, type BlendshapeName, type HeadPose } from './face-features';

/** States the face alone can suggest (the fusion model adds voice and more states). */
export type FaceState = 'calm' | 'happy' | 'surprised' | 'concerned' | 'tense' | 'tired' | 'distracted' | 'away';

export interface FaceFrame {
  timestampMs: number;
  facePresent: boolean;
  /** 52 MediaPipe blendshape scores. */
  blendshapes: ArrayLike<number>;
  pose: HeadPose;
  gaze: { x: number; y: number };
  eyesClosedLong: boolean;
}

export interface Description {
  state: FaceState;
  /** One plain sentence for the brain and the user. */
  sentence: string;
  /** 0..1 */
  confidence: number;
  /** The cues behind it, in words. */
  cues: string[];
  /** Capture time of the newest frame it reflects (page clock, ms). */
  timestampMs: number;
}

const CUES = ['smile', 'surprise', 'worry', 'frown', 'sleepy', 'lookingAway'] as const;
type Cue = (typeof CUES)[number];

const CUE_WORDS: Record<Cue, string> = {
  smile: 'smiling',
  surprise: 'brows raised, mouth open',
  worry: 'inner brows raised, mouth corners down',
  frown: 'brows drawn together',
  sleepy: 'heavy eyelids',
  lookingAway: 'looking away from the screen',
};

const SENTENCES: Record<FaceState, string> = {
  calm: 'looks calm and attentive',
  happy: 'looks happy',
  surprised: 'looks surprised',
  concerned: 'looks worried or sad',
  tense: 'looks tense or frustrated',
  tired: 'looks tired',
  distracted: 'seems distracted, looking away',
  away: 'is not in view of the camera',
};

/**
 * Turns face frames into a steady description: cues are smoothed (≈0.4 s), and the state only
 * changes when a new one has led for `holdMs` — so the sentence does not flicker.
 */
export class FaceDescriber {
  private readonly smoothed: Record<Cue, number> = { smile: 0, surprise: 0, worry: 0, frown: 0, sleepy: 0, lookingAway: 0 };
  private lastMs: number | null = null;
  private current: FaceState = 'calm';
  private candidate: FaceState = 'calm';
  private candidateSince = 0;
  private missingSince: number | null = null;
  private readonly holdMs: number;

  constructor(holdMs = 800) {
    this.holdMs = holdMs;
  }

  /** Feeds one frame; returns the (possibly unchanged) description. */
  update(frame: FaceFrame): Description {
    const t = frame.timestampMs;
    if (!frame.facePresent) {
      this.missingSince ??= t;
      const state: FaceState = t - this.missingSince > 1500 ? 'away' : this.current;
      this.current = state;
      return this.describe(state, state === 'away' ? 0.9 : 0.3, [], t);
    }
    this.missingSince = null;
    const b = (name: BlendshapeName) => frame.blendshapes[blendshapeIndex(name)] ?? 0;
    const raw: Record<Cue, number> = {
      smile: (b('mouthSmileLeft') + b('mouthSmileRight')) / 2,
      surprise: Math.min(b('browInnerUp'), (b('browOuterUpLeft') + b('browOuterUpRight')) / 2) * 0.5 + b('jawOpen') * 0.5 * (b('eyeWideLeft') + b('eyeWideRight') > 0.2 ? 1 : 0.4),
      worry: b('browInnerUp') * 0.6 + ((b('mouthFrownLeft') + b('mouthFrownRight')) / 2) * 0.6,
      frown: (b('browDownLeft') + b('browDownRight')) / 2,
      sleepy: frame.eyesClosedLong ? 1 : Math.max(0, (b('eyeBlinkLeft') + b('eyeBlinkRight')) / 2 - 0.25) * 1.6 + (b('jawOpen') > 0.6 ? 0.4 : 0),
      lookingAway: Math.abs(frame.pose.yaw) > 25 || frame.pose.pitch < -20 || Math.hypot(frame.gaze.x, frame.gaze.y) > 0.55 ? 1 : 0,
    };
    const dt = this.lastMs === null ? 1000 : Math.max(0, t - this.lastMs);
    this.lastMs = t;
    const alpha = 1 - Math.exp(-dt / 400);
    for (const cue of CUES) this.smoothed[cue] += (raw[cue] - this.smoothed[cue]) * alpha;
    const s = this.smoothed;
    const scores: Record<FaceState, number> = {
      calm: 0.3,
      happy: s.smile * 1.1,
      surprised: s.surprise * 1.2,
      concerned: s.worry,
      tense: s.frown * 0.9,
      tired: s.sleepy,
      distracted: s.lookingAway * 0.8,
      away: 0,
    };
    let best: FaceState = 'calm';
    for (const state of Object.keys(scores) as FaceState[]) if (scores[state] > scores[best]) best = state;
    if (best !== this.candidate) {
      this.candidate = best;
      this.candidateSince = t;
    }
    if (best !== this.current && t - this.candidateSince >= this.holdMs) this.current = best;
    const cues = CUES.filter((cue) => s[cue] > 0.35).map((cue) => CUE_WORDS[cue]);
    const confidence = Math.min(1, Math.max(0.2, scores[this.current] / (scores[this.current] + 0.3)));
    return this.describe(this.current, confidence, cues, t);
  }

  private describe(state: FaceState, confidence: number, cues: string[], t: number): Description {
    const strength = confidence > 0.7 ? '' : confidence < 0.45 ? 'maybe ' : 'slightly ';
    const sentence = state === 'calm' || state === 'away' ? SENTENCES[state] : `${strength}${SENTENCES[state]}`.replace(/^slightly looks/, 'looks slightly').replace(/^maybe looks/, 'maybe looks');
    return { state, sentence, confidence: Math.round(confidence * 100) / 100, cues, timestampMs: t };
  }
}
