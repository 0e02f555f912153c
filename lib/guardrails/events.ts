import type { CrisisCategory } from './lexicon';

/** One safety event, kept on this device for the user to see (and clear). */
export interface SafetyEvent {
  id: string;
  /** ISO time. */
  at: string;
  category: CrisisCategory;
  confidence: number;
  /** The first words of what was said, so the user recognises the moment. */
  excerpt: string;
  personaId: string;
  /** Set when the user chose to alert their contact. */
  escalated?: 'email' | 'webhook';
}

/** Most events kept; older ones drop off so the log stays small in localStorage. */
export const MAX_EVENTS = 50;
const EXCERPT_CHARS = 120;

/** Adds an event, newest last, keeping at most MAX_EVENTS. */
export function appendEvent(events: readonly SafetyEvent[], event: Omit<SafetyEvent, 'excerpt'> & { text: string }): SafetyEvent[] {
  const { text, ...rest } = event;
  const excerpt = text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
  return [...events, { ...rest, excerpt }].slice(-MAX_EVENTS);
}

/** Marks an event as escalated by the user. */
export function markEscalated(events: readonly SafetyEvent[], id: string, via: 'email' | 'webhook'): SafetyEvent[] {
  return events.map((e) => (e.id === id ? { ...e, escalated: via } : e));
}
