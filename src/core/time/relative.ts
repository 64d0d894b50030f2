import { daysBetween, localDateOf, longDate, shortDate, weekdayOf, type LocalDate } from './calendar.js';
import { DateTime } from 'luxon';

/** "today", "tomorrow", "on Friday (14 Mar)", "next Tuesday (14 Mar)", "on Tue 14 Mar": how a colleague says it. */
export function whenAhead(today: LocalDate, date: LocalDate): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  const weekday = DateTime.fromISO(date, { zone: 'UTC' }).setLocale('en-GB').toFormat('cccc');
  const dm = DateTime.fromISO(date, { zone: 'UTC' }).setLocale('en-GB').toFormat('d LLL');
  if (days > 1 && days < 7) {
    // Same ISO week reads as "on Friday"; the week after reads as "next Tuesday".
    return weekdayOf(date) > weekdayOf(today) ? `on ${weekday} (${dm})` : `next ${weekday} (${dm})`;
  }
  if (days >= 7 && days < 14) return `next ${weekday} (${dm})`;
  return `on ${shortDate(date)}`;
}

/** "today", "yesterday", "3 days ago", "5 weeks ago", with the date for anything older than yesterday. */
export function whenAgo(now: Date, then: Date, zone: string): string {
  const today = localDateOf(now, zone);
  const date = localDateOf(then, zone);
  const days = daysBetween(date, today);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  const dm = DateTime.fromISO(date, { zone: 'UTC' }).setLocale('en-GB').toFormat('d LLL');
  if (days < 21) return `${days} days ago (${dm})`;
  if (days < 90) return `${Math.round(days / 7)} weeks ago (${dm})`;
  return `${Math.round(days / 30)} months ago (${shortDate(date)})`;
}

/** "6 business hours", "1 business hour"; past 40 hours, "5 business days" reads better. */
export function businessAge(hours: number, dayHours: number): string {
  const h = Math.floor(hours);
  if (dayHours > 0 && hours >= 40) {
    const d = Math.floor(hours / dayHours);
    return `${d} business days`;
  }
  if (h < 1) return 'under an hour of business time';
  return h === 1 ? '1 business hour' : `${h} business hours`;
}

export { longDate };
