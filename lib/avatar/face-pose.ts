import type { Emotion } from './types';

/** Geometry of the simple face for one instant; all values are unitless, about -1..1. */
export interface FacePose {
  /** Mouth corners up (+) or down (-). */
  smile: number;
  /** Mouth opening 0..1. */
  mouthOpen: number;
  /** Inner brow raise (+) or frown (-). */
  browRaise: number;
  /** Eye openness 0..1 (blinks go to 0). */
  eyeOpen: number;
  /** Gaze offset x/y, -1..1. */
  gazeX: number;
  gazeY: number;
  /** Head tilt, radians. */
  tilt: number;
}

/** Blend-shape-like recipes per emotion (the 3D face uses ARKit recipes with the same names). */
export const EMOTION_RECIPES: Record<Emotion, Pick<FacePose, 'smile' | 'browRaise' | 'tilt'> & { eyeOpen: number }> = {
  neutral: { smile: 0.05, browRaise: 0, tilt: 0, eyeOpen: 0.9 },
  happy: { smile: 0.8, browRaise: 0.2, tilt: 0.03, eyeOpen: 0.8 },
  amused: { smile: 1, browRaise: 0.3, tilt: 0.06, eyeOpen: 0.65 },
  warm: { smile: 0.5, browRaise: 0.15, tilt: 0.05, eyeOpen: 0.85 },
  interested: { smile: 0.25, browRaise: 0.45, tilt: 0.07, eyeOpen: 1 },
  thinking: { smile: 0, browRaise: -0.2, tilt: -0.05, eyeOpen: 0.8 },
  concerned: { smile: -0.25, browRaise: 0.6, tilt: 0.08, eyeOpen: 0.9 },
  sad: { smile: -0.6, browRaise: 0.7, tilt: -0.04, eyeOpen: 0.7 },
  surprised: { smile: 0, browRaise: 1, tilt: 0, eyeOpen: 1 },
  confused: { smile: -0.1, browRaise: -0.5, tilt: 0.1, eyeOpen: 0.85 },
  encouraging: { smile: 0.65, browRaise: 0.35, tilt: 0.04, eyeOpen: 0.95 },
  calm: { smile: 0.2, browRaise: 0, tilt: 0, eyeOpen: 0.7 },
};

/** The emotion the placeholder face shows in each call phase, before the brain chooses emotions. */
export function emotionForPhase(phase: string): Emotion {
  switch (phase) {
    case 'listening':
      return 'warm';
    case 'user-speaking':
      return 'interested';
    case 'thinking':
      return 'thinking';
    case 'speaking':
      return 'happy';
    case 'ended':
      return 'calm';
    default:
      return 'neutral';
  }
}

/** Critically damped spring step toward `target`; returns the new [value, velocity]. */
export function springStep(value: number, velocity: number, target: number, dtSeconds: number, omega = 12): [number, number] {
  const x = value - target;
  const exp = Math.exp(-omega * dtSeconds);
  const temp = (velocity + omega * x) * dtSeconds;
  return [target + (x + temp) * exp, (velocity - omega * temp) * exp];
}
