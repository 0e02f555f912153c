/** The three kinds of memory a companion keeps. */
export type MemoryTier = 'episodic' | 'semantic' | 'procedural';

/** Where a memory came from: the session, the turns, and the user's own words. */
export interface Provenance {
  spaceId: string;
  sessionId: string;
  /** Turn ids within the session (e.g. LoCoMo dia_ids "D1:3"), in order. */
  turnIds: string[];
  /** The words the memory was taken from, verbatim (may be trimmed). */
  quote: string;
  /** Who said it. */
  speaker: string;
  /** When it was said, ms since epoch. */
  saidAt: number;
  /** When the record was written, ms since epoch. */
  recordedAt: number;
  /** The companion (persona id) the user was talking to; absent on older records and evals. */
  personaId?: string;
}

/** An absolute date range a memory refers to, ISO dates (YYYY-MM-DD), inclusive. */
export interface DateRange {
  start: string;
  end: string;
  /** The phrase it was normalized from ("last Friday"). */
  phrase: string;
}

/** A previous value of a fact that a later statement replaced. */
export interface SupersededValue {
  value: string;
  until: number;
  provenance: Provenance;
}

interface MemoryBase {
  id: string;
  tier: MemoryTier;
  /** Human-readable statement, what the ledger shows. */
  text: string;
  provenance: Provenance;
  /** Additional provenance when the same memory was said again. */
  support: Provenance[];
  /** 0..1: how much this matters (emotion, people, plans, explicit "remember"). */
  importance: number;
  /** Times (ms since epoch) the memory was used in a reply. */
  accessHistory: number[];
  /** 0..1 retention from the forgetting curve at the last update; 1 = fresh. */
  decayScore: number;
  pinned: boolean;
  sensitive: boolean;
  /** Categories of sensitive content found (health, money …). */
  sensitiveKinds: string[];
  archived: boolean;
  /** Entity ids mentioned (after coreference). */
  entities: string[];
  /** Absolute dates mentioned or implied. */
  dates: DateRange[];
  /** Sentence embedding (L2-normalised), or null when not yet embedded. */
  embedding: Float32Array | null;
  embeddingModel: string | null;
  createdAt: number;
  updatedAt: number;
  /**
   * Persona scoping: when set, only that persona (id) may recall this memory ("only for Mia");
   * absent or null = all companions (the default, and every record written before scoping existed).
   */
  onlyFor?: string | null;
  /** Edits the user made in the ledger, oldest first (absent on records never edited). */
  edits?: MemoryEdit[];
}

/** One user edit of a memory's text: when, and what it said before. */
export interface MemoryEdit {
  at: number;
  previousText: string;
}

/** Something that happened. */
export interface EpisodicMemory extends MemoryBase {
  tier: 'episodic';
  what: string;
  who: string[];
  where: string | null;
  /** The dates the event happened (or will happen); defaults to the day it was said. */
  when: DateRange;
  feeling: string | null;
}

/** A stable fact or relation: subject — predicate — value. */
export interface SemanticMemory extends MemoryBase {
  tier: 'semantic';
  subject: string;
  predicate: string;
  value: string;
  /** 0..1. */
  confidence: number;
  firstConfirmed: number;
  lastConfirmed: number;
  supportingEpisodes: string[];
  history: SupersededValue[];
}

/** How the user wants to be treated, and what works. */
export interface ProceduralMemory extends MemoryBase {
  tier: 'procedural';
  /** e.g. 'name', 'reply-length', 'helps', 'avoid'. */
  rule: string;
  value: string;
  history: SupersededValue[];
}

export type MemoryRecord = EpisodicMemory | SemanticMemory | ProceduralMemory;

/** One user (or other speaker) turn as the write path sees it. */
export interface TurnInput {
  spaceId: string;
  sessionId: string;
  turnId: string;
  speaker: string;
  text: string;
  /** When it was said. */
  at: Date;
  /** Extra text about the turn (an image caption). */
  attachmentText?: string;
  /** The companion the user is talking to (kept in provenance for persona scoping). */
  personaId?: string;
}

/** A scored retrieval result. */
export interface ScoredMemory {
  record: MemoryRecord;
  score: number;
  parts: { bm25: number; dense: number; entity: number; time: number; recency: number; importance: number; decay: number };
}
