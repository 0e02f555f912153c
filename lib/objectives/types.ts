/**
 * A conversation objective: something the persona tries to bring up, in order, without forcing it.
 * Completion criteria are plain data (regular-expression sources), so custom personas can carry
 * them through JSON.
 */
export interface ObjectiveSpec {
  id: string;
  /** Shown in the progress panel, and to the brain as the goal, e.g. "Ask how they slept". */
  title: string;
  /** The question the companion asks to open the objective. */
  question: string;
  /** A companion line matching this (case-insensitive) counts as having asked. */
  askedPattern: string;
  /** A user reply matching this after the question was asked completes the objective. */
  donePattern: string;
  /** A user reply matching this after the question does not complete it (e.g. "I forgot"). */
  notDonePattern?: string;
  /** How long a completion holds: a daily check-in opens again the next day. */
  renew: 'daily' | 'weekly' | 'never';
}

/** Where one objective stands for this persona on this device. */
export interface ObjectiveRecord {
  /** Last time the companion asked, ms since epoch. */
  askedAt?: number;
  /** When it was completed, ms since epoch. */
  doneAt?: number;
  /** The user's words that completed it (shown in the panel). */
  evidence?: string;
}

export type ObjectiveStatus = 'open' | 'asked' | 'done';

/** One row of the progress panel. */
export interface ObjectiveProgress {
  id: string;
  title: string;
  status: ObjectiveStatus;
  doneAt?: number;
  evidence?: string;
}
