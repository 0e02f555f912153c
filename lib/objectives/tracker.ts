import type { KeyValueStorage } from '../tools/reminders';
import type { ObjectiveProgress, ObjectiveRecord, ObjectiveSpec } from './types';

/** User turns in a call before the first steer ("after a few turns"): steering starts on the next one. */
export const STEER_AFTER_USER_TURNS = 2;
/** A question is not asked again within this many companion replies. */
export const ASK_AGAIN_AFTER_REPLIES = 3;

const DAY_MS = 86_400_000;
const storageKey = (personaId: string) => `kin.objectives.v1.${personaId}`;

function startOfDay(ms: number): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

function compile(source: string | undefined): RegExp | null {
  if (!source) return null;
  try {
    return new RegExp(source, 'i');
  } catch {
    return null; // a broken pattern in a custom persona disables that rule, nothing else
  }
}

/** Whether a completion at `doneAt` still holds at `now` under the objective's renewal rule. */
export function stillDone(spec: ObjectiveSpec, doneAt: number | undefined, now: number): boolean {
  if (doneAt === undefined) return false;
  if (spec.renew === 'never') return true;
  if (spec.renew === 'daily') return startOfDay(now) === startOfDay(doneAt);
  return now - doneAt < 7 * DAY_MS;
}

/**
 * Follows one persona's objectives through a conversation: notices when the companion asked an
 * objective's question, completes it when the user's next reply answers it, stores the result with
 * its date (persisting across calls), and says which objective to steer toward next.
 */
export class ObjectiveTracker {
  private records: Record<string, ObjectiveRecord>;
  private readonly listeners = new Set<() => void>();
  private snapshot: ObjectiveProgress[] = [];
  /** Objective asked in the companion's latest reply, waiting for the user's answer. */
  private awaiting: string | null = null;
  private repliesSinceAsk = new Map<string, number>();
  private userTurns = 0;
  private lastTurnKey: number | null = null;
  /** No steering up to this user turn: the reply to a completing answer acknowledges it, nothing more. */
  private quietThrough = 0;

  constructor(
    readonly personaId: string,
    private readonly specs: readonly ObjectiveSpec[],
    private readonly storage: KeyValueStorage | undefined,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.records = this.load();
    this.snapshot = this.computeProgress();
  }

  private load(): Record<string, ObjectiveRecord> {
    let raw: string | null = null;
    try {
      raw = this.storage?.getItem(storageKey(this.personaId)) ?? null;
      if (!raw) return {};
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      return parsed as Record<string, ObjectiveRecord>;
    } catch {
      try {
        if (raw) this.storage?.setItem(`${storageKey(this.personaId)}.corrupt`, raw);
      } catch {
        // the in-memory progress starts empty; the stored copy stays where it was
      }
      return {};
    }
  }

  private save(): void {
    try {
      this.storage?.setItem(storageKey(this.personaId), JSON.stringify(this.records));
    } catch {
      // Quota: progress still shows for this call.
    }
    this.snapshot = this.computeProgress();
    this.listeners.forEach((l) => l());
  }

  private computeProgress(): ObjectiveProgress[] {
    const now = this.clock();
    return this.specs.map((spec) => {
      const record = this.records[spec.id] ?? {};
      const done = stillDone(spec, record.doneAt, now);
      const asked = !done && record.askedAt !== undefined && stillDone(spec, record.askedAt, now);
      return { id: spec.id, title: spec.title, status: done ? 'done' : asked ? 'asked' : 'open', ...(done ? { doneAt: record.doneAt, evidence: record.evidence } : {}) };
    });
  }

  /** Progress rows in order; the same array until something changes (for useSyncExternalStore). */
  progress = (): readonly ObjectiveProgress[] => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Called for each user turn with what the companion last said (if anything) and the user's reply.
   * `turnKey` identifies the turn (e.g. the history length): a second call for the same turn (a
   * speculative reply redone) only re-checks completion, so nothing is counted twice.
   */
  observe(turnKey: number, lastCompanionText: string | undefined, userText: string): void {
    const now = this.clock();
    let changed = false;
    if (turnKey !== this.lastTurnKey) {
      this.lastTurnKey = turnKey;
      this.userTurns++;
      this.awaiting = null;
      if (lastCompanionText) {
        for (const [id, n] of this.repliesSinceAsk) this.repliesSinceAsk.set(id, n + 1);
        const asked = this.specs.find((s) => !stillDone(s, this.records[s.id]?.doneAt, now) && compile(s.askedPattern)?.test(lastCompanionText));
        if (asked) {
          this.awaiting = asked.id;
          this.records = { ...this.records, [asked.id]: { ...this.records[asked.id], askedAt: now } };
          this.repliesSinceAsk.set(asked.id, 0);
          changed = true;
        }
      }
    }
    const spec = this.specs.find((s) => s.id === this.awaiting);
    if (spec && compile(spec.donePattern)?.test(userText) && !compile(spec.notDonePattern)?.test(userText)) {
      this.records = { ...this.records, [spec.id]: { ...this.records[spec.id], doneAt: now, evidence: userText.slice(0, 160) } };
      this.quietThrough = this.userTurns;
      changed = true;
    }
    if (changed) this.save();
  }

  /** The companion just finished a reply: show "asked" at once (completion still waits for the answer). */
  noteReply(companionText: string): void {
    const now = this.clock();
    const asked = this.specs.find((s) => !stillDone(s, this.records[s.id]?.doneAt, now) && compile(s.askedPattern)?.test(companionText));
    if (!asked) return;
    this.records = { ...this.records, [asked.id]: { ...this.records[asked.id], askedAt: now } };
    this.save();
  }

  /**
   * The objective to steer toward in this reply: the first open one, after a few turns, unless it
   * was asked in the last few replies. The brain decides whether the moment is right.
   */
  next(): { id: string; title: string; question: string } | null {
    if (this.userTurns <= STEER_AFTER_USER_TURNS || this.userTurns <= this.quietThrough) return null;
    const now = this.clock();
    for (const spec of this.specs) {
      if (stillDone(spec, this.records[spec.id]?.doneAt, now)) continue;
      const since = this.repliesSinceAsk.get(spec.id);
      if (since !== undefined && since < ASK_AGAIN_AFTER_REPLIES) return null;
      return { id: spec.id, title: spec.title, question: spec.question };
    }
    return null;
  }

  /** Forgets all progress for this persona (the panel's Reset). */
  reset(): void {
    this.records = {};
    this.awaiting = null;
    this.repliesSinceAsk.clear();
    this.quietThrough = 0;
    this.save();
  }
}
