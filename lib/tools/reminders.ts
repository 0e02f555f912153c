/** Reminders: parsing "at 5 pm" / "in 10 minutes" / "tomorrow at 9", and a small local store. */

export interface Reminder {
  id: string;
  text: string;
  /** Due time, ms since epoch. */
  dueAt: number;
  createdAt: number;
  /** When the user was told (notification or in-app), ms since epoch; absent while pending. */
  notifiedAt?: number;
}

const WORD_NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, fifteen: 15, twenty: 20, thirty: 30, 'half an': 0.5 };

/**
 * Parses when a reminder is due, relative to `now` (local time): ISO date-times, "in 10 minutes",
 * "in an hour", "at 5pm", "5:30 pm", "at 17:00", "tomorrow at 9", "tonight", "noon". A clock time
 * that has already passed today means tomorrow. Null when it cannot tell.
 */
export function parseWhen(text: string, now: Date): Date | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\./g, '');
  if (!t) return null;
  if (/^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}/.test(t)) {
    const iso = new Date(text.trim());
    return Number.isNaN(iso.getTime()) ? null : iso;
  }
  const relative = /\bin (\d+(?:\.\d+)?|half an|an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty) ?(min(?:ute)?s?|h(?:ou)?rs?|hours?|days?)\b/.exec(t);
  if (relative) {
    const amount = WORD_NUMBERS[relative[1]] ?? Number(relative[1]);
    const unitMs = relative[2].startsWith('m') ? 60_000 : relative[2].startsWith('d') ? 86_400_000 : 3_600_000;
    return new Date(now.getTime() + amount * unitMs);
  }
  const tomorrow = /\btomorrow\b/.test(t);
  const dayOffset = tomorrow ? 1 : 0;
  let hours: number | null = null;
  let minutes = 0;
  const clock = /\b(\d{1,2})(?::(\d{2}))? ?(am|pm|o'?clock)?\b/.exec(t.replace(/\b(today|tomorrow|tonight|at|by|around)\b/g, ' '));
  if (/\bnoon\b|\bmidday\b/.test(t)) hours = 12;
  else if (/\bmidnight\b/.test(t)) hours = 0;
  else if (clock) {
    const h = Number(clock[1]);
    const m = clock[2] ? Number(clock[2]) : 0;
    const suffix = clock[3];
    if (h > 23 || m > 59 || (!suffix && !clock[2] && !/\bat\b|tonight|tomorrow|morning|evening|afternoon/.test(t))) return null;
    if (suffix === 'pm' && h < 12) hours = h + 12;
    else if (suffix === 'am' && h === 12) hours = 0;
    else if (!suffix && h <= 12 && (/\b(evening|tonight|afternoon)\b/.test(t) || (h < 7 && !/\bmorning\b/.test(t)))) hours = h === 12 ? 12 : h + 12;
    else hours = h;
    minutes = m;
  } else if (/\btonight\b/.test(t)) hours = 20;
  else if (/\bmorning\b/.test(t)) hours = 9;
  else if (/\bafternoon\b/.test(t)) hours = 15;
  else if (/\bevening\b/.test(t)) hours = 19;
  if (hours === null) return tomorrow ? new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0) : null;
  const due = new Date(now.getFullYear(), now.getMonth(), now.getDate() + dayOffset, hours, minutes);
  // "at 7" said at 2 pm means 7 pm today, not 7 am tomorrow.
  const ambiguous = clock !== null && !clock[3] && hours >= 1 && hours < 12 && !/\bmorning\b/.test(t);
  if (!tomorrow && ambiguous && due.getTime() <= now.getTime()) due.setHours(hours + 12);
  if (!tomorrow && due.getTime() <= now.getTime()) due.setDate(due.getDate() + 1);
  return due;
}

/** "today at 17:00", "tomorrow at 09:30", or "Fri 27 Nov at 10:00". */
export function describeDue(due: Date, now: Date): string {
  const time = due.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOfDay(due) - startOfDay(now)) / 86_400_000);
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  return `${due.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' })} at ${time}`;
}

/** Synchronous string storage (localStorage, or a Map in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'kin.reminders.v1';
const MAX_REMINDERS = 200;

function isReminder(value: unknown): value is Reminder {
  const r = value as Reminder;
  return typeof r === 'object' && r !== null && typeof r.id === 'string' && typeof r.text === 'string' && Number.isFinite(r.dueAt) && Number.isFinite(r.createdAt);
}

/**
 * The reminders on this device, soonest first. Saved on every change; unreadable saved data is kept
 * aside under `<key>.corrupt` rather than overwritten. `list()` returns the same array until a change,
 * so React can subscribe with useSyncExternalStore.
 */
export class ReminderBook {
  private reminders: Reminder[];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly storage: KeyValueStorage | undefined) {
    this.reminders = this.load();
  }

  private load(): Reminder[] {
    let raw: string | null = null;
    try {
      raw = this.storage?.getItem(KEY) ?? null;
      if (!raw) return [];
      const parsed: unknown = JSON.parse(raw);
      if (!Array.isArray(parsed)) throw new Error('not a list');
      return parsed.filter(isReminder).sort((a, b) => a.dueAt - b.dueAt);
    } catch {
      try {
        if (raw) this.storage?.setItem(`${KEY}.corrupt`, raw);
      } catch {
        // nothing more to do; the in-memory list starts empty
      }
      return [];
    }
  }

  private save(next: Reminder[]): void {
    this.reminders = next.sort((a, b) => a.dueAt - b.dueAt).slice(-MAX_REMINDERS);
    try {
      this.storage?.setItem(KEY, JSON.stringify(this.reminders));
    } catch {
      // Quota: the reminder still works for this session.
    }
    this.listeners.forEach((l) => l());
  }

  list = (): readonly Reminder[] => this.reminders;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  add(text: string, due: Date, now: Date): Reminder {
    const reminder: Reminder = { id: `r${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 6)}`, text, dueAt: due.getTime(), createdAt: now.getTime() };
    this.save([...this.reminders, reminder]);
    return reminder;
  }

  remove(id: string): void {
    this.save(this.reminders.filter((r) => r.id !== id));
  }

  /** Reminders that are due and not yet notified. */
  due(now: Date): Reminder[] {
    return this.reminders.filter((r) => r.notifiedAt === undefined && r.dueAt <= now.getTime());
  }

  markNotified(id: string, now: Date): void {
    this.save(this.reminders.map((r) => (r.id === id ? { ...r, notifiedAt: now.getTime() } : r)));
  }
}
