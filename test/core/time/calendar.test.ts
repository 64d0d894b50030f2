import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import fc from 'fast-check';
import {
  addBusinessDays,
  addDays,
  daysBetween,
  weekdayOf,
  atLocalTime,
  businessDayOnOrBefore,
  businessHoursBetween,
  isBusinessDay,
  localDateOf,
  nextBusinessDay,
  previousBusinessDay,
  type WorkCalendar,
} from '../../../src/core/time/index.js';
import { whenAhead } from '../../../src/core/time/relative.js';

const cal = (timeZone: string, businessDays = [1, 2, 3, 4, 5]): WorkCalendar => ({
  timeZone,
  businessDays,
  businessStart: '09:00',
  businessEnd: '17:00',
});
const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toJSDate();

describe('business hours across DST weekends', () => {
  // Each row is a Friday 16:00 -> Monday 10:00 span over the weekend the clocks change (2026).
  const rows = [
    { zone: 'America/New_York', fri: '2026-03-06', mon: '2026-03-09' },
    { zone: 'America/New_York', fri: '2026-10-30', mon: '2026-11-02' },
    { zone: 'Europe/London', fri: '2026-03-27', mon: '2026-03-30' },
    { zone: 'Europe/London', fri: '2026-10-23', mon: '2026-10-26' },
    { zone: 'Australia/Sydney', fri: '2026-04-03', mon: '2026-04-06' },
    { zone: 'Australia/Sydney', fri: '2026-10-02', mon: '2026-10-05' },
    { zone: 'Asia/Kolkata', fri: '2026-03-06', mon: '2026-03-09' },
  ];
  it.each(rows)('$zone $fri: the weekend adds nothing, the clock change costs nothing', ({ zone, fri, mon }) => {
    expect(businessHoursBetween(cal(zone), at(`${fri}T16:00`, zone), at(`${mon}T10:00`, zone))).toBe(2);
  });

  const sundays = [
    { zone: 'America/New_York', sunday: '2026-03-08' },
    { zone: 'America/New_York', sunday: '2026-11-01' },
    { zone: 'Europe/London', sunday: '2026-03-29' },
    { zone: 'Australia/Sydney', sunday: '2026-04-05' },
    { zone: 'Australia/Sydney', sunday: '2026-10-04' },
  ];
  it.each(sundays)('$zone $sunday: a seven-day calendar counts a full 8-hour day on the change day', ({ zone, sunday }) => {
    const everyDay = cal(zone, [1, 2, 3, 4, 5, 6, 7]);
    expect(businessHoursBetween(everyDay, at(`${sunday}T00:00`, zone), at(`${sunday}T23:59`, zone))).toBe(8);
  });
});

describe('business hours', () => {
  const ny = cal('America/New_York');
  it.each([
    { from: '2026-03-10T10:00', to: '2026-03-10T12:30', hours: 2.5 },
    { from: '2026-03-10T07:00', to: '2026-03-10T20:00', hours: 8 },
    { from: '2026-03-10T16:00', to: '2026-03-11T10:00', hours: 2 },
    { from: '2026-03-14T10:00', to: '2026-03-15T10:00', hours: 0 },
    { from: '2026-03-11T10:00', to: '2026-03-10T10:00', hours: 0 },
  ])('$from -> $to is $hours h', ({ from, to, hours }) => {
    expect(businessHoursBetween(ny, at(from, ny.timeZone), at(to, ny.timeZone))).toBe(hours);
  });
});

describe('business days', () => {
  const london = cal('Europe/London');
  it.each([
    { date: '2026-03-13', next: '2026-03-16', prev: '2026-03-12', onOrBefore: '2026-03-13', business: true },
    { date: '2026-03-14', next: '2026-03-16', prev: '2026-03-13', onOrBefore: '2026-03-13', business: false },
    { date: '2026-03-15', next: '2026-03-16', prev: '2026-03-13', onOrBefore: '2026-03-13', business: false },
    { date: '2026-03-16', next: '2026-03-17', prev: '2026-03-13', onOrBefore: '2026-03-16', business: true },
  ])('$date', ({ date, next, prev, onOrBefore, business }) => {
    expect(isBusinessDay(london, date)).toBe(business);
    expect(nextBusinessDay(london, date)).toBe(next);
    expect(previousBusinessDay(london, date)).toBe(prev);
    expect(businessDayOnOrBefore(london, date)).toBe(onOrBefore);
  });

  it('a Sunday-to-Thursday week is honoured', () => {
    const gulf = cal('Asia/Kolkata', [7, 1, 2, 3, 4]);
    expect(nextBusinessDay(gulf, '2026-03-12')).toBe('2026-03-15');
    expect(addBusinessDays(gulf, '2026-03-12', 2)).toBe('2026-03-16');
  });
});

describe('local dates and wall-clock times', () => {
  it('an instant late in UTC is already tomorrow in Sydney', () => {
    expect(localDateOf(new Date('2026-03-10T20:00:00Z'), 'Australia/Sydney')).toBe('2026-03-11');
  });
  it('16:30 in New York is 21:30Z before the change and 20:30Z after it', () => {
    expect(atLocalTime('2026-03-06', '16:30', 'America/New_York').toISOString()).toBe('2026-03-06T21:30:00.000Z');
    expect(atLocalTime('2026-03-09', '16:30', 'America/New_York').toISOString()).toBe('2026-03-09T20:30:00.000Z');
  });
  it.each([
    { today: '2026-03-09', date: '2026-03-09', text: 'today' },
    { today: '2026-03-09', date: '2026-03-10', text: 'tomorrow' },
    { today: '2026-03-09', date: '2026-03-13', text: 'on Friday (13 Mar)' },
    { today: '2026-03-12', date: '2026-03-17', text: 'next Tuesday (17 Mar)' },
    { today: '2026-03-09', date: '2026-03-30', text: 'on Mon 30 Mar' },
  ])('$date seen from $today reads "$text"', ({ today, date, text }) => {
    expect(whenAhead(today, date)).toBe(text);
  });
});

describe('calendar arithmetic without luxon agrees with luxon', () => {
  const isoDate = fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9000, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
  it('addDays, daysBetween and weekdayOf', () => {
    fc.assert(
      fc.property(isoDate, isoDate, fc.integer({ min: -4000, max: 4000 }), (a, b, n) => {
        expect(addDays(a, n)).toBe(DateTime.fromISO(a, { zone: 'UTC' }).plus({ days: n }).toISODate());
        expect(daysBetween(a, b)).toBe(Math.round(DateTime.fromISO(b, { zone: 'UTC' }).diff(DateTime.fromISO(a, { zone: 'UTC' }), 'days').days));
        expect(weekdayOf(a)).toBe(DateTime.fromISO(a, { zone: 'UTC' }).weekday);
      }),
      { numRuns: 300 },
    );
  });

  it('a remembered wall-clock instant is the one luxon computes, and a fresh Date each time', () => {
    const first = atLocalTime('2026-03-29', '01:30', 'Europe/London');
    first.setTime(0);
    expect(atLocalTime('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe(DateTime.fromISO('2026-03-29T01:30', { zone: 'Europe/London' }).toUTC().toISO());
  });
});

describe('business hours over long spans', () => {
  // The day-by-day definition, kept here as the reference the week-at-a-time count must match.
  const reference = (c: WorkCalendar, from: Date, to: Date): number => {
    if (to <= from) return 0;
    let ms = 0;
    for (let d = DateTime.fromJSDate(from, { zone: c.timeZone }).startOf('day'); d.toJSDate() <= to; d = d.plus({ days: 1 })) {
      if (!c.businessDays.includes(d.weekday)) continue;
      const [sh, sm] = c.businessStart.split(':').map(Number);
      const [eh, em] = c.businessEnd.split(':').map(Number);
      const start = Math.max(d.set({ hour: sh, minute: sm }).toMillis(), from.getTime());
      const end = Math.min(d.set({ hour: eh, minute: em }).toMillis(), to.getTime());
      if (end > start) ms += end - start;
    }
    return ms / 3_600_000;
  };

  it.each([
    { zone: 'America/New_York', start: '00:00', end: '23:59', days: [1, 2, 3, 4, 5, 6, 7] },
    { zone: 'Europe/London', start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] },
    { zone: 'Australia/Sydney', start: '01:00', end: '04:00', days: [7, 1, 2, 3, 4] },
    { zone: 'America/Santiago', start: '00:00', end: '12:00', days: [1, 3, 6] },
    { zone: 'Asia/Kolkata', start: '09:30', end: '18:00', days: [1, 2, 3, 4, 5] },
  ])('counts the same as a day-by-day walk across two years in $zone ($start-$end)', ({ zone, start, end, days }) => {
    const c: WorkCalendar = { timeZone: zone, businessDays: days, businessStart: start, businessEnd: end };
    const from = new Date('2025-01-03T13:17:00Z');
    for (const span of [3, 20, 21, 22, 60, 200, 731]) {
      const to = new Date(from.getTime() + span * 86_400_000 + 5 * 3_600_000);
      expect(businessHoursBetween(c, from, to)).toBeCloseTo(reference(c, from, to), 6);
    }
  });
});
