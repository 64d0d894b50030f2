// English only: the package root loads every locale (about 20 MB more resident memory) and parses
// with the same English casual parser.
import * as chrono from 'chrono-node/en';
import type { Component, ParsedResult, ParsingReference } from 'chrono-node';
import { DateTime } from 'luxon';
import { fail, succeed, type Outcome } from './outcome.js';

/** A recurring date as people say it: the year may be unknown. */
export interface CalendarDate {
  readonly month: number;
  readonly day: number;
  readonly year: number | null;
}

const LEAP_REFERENCE = new Date('2028-01-01T12:00:00Z');

function reference(now: Date, timeZone: string): ParsingReference {
  return { instant: now, timezone: DateTime.fromJSDate(now, { zone: timeZone }).offset };
}

/** The one parse that covers the whole text, or null: "March 14th-ish" must not quietly become March 14. */
function parseWhole(text: string, ref: ParsingReference, forwardDate = false): ParsedResult | null {
  const results = chrono.parse(text, ref, { forwardDate });
  const first = results[0];
  if (results.length !== 1 || first === undefined) return null;
  return first.index === 0 && first.text.length === text.trim().length ? first : null;
}

/**
 * Reads a birthday, anniversary or other recurring date: "March 14", "14 Mar", "2026-03-14",
 * "14 March 1980", "29 Feb". Impossible dates (31 February, month 13) are refused.
 */
export function parseCalendarDate(text: string, now: Date, timeZone: string): Outcome<CalendarDate> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('date.missing', 'Which date? For example "March 14" or 2026-03-14.');
  let parsed = parseWhole(trimmed, reference(now, timeZone));
  // 29 February without a year only exists in leap years: read it against one.
  if (parsed === null) {
    const leap = parseWhole(trimmed, { instant: LEAP_REFERENCE, timezone: 0 });
    if (leap !== null && !leap.start.isCertain('year')) parsed = leap;
  }
  if (parsed === null) return fail('date.unreadable', `I couldn't read "${trimmed}" as a date. Try "March 14", "14 Mar" or 2026-03-14.`);
  const month = parsed.start.get('month');
  const day = parsed.start.get('day');
  if (month === null || day === null) return fail('date.unreadable', `"${trimmed}" needs a month and a day.`);
  const year = parsed.start.isCertain('year') ? parsed.start.get('year') : null;
  if (year !== null && (year < 1900 || year > DateTime.fromJSDate(now).year + 50)) {
    return fail('date.out-of-range', `The year ${year} looks wrong for "${trimmed}".`);
  }
  if (!DateTime.fromObject({ year: year ?? 2028, month, day }).isValid) {
    return fail('date.impossible', `"${trimmed}" is not a real date.`);
  }
  return succeed({ month, day, year });
}

/**
 * Reads when something happened or should happen: "yesterday 3pm", "tomorrow", "in 3 days",
 * "2026-03-14", "last friday". A date without a time means that day at the current time of day.
 * A date that leaves something out reads the way the slot faces: "March 14" or "Saturday" on a
 * past-facing slot (when did it happen) is the most recent one; on a future-facing slot the next.
 * What is then still on the wrong side of now is refused.
 */
export function parseMoment(text: string, now: Date, timeZone: string, facing: 'past' | 'future'): Outcome<Date> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('date.missing', 'When? For example "yesterday 3pm" or 2026-03-14.');
  const parsed = parseWhole(trimmed, reference(now, timeZone), facing === 'future');
  if (parsed === null) return fail('date.unreadable', `I couldn't read "${trimmed}" as a time. Try "yesterday 3pm", "tomorrow" or 2026-03-14.`);
  let date = DateTime.fromJSDate(parsed.start.date(), { zone: timeZone });
  if (!date.isValid) return fail('date.impossible', `"${trimmed}" is not a real date.`);
  const start = parsed.start;
  const implied = (unit: Component) => !start.isCertain(unit);
  // chrono reads a date without a year (or a bare weekday) as the nearest one; turn it the way the slot faces.
  const shift = implied('year') && start.isCertain('month') ? { years: 1 } : implied('day') && start.isCertain('weekday') ? { weeks: 1 } : null;
  const slack = 60_000;
  if (shift && facing === 'past' && date.toMillis() > now.getTime() + slack) date = date.minus(shift);
  if (shift && facing === 'future' && date.toMillis() < now.getTime()) date = date.plus(shift);
  if (facing === 'past' && date.toMillis() > now.getTime() + slack) return fail('when.future', `"${trimmed}" is in the future; log things once they have happened.`);
  return succeed(date.toJSDate());
}

/** A short span for snoozing: 1d, 2d, 1w, 2w, or a date. Returns the instant the snooze ends. */
export function parseSnoozeUntil(text: string, now: Date, timeZone: string): Outcome<Date> {
  const span = /^(\d{1,2})\s*(d|day|days|w|week|weeks)$/i.exec(text.trim());
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  if (span) {
    const count = Number(span[1]);
    if (count < 1) return fail('snooze.too-short', 'Snooze for at least one day.');
    const unit = span[2]!.toLowerCase().startsWith('w') ? 'weeks' : 'days';
    return succeed(local.startOf('day').plus({ [unit]: count }).toJSDate());
  }
  const moment = parseMoment(text, now, timeZone, 'future');
  if (!moment.ok) return fail('snooze.unreadable', `Snooze for 1d, 1w, or until a date such as "next monday" — "${text.trim()}" is none of those.`);
  const until = DateTime.fromJSDate(moment.value, { zone: timeZone }).startOf('day');
  if (until <= local.startOf('day')) return fail('snooze.in-past', 'Snooze until a day after today.');
  if (until > local.plus({ years: 1 })) return fail('snooze.too-long', 'Snooze for at most a year.');
  return succeed(until.toJSDate());
}

/** True when a date with a known year falls after today where the workspace is (a wedding not yet held). */
export function isAfterToday(date: CalendarDate, now: Date, timeZone: string): boolean {
  if (date.year === null) return false;
  const today = DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
  const day = DateTime.fromObject({ year: date.year, month: date.month, day: date.day }).toISODate()!;
  return day > today;
}
