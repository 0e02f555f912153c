import type { MemoryRecord } from './types';

/** What the ledger and recall need to know about a record's persona scope. */
type Scoped = Pick<MemoryRecord, 'onlyFor'> & { provenance: Pick<MemoryRecord['provenance'], 'personaId'> };

/**
 * Whether a persona may recall a memory: memories are for all companions unless the user marked
 * one "only for" a persona. Records without the field (older ones, imports) are for all.
 */
export function visibleToPersona(record: Scoped, personaId: string): boolean {
  return !record.onlyFor || record.onlyFor === personaId;
}

/** Ledger filter by persona: 'all', 'none' (said to no known persona), or a persona id (said to it, or visible only to it). */
export function matchesPersonaFilter(record: Scoped, filter: string): boolean {
  if (filter === 'all') return true;
  if (filter === 'none') return !record.provenance.personaId && !record.onlyFor;
  return record.provenance.personaId === filter || record.onlyFor === filter;
}

/** The persona ids a set of records came from or is scoped to, sorted (for the ledger's filter). */
export function personasIn(records: Iterable<Scoped>): string[] {
  const ids = new Set<string>();
  for (const r of records) {
    if (r.provenance.personaId) ids.add(r.provenance.personaId);
    if (r.onlyFor) ids.add(r.onlyFor);
  }
  return [...ids].sort();
}
