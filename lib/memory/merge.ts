import type { Candidate } from './extract';
import type { EpisodicMemory, MemoryRecord, ProceduralMemory, Provenance, SemanticMemory } from './types';

/** What merge needs from a space. */
export interface MergeTarget {
  readonly records: Map<string, MemoryRecord>;
  /** Semantic and procedural record ids by factKey (so merging never scans the episodes). */
  readonly factsByKey: Map<string, Set<string>>;
}

/** Merge key of a fact: subject+predicate, or the procedural rule. */
export function factKey(fact: { tier: 'semantic'; subject: string; predicate: string } | { tier: 'procedural'; rule: string }): string {
  return fact.tier === 'semantic' ? `s|${norm(fact.subject)}|${norm(fact.predicate)}` : `p|${fact.rule}`;
}

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9 ]+/g, '').replace(/\s+/g, ' ').trim();

let mergeCounter = 0;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(mergeCounter++).toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

/** Finds the record a candidate is about: same subject+predicate (single-valued) or same value too. */
export function findExisting(target: MergeTarget, candidate: Candidate): SemanticMemory | ProceduralMemory | undefined {
  for (const id of target.factsByKey.get(factKey(candidate)) ?? []) {
    const record = target.records.get(id);
    if (!record) continue;
    if (candidate.tier === 'semantic' && record.tier === 'semantic') {
      if (norm(record.subject) !== norm(candidate.subject) || norm(record.predicate) !== norm(candidate.predicate)) continue;
      if (candidate.singleValued || norm(record.value) === norm(candidate.value)) return record;
    }
    if (candidate.tier === 'procedural' && record.tier === 'procedural' && record.rule === candidate.rule) return record;
  }
  return undefined;
}

/**
 * Merges a candidate into the space: a repeat confirms (no duplicate), a different value for a
 * single-valued fact replaces it and keeps the old value in history. Returns the record to store.
 */
export function mergeCandidate(target: MergeTarget, candidate: Candidate, provenance: Provenance, episode: EpisodicMemory, sensitiveKinds: string[]): MemoryRecord | null {
  const existing = findExisting(target, candidate);
  const now = provenance.recordedAt;
  if (existing) {
    const newValue = candidate.value;
    existing.support.push(provenance);
    existing.updatedAt = now;
    if (existing.tier === 'semantic') existing.supportingEpisodes.push(episode.id);
    if (norm(existing.value) === norm(newValue)) {
      if (existing.tier === 'semantic') {
        existing.confidence = Math.min(1, existing.confidence + 0.15);
        existing.lastConfirmed = provenance.saidAt;
      }
      existing.importance = Math.min(1, existing.importance + 0.05);
      return existing;
    }
    existing.history.push({ value: existing.value, until: provenance.saidAt, provenance: existing.provenance });
    existing.value = newValue;
    existing.text = candidate.text;
    existing.provenance = provenance;
    existing.embedding = null;
    if (existing.tier === 'semantic') {
      existing.confidence = 0.7;
      existing.lastConfirmed = provenance.saidAt;
    }
    return existing;
  }
  const base = {
    id: newId(candidate.tier === 'semantic' ? 'sem' : 'proc'),
    text: candidate.text,
    provenance,
    support: [],
    importance: candidate.tier === 'procedural' ? 0.8 : 0.6,
    accessHistory: [],
    decayScore: 1,
    pinned: false,
    sensitive: sensitiveKinds.length > 0,
    sensitiveKinds,
    archived: false,
    entities: episode.entities,
    dates: [],
    embedding: null,
    embeddingModel: null,
    createdAt: provenance.saidAt,
    updatedAt: now,
  };
  if (candidate.tier === 'semantic') {
    return { ...base, tier: 'semantic', subject: candidate.subject, predicate: candidate.predicate, value: candidate.value, confidence: 0.6, firstConfirmed: provenance.saidAt, lastConfirmed: provenance.saidAt, supportingEpisodes: [episode.id], history: [] };
  }
  return { ...base, tier: 'procedural', rule: candidate.rule, value: candidate.value, history: [] };
}
