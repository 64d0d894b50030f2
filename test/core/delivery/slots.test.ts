import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { DEFAULT_POLICY } from '../../../src/core/model/index.js';
import { missedNotices, slotsAt, type SlotCalendar } from '../../../src/core/delivery/index.js';
import { addDays } from '../../../src/core/time/index.js';

const ws = (timeZone: string, over: Partial<SlotCalendar['policy']> = {}, businessDays = [1, 2, 3, 4, 5]): SlotCalendar => ({
  timeZone,
  businessDays,
  businessStart: '09:00',
  businessEnd: '17:30',
  policy: { ...DEFAULT_POLICY, ...over },
});
const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const brief = (zone: string, iso: string, servedSince: string | null = '2000-01-01', graceMinutes = 180, cal = ws(zone)) =>
  slotsAt({ workspace: cal, now: at(iso, zone), graceMinutes, servedSince }).map((s) => `${s.kind} ${s.localDate} ${s.status}`);

describe('slotsAt: which digests are owed at a given now', () => {
  // 2026-03-10 is a Tuesday; 2026-03-09 a Monday; 2026-03-14/15 a weekend.
  const rows: { name: string; iso: string; want: string[] }[] = [
    { name: 'before the morning slot, yesterday is long gone', iso: '2026-03-10T08:44', want: ['morning 2026-03-09 missed', 'sweep 2026-03-09 missed'] },
    { name: 'at the slot: on time', iso: '2026-03-10T08:45', want: ['morning 2026-03-09 missed', 'sweep 2026-03-09 missed', 'morning 2026-03-10 on-time'] },
    { name: 'ten minutes on: late', iso: '2026-03-10T08:55', want: ['morning 2026-03-09 missed', 'sweep 2026-03-09 missed', 'morning 2026-03-10 late'] },
    { name: 'at the edge of grace: still late', iso: '2026-03-10T11:45', want: ['morning 2026-03-09 missed', 'sweep 2026-03-09 missed', 'morning 2026-03-10 late'] },
    { name: 'past grace: missed', iso: '2026-03-10T11:46', want: ['morning 2026-03-09 missed', 'sweep 2026-03-09 missed', 'morning 2026-03-10 missed'] },
    { name: 'sweep time', iso: '2026-03-10T16:30', want: ['morning 2026-03-09 missed', 'sweep 2026-03-09 missed', 'morning 2026-03-10 missed', 'sweep 2026-03-10 on-time'] },
    { name: 'Saturday: only Friday is looked at', iso: '2026-03-14T09:00', want: ['morning 2026-03-13 missed', 'sweep 2026-03-13 missed'] },
    { name: 'Monday morning reaches back to Friday', iso: '2026-03-16T08:45', want: ['morning 2026-03-13 missed', 'sweep 2026-03-13 missed', 'morning 2026-03-16 on-time'] },
  ];
  for (const row of rows) {
    it(row.name, () => expect(brief('Europe/Paris', row.iso)).toEqual(row.want));
  }

  it('reports nothing as missed for a workspace with no delivery history', () => {
    expect(brief('Europe/Paris', '2026-03-10T12:00', null)).toEqual([]);
    expect(brief('Europe/Paris', '2026-03-10T12:00', '2026-03-10')).toEqual(['morning 2026-03-10 missed']);
  });

  it('follows the policy times and business days', () => {
    const cal = ws('Asia/Tokyo', { digestAt: '07:00', sweepAt: '18:00' }, [7]);
    expect(brief('Asia/Tokyo', '2026-03-15T07:00', null, 180, cal)).toEqual(['morning 2026-03-15 on-time']);
    expect(brief('Asia/Tokyo', '2026-03-16T07:00', null, 180, cal)).toEqual([]);
  });

  it('a grace window that crosses midnight keeps yesterday late, not missed', () => {
    const cal = ws('UTC', { sweepAt: '23:30' });
    expect(brief('UTC', '2026-03-11T01:00', null, 180, cal)).toEqual(['sweep 2026-03-10 late']);
  });
});

describe('slotsAt across DST: one run per local day', () => {
  // Each transition day, with a slot time inside the gap/overlap to exercise the worst case.
  const cases = [
    { zone: 'America/New_York', from: '2026-03-05', slot: '02:30' },
    { zone: 'America/New_York', from: '2026-10-29', slot: '01:30' },
    { zone: 'Europe/London', from: '2026-03-26', slot: '01:30' },
    { zone: 'Europe/London', from: '2026-10-22', slot: '01:30' },
    { zone: 'Australia/Sydney', from: '2026-04-02', slot: '02:30' },
    { zone: 'Australia/Sydney', from: '2026-10-01', slot: '02:30' },
  ];
  for (const c of cases) {
    for (const digestAt of ['08:45', c.slot]) {
      it(`${c.zone} from ${c.from} with the digest at ${digestAt}`, () => {
        const cal = ws(c.zone, { digestAt, sweepAt: '16:30' }, [1, 2, 3, 4, 5, 6, 7]);
        const seen = new Map<string, number>();
        // Ticks every five minutes (inside the on-time window) over a week, remembering the first tick that found each slot on time.
        const start = DateTime.fromISO(c.from, { zone: c.zone }).toJSDate().getTime();
        for (let t = start; t < start + 7 * 86_400_000; t += 5 * 60_000) {
          for (const s of slotsAt({ workspace: cal, now: new Date(t), graceMinutes: 180, servedSince: null })) {
            if (s.status !== 'on-time' || s.kind !== 'morning') continue;
            const key = s.localDate;
            if (!seen.has(key)) seen.set(key, t);
          }
        }
        const days = [...seen.keys()].sort();
        expect(days).toEqual(Array.from({ length: 7 }, (_, i) => addDays(c.from, i)));
      });
    }
  }
});

describe('missedNotices', () => {
  it('names each missed digest, oldest first', () => {
    expect(missedNotices([{ kind: 'sweep', localDate: '2026-03-10' }, { kind: 'morning', localDate: '2026-03-10' }])).toEqual([
      'Missed while Rapport was unavailable: the morning digest of Tue 10 Mar, the end-of-day sweep of Tue 10 Mar.',
    ]);
    expect(missedNotices([])).toEqual([]);
  });
});
