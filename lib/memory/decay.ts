import type { MemoryRecord } from './types';

const DAY_MS = 86_400_000;
/** Below this retention an unpinned memory is archived (kept, but no longer used). */
export const ARCHIVE_THRESHOLD = 0.05;

/** Memory stability in days: grows with importance and with each recall (spaced-repetition style). */
export function stabilityDays(importance: number, recalls: number): number {
  const base = 7;
  return base * (1 + 9 * Math.min(1, Math.max(0, importance))) * Math.pow(1.8, Math.min(recalls, 12));
}

/** Retention 0..1 on the forgetting curve R = exp(-t/S); pinned memories always 1. */
export function retention(record: Pick<MemoryRecord, 'pinned' | 'importance' | 'accessHistory' | 'createdAt'>, now: number): number {
  if (record.pinned) return 1;
  const last = Math.max(record.createdAt, ...record.accessHistory);
  const elapsedDays = Math.max(0, now - last) / DAY_MS;
  return Math.exp(-elapsedDays / stabilityDays(record.importance, record.accessHistory.length));
}

/** Recomputes decay scores; returns the ids newly archived (never deleted). */
export function applyDecay(records: Iterable<MemoryRecord>, now: number): string[] {
  const archived: string[] = [];
  for (const record of records) {
    record.decayScore = retention(record, now);
    if (!record.pinned && !record.archived && record.decayScore < ARCHIVE_THRESHOLD) {
      record.archived = true;
      archived.push(record.id);
    }
  }
  return archived;
}

/** Marks a memory as used in a reply now: strengthens it and un-archives it. */
export function recordAccess(record: MemoryRecord, now: number): void {
  record.accessHistory.push(now);
  if (record.accessHistory.length > 50) record.accessHistory.splice(0, record.accessHistory.length - 50);
  record.archived = false;
  record.decayScore = retention(record, now);
}
