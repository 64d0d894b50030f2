import { DateTime } from 'luxon';
import type { CalendarDate } from './dates.js';

/** "Mon 23 Nov, 14:05" in the workspace's zone. */
export function formatMoment(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('ccc d LLL yyyy, HH:mm');
}

/** "14 March" or "14 March 1980". */
export function formatCalendarDate(date: CalendarDate): string {
  const text = DateTime.fromObject({ year: date.year ?? 2028, month: date.month, day: date.day }).toFormat('d LLLL');
  return date.year === null ? text : `${text} ${date.year}`;
}

export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
