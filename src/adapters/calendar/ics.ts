// The feed as iCalendar text, built with ical.js components (never concatenated by hand), so folding,
// escaping and line endings follow RFC 5545.
import ICAL from 'ical.js';
import type { FeedEvent } from '../../core/calendar/feed-events.js';

const PRODID = '-//Rapport//Client dates//EN';

/** One VCALENDAR with a yearly, all-day VEVENT per date. `now` stamps the events (DTSTAMP). */
export function feedToIcs(events: readonly FeedEvent[], now: Date, name: string): string {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.updatePropertyWithValue('prodid', PRODID);
  calendar.updatePropertyWithValue('version', '2.0');
  calendar.updatePropertyWithValue('calscale', 'GREGORIAN');
  calendar.updatePropertyWithValue('method', 'PUBLISH');
  calendar.updatePropertyWithValue('x-wr-calname', name);
  // A hint to calendar apps on how often to fetch again; most poll on their own schedule anyway.
  calendar.updatePropertyWithValue('refresh-interval', ICAL.Duration.fromString('PT12H'));
  calendar.updatePropertyWithValue('x-published-ttl', 'PT12H');
  const stamp = ICAL.Time.fromJSDate(now, true);
  for (const e of events) {
    const event = new ICAL.Component('vevent');
    event.updatePropertyWithValue('uid', e.uid);
    event.updatePropertyWithValue('dtstamp', stamp);
    event.updatePropertyWithValue('dtstart', ICAL.Time.fromData({ year: e.start.year, month: e.start.month, day: e.start.day, isDate: true }));
    const rule = e.lastDayOfFebruary ? { freq: 'YEARLY', bymonth: [2], bymonthday: [-1] } : { freq: 'YEARLY' };
    event.updatePropertyWithValue('rrule', ICAL.Recur.fromData(rule));
    event.updatePropertyWithValue('summary', e.summary);
    if (e.description !== null) event.updatePropertyWithValue('description', e.description);
    event.updatePropertyWithValue('transp', 'TRANSPARENT');
    calendar.addSubcomponent(event);
  }
  return calendar.toString();
}
