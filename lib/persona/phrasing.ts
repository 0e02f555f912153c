import { traitsOf } from './traits';
import type { Persona } from './types';

/**
 * Trait-driven wording for the built-in brain's fixed lines, so the same moment sounds like each
 * persona: lively or calm, formal or casual, direct or gentle. `you` is ", Sam" or "".
 */

/** Opening line of a call. */
export function greetingLine(persona: Persona, you: string): string {
  const t = traitsOf(persona);
  if (t.energy >= 0.65 && t.humour >= 0.6) return `Hey${you}! ${persona.name} here, ready when you are. What are we tackling today?`;
  if (t.energy >= 0.65) return `Hi${you}! I’m ${persona.name}, great to see you. What are we working on today?`;
  if (t.formality >= 0.65) return `Good afternoon${you}. It’s ${persona.name}; how lovely to see you. How have you been keeping?`;
  if (t.energy <= 0.35) return `Hello${you}. I’m ${persona.name}, and I’m glad you’re here. How are you today?`;
  return `Hi${you}, I’m ${persona.name}. I’m glad you called. What’s on your mind?`;
}

/** Whether a user turn asks the companion to do something in the world ("can you book…", "please send…"). */
export function isRequest(text: string): boolean {
  return /^(?:\s*(?:can|could|would|will) you (?:please )?|please |)(book|send|order|call|phone|play|set|buy|email|text|message|turn|open|find|check|look up|pay|schedule)\b/i.test(text.trim());
}

/** Honest line for a request the built-in brain cannot carry out. */
export function cannotDoLine(persona: Persona, you: string): string {
  const t = traitsOf(persona);
  const honest = `I can’t do that from here${you}: I’m the basic built-in brain and can’t reach other apps or the internet.`;
  if (t.directness >= 0.7) return `${honest} What could you do about it yourself in the next ten minutes?`;
  if (t.formality >= 0.65) return `I’m afraid I can’t do that from here${you}; I’m the basic built-in brain and can’t reach other apps or the internet. Is there someone who could help with it?`;
  if (t.directness <= 0.3) return honest;
  return `${honest} ${t.formality <= 0.3 ? 'Want to' : 'Shall we'} work out how you could do it?`;
}

/** Honest line for a question the built-in brain may not know the answer to; the honest part first. */
export function unsureLine(persona: Persona, you: string): string {
  const t = traitsOf(persona);
  const honest = `I’m on my simple built-in brain right now${you}, so I may not know the answer to that.`;
  if (t.directness >= 0.7) return `${honest} What’s your gut telling you?`;
  if (t.curiosity >= 0.5) return `${honest} What do you think?`;
  return honest;
}
