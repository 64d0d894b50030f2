import { DateTime } from 'luxon';
import type { Workspace } from '../model/index.js';

/**
 * A workspace's working calendar. Every date question in the rules goes through here so that the
 * zone (and its DST changes) is applied in one place, by luxon, never by adding 24h to a Date.
 */
export type WorkCalendar = Pick<Workspace, 'timeZone' | 'businessDays' | 'businessStart' | 'businessEnd'>;

/** A workspace-local calendar date, yyyy-MM-dd. */
export type LocalDate = string;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

function day(date: LocalDate, zone: string): DateTime {
  const dt = DateTime.fromISO(date, { zone });
  if (!dt.isValid) throw new Error(`invalid local date ${date} in ${zone}`);
  return dt;
}

/**
 * The zone's UTC offset (minutes) at an instant, remembered per zone and quarter hour: every clock
 * change in the time-zone database falls on a quarter hour, so the offset is constant within one.
 * Digest planning asks for thousands of local dates; luxon's own lookup formats a date each time.
 */
const QUARTER_MS = 900_000;
const offsets = new Map<string, number>();
function offsetAt(ms: number, zone: string): number {
  const quarter = Math.floor(ms / QUARTER_MS);
  const key = `${zone}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const dt = DateTime.fromMillis(quarter * QUARTER_MS, { zone });
    if (!dt.isValid) throw new Error(`invalid time zone ${zone}`);
    offset = dt.offset;
    // A bounded memo: a long-running process plans many days, not unboundedly many quarter hours at once.
    if (offsets.size > 50_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The local date of an instant in a zone. */
export function localDateOf(instant: Date, zone: string): LocalDate {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) return '';
  return new Date(ms + offsetAt(ms, zone) * 60_000).toISOString().slice(0, 10);
}

const wallTimes = new Map<string, number>();

/** The instant at a local wall-clock time ("HH:mm") on a local date; luxon shifts gap times forward. */
export function atLocalTime(date: LocalDate, hhmm: string, zone: string): Date {
  // The same few local midnights and opening times come up for every nudge: remember them.
  const key = `${zone}|${date}|${hhmm}`;
  let ms = wallTimes.get(key);
  if (ms === undefined) {
    const [h, m] = hhmm.split(':').map(Number);
    ms = day(date, zone).set({ hour: h ?? 0, minute: m ?? 0, second: 0, millisecond: 0 }).toMillis();
    if (wallTimes.size > 50_000) wallTimes.clear();
    wallTimes.set(key, ms);
  }
  return new Date(ms);
}

/** A local date as days since 1970-01-01, and back: plain integer arithmetic, no zone involved. */
function dayNumber(date: LocalDate): number {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`invalid local date ${date}`);
  return ms / DAY_MS;
}

function fromDayNumber(n: number): LocalDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar arithmetic on local dates (DST-proof: it never touches instants). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole calendar days from a to b (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday of a local date, Monday = 1 … Sunday = 7. */
export function weekdayOf(date: LocalDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function isBusinessDay(cal: WorkCalendar, date: LocalDate): boolean {
  return cal.businessDays.includes(weekdayOf(date));
}

/** The first business day strictly after `date`. A calendar with no business days returns date + 1. */
export function nextBusinessDay(cal: WorkCalendar, date: LocalDate): LocalDate {
  for (let i = 1; i <= 7; i++) {
    const candidate = addDays(date, i);
    if (isBusinessDay(cal, candidate)) return candidate;
  }
  return addDays(date, 1);
}

/** The last business day strictly before `date`. */
export function previousBusinessDay(cal: WorkCalendar, date: LocalDate): LocalDate {
  for (let i = 1; i <= 7; i++) {
    const candidate = addDays(date, -i);
    if (isBusinessDay(cal, candidate)) return candidate;
  }
  return addDays(date, -1);
}

/** A date that falls on a non-business day moves back to the business day before it. */
export function businessDayOnOrBefore(cal: WorkCalendar, date: LocalDate): LocalDate {
  return isBusinessDay(cal, date) ? date : previousBusinessDay(cal, date);
}

/** `n` business days after `date` (n = 0 gives the date itself, or the next business day). */
export function addBusinessDays(cal: WorkCalendar, date: LocalDate, n: number): LocalDate {
  let current = n === 0 && !isBusinessDay(cal, date) ? nextBusinessDay(cal, date) : date;
  for (let i = 0; i < n; i++) current = nextBusinessDay(cal, current);
  return current;
}

/** The business-hours window of a local date as instants, or null on a non-business day. */
export function businessWindow(cal: WorkCalendar, date: LocalDate): { start: Date; end: Date } | null {
  if (!isBusinessDay(cal, date)) return null;
  const start = atLocalTime(date, cal.businessStart, cal.timeZone);
  const end = atLocalTime(date, cal.businessEnd, cal.timeZone);
  return end > start ? { start, end } : null;
}

/**
 * Business hours elapsed between two instants in the workspace zone, so a DST night or a weekend
 * adds nothing. Returns 0 when `to` is not after `from`. The first and last weeks are counted day by
 * day; each whole week between them adds its business days' nominal hours at once, unless the zone's
 * offset changes that week, which is then counted day by day too: months-old items cost a few
 * dozen steps, not one luxon walk per day.
 */
export function businessHoursBetween(cal: WorkCalendar, from: Date, to: Date): number {
  if (to <= from) return 0;
  const zone = cal.timeZone;
  const first = localDateOf(from, zone);
  const last = localDateOf(to, zone);
  const walk = (a: LocalDate, b: LocalDate): number => {
    let ms = 0;
    for (let d = a; d <= b; d = addDays(d, 1)) {
      const window = businessWindow(cal, d);
      if (!window) continue;
      const start = Math.max(window.start.getTime(), from.getTime());
      const end = Math.min(window.end.getTime(), to.getTime());
      if (end > start) ms += end - start;
    }
    return ms;
  };
  if (daysBetween(first, last) < 21) return walk(first, last) / HOUR_MS;
  const weekly = new Set(cal.businessDays.filter((d) => d >= 1 && d <= 7)).size * businessDayHours(cal) * HOUR_MS;
  let ms = walk(first, addDays(first, 6));
  let week = addDays(first, 7);
  const stop = addDays(last, -7);
  let weekStart = atLocalTime(week, '00:00', zone).getTime();
  while (daysBetween(week, stop) >= 7) {
    const next = addDays(week, 7);
    const nextStart = atLocalTime(next, '00:00', zone).getTime();
    // An exact week of instants means no clock change inside it: every window has its nominal length.
    ms += nextStart - weekStart === 7 * DAY_MS ? weekly : walk(week, addDays(week, 6));
    week = next;
    weekStart = nextStart;
  }
  return (ms + walk(week, last)) / HOUR_MS;
}

/** Length of one business day in hours, for thresholds stated in business days. */
export function businessDayHours(cal: WorkCalendar): number {
  const [sh, sm] = cal.businessStart.split(':').map(Number);
  const [eh, em] = cal.businessEnd.split(':').map(Number);
  return Math.max(0, (eh ?? 0) + (em ?? 0) / 60 - (sh ?? 0) - (sm ?? 0) / 60);
}

/** Whole calendar days elapsed between two instants, by local dates in the zone. */
export function localDaysBetween(from: Date, to: Date, zone: string): number {
  return daysBetween(localDateOf(from, zone), localDateOf(to, zone));
}

/** "Tue 14 Mar": short, unambiguous across locales. */
export function shortDate(date: LocalDate): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale('en-GB').toFormat('ccc d LLL');
}

/** "Tuesday 14 March". */
export function longDate(date: LocalDate): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale('en-GB').toFormat('cccc d LLLL');
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
