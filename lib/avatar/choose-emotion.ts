import type { TraitVector } from '../persona/types';
import type { Emotion } from './types';

/** What the face's emotion is chosen from: the reply, what the user said, how the user seems. */
export interface EmotionContext {
  /** The companion's reply (or its first sentence, when chosen at reply start). */
  replyText?: string;
  /** The user's last words. */
  userText?: string;
  /** Perception's state for the user (face-only FaceState or fused FusedState name), or null. */
  perceptionState?: string | null;
  /** Call phase: 'thinking' always shows thinking. */
  phase?: string;
  /** The persona's style axes (lib/persona/traits `traitsOf`). */
  traits: Pick<TraitVector, 'warmth' | 'energy' | 'humour'>;
}

export interface EmotionChoice {
  emotion: Emotion;
  /** 0..1 */
  intensity: number;
  /** Which rule chose it (for the HUD and tests). */
  reason: 'thinking' | 'user-distress' | 'user-strain' | 'good-news' | 'laughter' | 'question' | 'persona';
}

const DISTRESS_STATES = new Set(['sad', 'anxious', 'frustrated', 'concerned']);
const STRAIN_STATES = new Set(['tense', 'tired', 'hesitant', 'confused']);
const JOY_STATES = new Set(['happy', 'amused']);
const DISTRESS_WORDS = /\b(sad|lonely|alone|anxious|anxiety|worried|worry|scared|afraid|stressed|depressed|upset|hurts?|crying|cried|lost my|passed away|died|funeral|broke up|miss (?:him|her|them)|awful|terrible|panic)\b/i;
const GOOD_NEWS_WORDS = /\b(great news|good news|got the job|got in|i passed|passed (?:my|the)|promoted|promotion|i won|we won|engaged|excited|can't wait|so happy|nailed it|finally did it|congrat\w*)\b/i;
const LAUGHTER = /\b(ha(?:ha)+|he(?:he)+|lol|lmao|hilarious|that's funny|so funny|made me laugh|laughing)\b|😂|😄|😆/i;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** Whether the reply's last sentence asks the user something. */
function endsWithQuestion(text: string): boolean {
  return /\?["'”’)]*\s*$/.test(text.trim());
}

/**
 * Chooses the face's emotion for a moment of the call. Rules, first match wins:
 * thinking phase → thinking; the user seems or says they are sad/anxious → concerned (tired/tense → warm);
 * good news from the user (or a joyful face) → happy; laughter words → amused (never at a distressed user);
 * a question from the companion → interested; otherwise the persona's default (warm, encouraging or calm).
 * Intensity scales with the persona's warmth (empathy), humour (laughter) and energy (joy).
 */
export function chooseEmotion(ctx: EmotionContext): EmotionChoice {
  const { warmth, energy, humour } = ctx.traits;
  const reply = ctx.replyText ?? '';
  const user = ctx.userText ?? '';
  const seen = ctx.perceptionState ?? '';
  if (ctx.phase === 'thinking') return { emotion: 'thinking', intensity: 0.8, reason: 'thinking' };
  if (DISTRESS_STATES.has(seen) || DISTRESS_WORDS.test(user)) {
    return { emotion: 'concerned', intensity: clamp01(0.45 + 0.45 * warmth), reason: 'user-distress' };
  }
  if (STRAIN_STATES.has(seen)) return { emotion: 'warm', intensity: clamp01(0.4 + 0.5 * warmth), reason: 'user-strain' };
  if (GOOD_NEWS_WORDS.test(user) || GOOD_NEWS_WORDS.test(reply) || (JOY_STATES.has(seen) && !endsWithQuestion(reply))) {
    return { emotion: 'happy', intensity: clamp01(0.55 + 0.4 * energy), reason: 'good-news' };
  }
  if (LAUGHTER.test(reply) || LAUGHTER.test(user)) return { emotion: 'amused', intensity: clamp01(0.4 + 0.6 * humour), reason: 'laughter' };
  if (endsWithQuestion(reply)) return { emotion: 'interested', intensity: 0.7, reason: 'question' };
  if (warmth >= 0.75) return { emotion: 'warm', intensity: clamp01(0.3 + 0.5 * warmth), reason: 'persona' };
  if (energy >= 0.7) return { emotion: 'encouraging', intensity: clamp01(0.3 + 0.5 * energy), reason: 'persona' };
  if (energy <= 0.25) return { emotion: 'calm', intensity: 0.6, reason: 'persona' };
  return { emotion: 'neutral', intensity: 1, reason: 'persona' };
}
