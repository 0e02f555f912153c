import type { ObjectiveSpec } from '../objectives/types';
import type { PersonaGuardrails } from '../guardrails/policy';

/** A companion persona: who it is and how it talks. */
export interface Persona {
  id: string;
  name: string;
  /** One line shown on the card. */
  tagline: string;
  /** What it is good for, shown on the card. */
  goodFor: string;
  /** Longer description, used in the prompt. */
  description: string;
  traits: string[];
  /** Conversational style used by the built-in brain. */
  style: PersonaStyle;
  look: PersonaLook;
  voice: PersonaVoice;
  /** True for personas the user created on this device. */
  custom?: boolean;
  /** Conversation objectives, in order (lib/objectives); absent: none. */
  objectives?: readonly ObjectiveSpec[];
  /** Seven 0..1 style axes (lib/persona/traits.ts); absent on old custom personas: the style's default. */
  traitVector?: TraitVector;
  /** What the persona cares about, for the prompt. */
  values?: string[];
  /** What the persona will not do or talk about, for the prompt. */
  boundaries?: string[];
  /** Topic ids (lib/persona/style-lexicon.ts TOPICS) this persona never brings up; checked on every reply. */
  forbiddenTopics?: string[];
  /** Allowed and refused topics (lib/guardrails/policy); absent: DEFAULT_GUARDRAILS. */
  guardrails?: PersonaGuardrails;
}

/** How the persona talks, each axis 0..1 (see TRAIT_POLES for what 0 and 1 mean). */
export interface TraitVector {
  warmth: number;
  energy: number;
  humour: number;
  formality: number;
  verbosity: number;
  directness: number;
  curiosity: number;
}

export type PersonaStyle = 'coach' | 'friend' | 'listener' | 'study' | 'custom';

/** Per-persona face parameters (the avatar issue extends these). */
export interface PersonaLook {
  skin: string;
  hair: string;
  eyes: string;
  background: string;
  /** Face width relative to height, 0.7..0.95. */
  faceWidth: number;
  hairStyle: 'short' | 'long' | 'bun' | 'curly';
}

/** The persona's on-device voice (eSpeak NG voice name and prosody). */
export interface PersonaVoice {
  /** eSpeak NG voice, e.g. 'en-us', 'en-gb', 'en+f3', 'en-us+m3'. */
  espeak: string;
  /** Words per minute, 80..260 (eSpeak default 175). */
  rate: number;
  /** Base pitch 0..99 (eSpeak default 50). */
  pitch: number;
}
