/** A time expression found in text, resolved to an absolute inclusive date range (YYYY-MM-DD). */
export interface TimeMention {
  phrase: string;
  index: number;
  start: string;
  end: string;
  granularity: 'day' | 'week' | 'weekend' | 'month' | 'season' | 'year';
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_SHORT = MONTHS.map((m) => m.slice(0, 3));
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, 'a couple of': 2, 'a couple': 2, couple: 2, 'a few': 3, few: 3, several: 3,
};
const FUTURE_CUE = /\b(will|won't|shall|going to|gonna|'ll|plan(?:ning)? to|planning|can't wait|looking forward|next|upcoming|coming up|is coming|are coming|is visiting|are visiting|am visiting|'m visiting|tomorrow|soon|hope to|about to|this coming)\b/i;
const PAST_CUE = /\b(was|were|went|did|had|ago|last|yesterday|got|took|made|saw|visited|spent|came|ran|finished|started|celebrated|enjoyed|loved)\b/i;

/** UTC calendar day of a Date (time of day dropped), as ms. */
function dayOf(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** Formats a UTC day (ms) as YYYY-MM-DD. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function addMonths(day: number, months: number): number {
  const d = new Date(day);
  const target = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
  const lastDay = new Date(Date.UTC(new Date(target).getUTCFullYear(), new Date(target).getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(new Date(target).getUTCFullYear(), new Date(target).getUTCMonth(), Math.min(d.getUTCDate(), lastDay));
}

function monthRange(year: number, month: number): [number, number] {
  return [Date.UTC(year, month, 1), Date.UTC(year, month + 1, 0)];
}

/** Monday of the ISO week containing day. */
function weekStart(day: number): number {
  const dow = new Date(day).getUTCDay();
  return day - ((dow + 6) % 7) * DAY_MS;
}

/** Easter Sunday (Gregorian, anonymous computus). */
function easter(year: number): number {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, dayOfMonth);
}

/** nth weekday (0=Sun) of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n < 0) {
    const last = Date.UTC(year, month + 1, 0);
    const back = (new Date(last).getUTCDay() - weekday + 7) % 7;
    return last - back * DAY_MS;
  }
  const first = Date.UTC(year, month, 1);
  const ahead = (weekday - new Date(first).getUTCDay() + 7) % 7;
  return first + (ahead + (n - 1) * 7) * DAY_MS;
}

const HOLIDAYS: Record<string, (year: number) => number> = {
  'christmas eve': (y) => Date.UTC(y, 11, 24),
  'christmas day': (y) => Date.UTC(y, 11, 25),
  christmas: (y) => Date.UTC(y, 11, 25),
  xmas: (y) => Date.UTC(y, 11, 25),
  "new year's eve": (y) => Date.UTC(y, 11, 31),
  "new year's day": (y) => Date.UTC(y, 0, 1),
  "new year's": (y) => Date.UTC(y, 0, 1),
  'new year': (y) => Date.UTC(y, 0, 1),
  halloween: (y) => Date.UTC(y, 9, 31),
  "valentine's day": (y) => Date.UTC(y, 1, 14),
  valentines: (y) => Date.UTC(y, 1, 14),
  'independence day': (y) => Date.UTC(y, 6, 4),
  'the fourth of july': (y) => Date.UTC(y, 6, 4),
  'july 4th': (y) => Date.UTC(y, 6, 4),
  thanksgiving: (y) => nthWeekday(y, 10, 4, 4),
  easter: easter,
  "mother's day": (y) => nthWeekday(y, 4, 0, 2),
  "father's day": (y) => nthWeekday(y, 5, 0, 3),
};

const SEASONS: Record<string, [number, number]> = { spring: [2, 4], summer: [5, 7], autumn: [8, 10], fall: [8, 10], winter: [11, 13] };

function parseCount(word: string): number | null {
  const w = word.toLowerCase().trim();
  if (/^\d+$/.test(w)) return Number(w);
  return NUMBER_WORDS[w] ?? null;
}

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, fortnight: 14 };

function shiftBy(day: number, count: number, unit: string): number {
  const u = unit.replace(/s$/, '');
  if (u in UNIT_DAYS) return day + count * UNIT_DAYS[u] * DAY_MS;
  if (u === 'month') return addMonths(day, count);
  if (u === 'year') return addMonths(day, count * 12);
  return day;
}

/** Parses LoCoMo-style and common session dates ("1:56 pm on 8 May, 2023", ISO). Null when unreadable. */
export function parseSessionDate(text: string): Date | null {
  const m = /(?:(\d{1,2}):(\d{2})\s*(am|pm)\s+on\s+)?(\d{1,2})\s+([A-Za-z]+),?\s+(\d{4})/i.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[5].toLowerCase()) >= 0 ? MONTHS.indexOf(m[5].toLowerCase()) : MONTH_SHORT.indexOf(m[5].toLowerCase().slice(0, 3));
    if (month < 0) return null;
    let hour = m[1] ? Number(m[1]) % 12 : 12;
    if (m[3]?.toLowerCase() === 'pm') hour += 12;
    return new Date(Date.UTC(Number(m[6]), month, Number(m[4]), hour, m[2] ? Number(m[2]) : 0));
  }
  const iso = Date.parse(text);
  return Number.isNaN(iso) ? null : new Date(iso);
}

type Direction = 'past' | 'future' | 'neutral';

/** Whether a sentence talks about the past, the future, or neither (drives bare "on Friday", "at Christmas", "in May"). */
export function tenseOf(sentence: string): Direction {
  const future = FUTURE_CUE.test(sentence);
  // A pronoun followed by a regular past verb ("we painted") also marks the past.
  const past = PAST_CUE.test(sentence) || /\b(i|we|he|she|they|you)\s+(?:\w+ly\s+)?\w{2,}ed\b/i.test(sentence);
  if (future && !/\b(last|ago|yesterday)\b/i.test(sentence)) return 'future';
  if (past) return 'past';
  return future ? 'future' : 'neutral';
}

const NUM = String.raw`(\d+|a couple of|a couple|a few|couple|few|several|an|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const UNIT = String.raw`(days?|weeks?|fortnights?|months?|years?)`;
const WD = String.raw`(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?`;
const MON = String.raw`(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?`;
const HOL = Object.keys(HOLIDAYS).sort((a, b) => b.length - a.length).map((h) => h.replace(/'/g, "['’]?")).join('|');

interface Rule {
  pattern: RegExp;
  resolve: (m: RegExpExecArray, today: number, tense: Direction) => [number, number, TimeMention['granularity']] | null;
}

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, '');
  const full = MONTHS.indexOf(w);
  return full >= 0 ? full : MONTH_SHORT.indexOf(w.slice(0, 3));
}

function holidayNear(name: string, today: number, which: 'last' | 'next' | 'this' | 'past' | 'future'): number {
  const key = name.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ');
  const fn = HOLIDAYS[key] ?? HOLIDAYS[key.replace(/'/g, '')] ?? HOLIDAYS[key.replace(/s$/, '')];
  if (!fn) return today;
  const year = new Date(today).getUTCFullYear();
  const candidates = [fn(year - 1), fn(year), fn(year + 1)];
  if (which === 'last' || which === 'past') return candidates.filter((d) => (which === 'last' ? d < today : d <= today)).pop() ?? candidates[0];
  if (which === 'this') return candidates[1];
  return candidates.find((d) => d >= today) ?? candidates[2];
}

const RULES: Rule[] = [
  { pattern: /\bthe day before yesterday\b/i, resolve: (_m, t) => [t - 2 * DAY_MS, t - 2 * DAY_MS, 'day'] },
  { pattern: /\bthe day after tomorrow\b/i, resolve: (_m, t) => [t + 2 * DAY_MS, t + 2 * DAY_MS, 'day'] },
  { pattern: /\b(yesterday|last night)\b/i, resolve: (_m, t) => [t - DAY_MS, t - DAY_MS, 'day'] },
  { pattern: /\b(tomorrow|tmrw)\b/i, resolve: (_m, t) => [t + DAY_MS, t + DAY_MS, 'day'] },
  { pattern: /\b(today|tonight|this (?:morning|afternoon|evening))\b/i, resolve: (_m, t) => [t, t, 'day'] },
  {
    pattern: new RegExp(String.raw`\b${NUM}\s+${UNIT}\s+ago\b`, 'i'),
    resolve: (m, t) => {
      const n = parseCount(m[1]);
      if (n === null) return null;
      const d = shiftBy(t, -n, m[2].toLowerCase());
      return [d, d, /week/.test(m[2]) ? 'week' : /month/.test(m[2]) ? 'month' : /year/.test(m[2]) ? 'year' : 'day'];
    },
  },
  {
    pattern: new RegExp(String.raw`\b(?:in|within)\s+${NUM}\s+${UNIT}(?:['’]? time)?\b`, 'i'),
    resolve: (m, t) => {
      const n = parseCount(m[1]);
      if (n === null) return null;
      const d = shiftBy(t, n, m[2].toLowerCase());
      return [d, d, 'day'];
    },
  },
  {
    pattern: new RegExp(String.raw`\b${NUM}\s+${UNIT}\s+from (?:now|today)\b`, 'i'),
    resolve: (m, t) => {
      const n = parseCount(m[1]);
      if (n === null) return null;
      const d = shiftBy(t, n, m[2].toLowerCase());
      return [d, d, 'day'];
    },
  },
  {
    pattern: /\b(last|this|next|this past|this coming)\s+(week|weekend|month|year)\b/i,
    resolve: (m, t) => {
      const which = m[1].toLowerCase();
      const offset = which === 'last' || which === 'this past' ? -1 : which === 'next' ? 1 : 0;
      const unit = m[2].toLowerCase();
      if (unit === 'week') {
        const s = weekStart(t) + offset * 7 * DAY_MS;
        return [s, s + 6 * DAY_MS, 'week'];
      }
      if (unit === 'weekend') {
        const sat = weekStart(t) + 5 * DAY_MS + (which === 'this past' ? -7 : offset * 7) * DAY_MS;
        // "last weekend" said on a Sunday or Saturday means the weekend before.
        return [sat, sat + DAY_MS, 'weekend'];
      }
      const d = new Date(t);
      if (unit === 'month') {
        const [s, e] = monthRange(d.getUTCFullYear(), d.getUTCMonth() + offset);
        return [s, e, 'month'];
      }
      const y = d.getUTCFullYear() + offset;
      return [Date.UTC(y, 0, 1), Date.UTC(y, 11, 31), 'year'];
    },
  },
  {
    pattern: /\b(?:over |on |at )?the weekend\b/i,
    resolve: (_m, t, tense) => {
      const sat = weekStart(t) + 5 * DAY_MS;
      const s = tense === 'past' && sat > t ? sat - 7 * DAY_MS : tense === 'future' && sat + DAY_MS < t ? sat + 7 * DAY_MS : sat;
      return [s, s + DAY_MS, 'weekend'];
    },
  },
  {
    pattern: new RegExp(String.raw`\b(last|this|next|this past|this coming|on|since)?\s*${WD}\b`, 'i'),
    resolve: (m, t, tense) => {
      const which = (m[1] ?? '').toLowerCase();
      const target = WEEKDAYS.indexOf(m[2].toLowerCase());
      const dow = new Date(t).getUTCDay();
      const back = (dow - target + 7) % 7 || 7;
      const ahead = (target - dow + 7) % 7 || 7;
      if (which === 'last' || which === 'this past' || which === 'since') return [t - back * DAY_MS, t - back * DAY_MS, 'day'];
      if (which === 'next' || which === 'this coming') return [t + ahead * DAY_MS, t + ahead * DAY_MS, 'day'];
      if (which === 'this') {
        const d = weekStart(t) + ((target + 6) % 7) * DAY_MS;
        return [d, d, 'day'];
      }
      const d = tense === 'future' ? t + ahead * DAY_MS : t - back * DAY_MS;
      return [d, d, 'day'];
    },
  },
  {
    pattern: new RegExp(String.raw`\b(?:(last|this|next)\s+|(?:at|on|for|over|by|since|before|after)\s+)?(${HOL})\b`, 'i'),
    resolve: (m, t, tense) => {
      const which = (m[1]?.toLowerCase() as 'last' | 'this' | 'next' | undefined) ?? (tense === 'past' ? 'past' : 'future');
      const d = holidayNear(m[2], t, which);
      return [d, d, 'day'];
    },
  },
  {
    pattern: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?${MON},?(?:\s+(\d{4}))?\b`, 'i'),
    resolve: (m, t, tense) => dayOfMonth(Number(m[1]), monthIndex(m[2]), m[3], t, tense),
  },
  {
    pattern: new RegExp(String.raw`\b${MON}\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b`, 'i'),
    resolve: (m, t, tense) => dayOfMonth(Number(m[2]), monthIndex(m[1]), m[3], t, tense),
  },
  { pattern: /\b(\d{4})-(\d{2})-(\d{2})\b/, resolve: (m) => { const d = Date.UTC(+m[1], +m[2] - 1, +m[3]); return [d, d, 'day']; } },
  {
    pattern: /\b(last|this|next)?\s*(spring|summer|autumn|fall|winter)\b/i,
    resolve: (m, t, tense) => {
      const [from, to] = SEASONS[m[2].toLowerCase()];
      const year = new Date(t).getUTCFullYear();
      const ranges = [year - 1, year, year + 1].map((y) => [Date.UTC(y, from, 1), Date.UTC(y, to + 1, 0)] as [number, number]);
      const which = m[1]?.toLowerCase();
      let r: [number, number];
      if (which === 'last') r = ranges.filter(([, e]) => e < t).pop() ?? ranges[0];
      else if (which === 'next') r = ranges.find(([s]) => s > t) ?? ranges[2];
      else if (which === 'this') r = ranges.find(([s, e]) => s <= t && t <= e) ?? (tense === 'past' ? ranges.filter(([s]) => s <= t).pop() ?? ranges[1] : ranges.find(([s]) => s >= t) ?? ranges[1]);
      else r = tense === 'past' ? ranges.filter(([s]) => s <= t).pop() ?? ranges[1] : ranges.find(([, e]) => e >= t) ?? ranges[1];
      return [r[0], r[1], 'season'];
    },
  },
  {
    pattern: new RegExp(String.raw`\b(?:(last|this|next|in|since|until|by|early|late)\s+)${MON}(?:\s+(\d{4}))?\b`, 'i'),
    resolve: (m, t, tense) => {
      const month = monthIndex(m[2]);
      if (month < 0) return null;
      const now = new Date(t);
      let year = m[3] ? Number(m[3]) : now.getUTCFullYear();
      const which = m[1].toLowerCase();
      if (!m[3]) {
        if (which === 'last' || which === 'since' || ((which === 'in' || which === 'early' || which === 'late') && tense === 'past')) {
          if (month > now.getUTCMonth() || (which === 'last' && month === now.getUTCMonth())) year -= 1;
        } else if (which === 'next' || which === 'until' || which === 'by' || tense === 'future') {
          if (month < now.getUTCMonth() || (which === 'next' && month === now.getUTCMonth())) year += 1;
        }
      }
      const [s, e] = monthRange(year, month);
      return [s, e, 'month'];
    },
  },
  { pattern: /\b(?:in|since|during|back in)\s+((?:19|20)\d{2})\b/i, resolve: (m) => [Date.UTC(+m[1], 0, 1), Date.UTC(+m[1], 11, 31), 'year'] },
];

function dayOfMonth(dom: number, month: number, yearText: string | undefined, today: number, tense: Direction): [number, number, 'day'] | null {
  if (month < 0 || dom < 1 || dom > 31) return null;
  const year = new Date(today).getUTCFullYear();
  let d = Date.UTC(yearText ? Number(yearText) : year, month, dom);
  if (!yearText) {
    if (tense === 'past' && d > today) d = Date.UTC(year - 1, month, dom);
    if (tense === 'future' && d < today) d = Date.UTC(year + 1, month, dom);
    if (tense === 'neutral') {
      // No tense cue: the nearest such day, within half a year either way.
      const options = [Date.UTC(year - 1, month, dom), d, Date.UTC(year + 1, month, dom)];
      d = options.reduce((best, x) => (Math.abs(x - today) < Math.abs(best - today) ? x : best));
    }
  }
  return [d, d, 'day'];
}

/** Finds time expressions in text and resolves them against the session's date (UTC days). */
export function normalizeTimes(text: string, sessionDate: Date): TimeMention[] {
  const today = dayOf(sessionDate);
  const mentions: TimeMention[] = [];
  const taken: boolean[] = new Array(text.length).fill(false);
  const sentences = text.split(/(?<=[.!?])\s+/);
  let sentenceStart = 0;
  for (const sentence of sentences) {
    const offset = text.indexOf(sentence, sentenceStart);
    sentenceStart = offset + sentence.length;
    const tense = tenseOf(sentence);
    for (const rule of RULES) {
      const global = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : rule.pattern.flags + 'g');
      for (let m = global.exec(sentence); m; m = global.exec(sentence)) {
        const phrase = m[0].trim();
        if (!phrase) continue;
        const index = offset + m.index + (m[0].length - m[0].trimStart().length);
        let overlap = false;
        for (let i = index; i < index + phrase.length; i++) if (taken[i]) overlap = true;
        if (overlap) continue;
        // "may" is also a verb: only a month when it has a day, a year or a preposition.
        if (/^may$/i.test(phrase)) continue;
        const resolved = rule.resolve(m, today, tense);
        if (!resolved) continue;
        for (let i = index; i < index + phrase.length; i++) taken[i] = true;
        mentions.push({ phrase, index, start: isoDay(resolved[0]), end: isoDay(resolved[1]), granularity: resolved[2] });
      }
    }
  }
  return mentions.sort((a, b) => a.index - b.index);
}
