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
const DAY_MS = 24 * HOUR_MS;

/**
 * A well-formed yyyy-MM-dd as the UTC midnight of that calendar day, or null (then luxon decides).
 * Plain calendar arithmetic needs no zone; luxon costs microseconds a call, and the rules count
 * business hours day by day over months, so the common case stays on integers.
 */
function utcMidnight(date: LocalDate): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const ms = Date.UTC(y, mo, d);
  const back = new Date(ms);
  return y >= 1000 && back.getUTCFullYear() === y && back.getUTCMonth() === mo && back.getUTCDate() === d ? ms : null;
}

function isoDateOf(utcMs: number): LocalDate | null {
  const iso = new Date(utcMs).toISOString();
  return /^\d{4}-/.test(iso) ? iso.slice(0, 10) : null;
}

/**
 * Wall-clock instants already computed, by zone, date and time: the answer never changes, and the
 * same few hundred business days are asked about again and again. Bounded; cleared when full.
 */
const localTimes = new Map<string, number>();
const LOCAL_TIMES_MAX = 20_000;

function day(date: LocalDate, zone: string): DateTime {
  const dt = DateTime.fromISO(date, { zone });
  if (!dt.isValid) throw new Error(`invalid local date ${date} in ${zone}`);
  return dt;
}

/** The local date of an instant in a zone. */
export function localDateOf(instant: Date, zone: string): LocalDate {
  return DateTime.fromJSDate(instant, { zone }).toISODate() ?? '';
}

/** The instant at a local wall-clock time ("HH:mm") on a local date; luxon shifts gap times forward. */
export function atLocalTime(date: LocalDate, hhmm: string, zone: string): Date {
  const key = `${zone}\u0000${date}\u0000${hhmm}`;
  const known = localTimes.get(key);
  if (known !== undefined) return new Date(known);
  const [h, m] = hhmm.split(':').map(Number);
  const instant = day(date, zone).set({ hour: h ?? 0, minute: m ?? 0, second: 0, millisecond: 0 }).toJSDate();
  if (localTimes.size >= LOCAL_TIMES_MAX) localTimes.clear();
  localTimes.set(key, instant.getTime());
  return instant;
}

/** Calendar arithmetic on local dates (DST-proof: it never touches instants). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const ms = utcMidnight(date);
  const fast = ms === null || !Number.isInteger(days) ? null : isoDateOf(ms + days * DAY_MS);
  return fast ?? DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;
}

/** Whole calendar days from a to b (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const [msA, msB] = [utcMidnight(a), utcMidnight(b)];
  if (msA !== null && msB !== null) return Math.round((msB - msA) / DAY_MS);
  const from = DateTime.fromISO(a, { zone: 'UTC' });
  const to = DateTime.fromISO(b, { zone: 'UTC' });
  return Math.round(to.diff(from, 'days').days);
}

/** ISO weekday of a local date, Monday = 1 … Sunday = 7. */
export function weekdayOf(date: LocalDate): number {
  const ms = utcMidnight(date);
  return ms === null ? DateTime.fromISO(date, { zone: 'UTC' }).weekday : ((new Date(ms).getUTCDay() + 6) % 7) + 1;
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
 * Business hours elapsed between two instants, counted day by day in the workspace zone, so a DST
 * night or a weekend adds nothing. Returns 0 when `to` is not after `from`.
 */
export function businessHoursBetween(cal: WorkCalendar, from: Date, to: Date): number {
  if (to <= from) return 0;
  const first = localDateOf(from, cal.timeZone);
  const last = localDateOf(to, cal.timeZone);
  let ms = 0;
  for (let d = first; d <= last; d = addDays(d, 1)) {
    const window = businessWindow(cal, d);
    if (!window) continue;
    const start = Math.max(window.start.getTime(), from.getTime());
    const end = Math.min(window.end.getTime(), to.getTime());
    if (end > start) ms += end - start;
  }
  return ms / HOUR_MS;
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
