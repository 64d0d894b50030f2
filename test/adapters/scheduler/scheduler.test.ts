import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { forEachDatabase } from '../../support/databases.js';
import { addDays } from '../../../src/core/time/index.js';
import { countPosts, expectedSlots, rig, type Rig } from './rig.js';
import { ticks, type SeedWorkspace } from './harness.js';

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];

forEachDatabase((database) => {
  describe('a month simulated day by day', () => {
    // Oct 1 - Nov 5 2026 spans Sydney's spring-forward (Oct 4), London's (Oct 25) and New York's
    // (Nov 1) fall-back; Kolkata and Kathmandu have half- and quarter-hour offsets.
    const seeds: SeedWorkspace[] = [
      { externalId: 'NY', timeZone: 'America/New_York', channel: 'C-ny' },
      { externalId: 'LDN', timeZone: 'Europe/London', channel: 'C-ldn', businessDays: ALL_DAYS },
      { externalId: 'SYD', timeZone: 'Australia/Sydney', channel: 'C-syd', businessDays: ALL_DAYS },
      { externalId: 'KOL', timeZone: 'Asia/Kolkata', channel: 'C-kol' },
      { externalId: 'KTM', timeZone: 'Asia/Kathmandu', channel: 'C-ktm' },
    ];
    let r: Rig;
    beforeAll(async () => {
      r = await rig(database, seeds, Date.parse('2026-09-30T00:00:00Z'));
    });
    afterAll(() => r.opened.close());

    it('posts every digest exactly once, on time, through both DST changes', async () => {
      // Ticks every 15 minutes: every slot in these zones falls on a quarter hour.
      await r.run(ticks('2026-10-01', '2026-11-05', 15));
      const counts = countPosts(r.publisher);
      const inRange = [...counts.keys()].filter((k) => k.split(' ')[2]! >= '2026-10-02' && k.split(' ')[2]! <= '2026-11-04').sort();
      expect(inRange).toEqual(expectedSlots(seeds, '2026-10-02', '2026-11-04'));
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      expect(r.publisher.posts().filter((p) => p.localDate >= '2026-10-02' && p.notices.length > 0).map((p) => `${p.channel} ${p.kind} ${p.localDate} ${p.notices.join()}`)).toEqual([]);
      expect(r.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    }, 240_000);

    it('picks up a schedule change on the next tick, without a restart', async () => {
      const ny = r.opened.store.workspace(r.ids[0]!);
      const ws = await ny.getWorkspace();
      await ny.updateWorkspace({ policy: { ...ws.policy, digestAt: '07:00' } });
      const day = DateTime.fromISO('2026-11-09T06:45', { zone: 'America/New_York' });
      await r.run([0, 15, 30].map((m) => day.plus({ minutes: m }).toMillis()));
      expect(r.publisher.posts().filter((p) => p.channel === 'C-ny' && p.localDate === '2026-11-09').map((p) => p.at)).toEqual([day.plus({ minutes: 15 }).toMillis()]);
    });
  });
});

forEachDatabase((database) => {
  describe('DST in spring: exactly one run per local day', () => {
    // Mar 1 - Apr 10 2026: New York springs forward (Mar 8), London too (Mar 29), Sydney falls back (Apr 5).
    const seeds: SeedWorkspace[] = ['America/New_York', 'Europe/London', 'Australia/Sydney'].map((zone) => ({
      externalId: zone,
      timeZone: zone,
      channel: `C-${zone}`,
      businessDays: ALL_DAYS,
    }));
    let r: Rig;
    beforeAll(async () => {
      r = await rig(database, seeds, Date.parse('2026-03-05T00:00:00Z'));
    });
    afterAll(() => r.opened.close());

    // A few days around each change, in date order (the clock only moves forward).
    const windows = [
      ['2026-03-06', '2026-03-10'],
      ['2026-03-27', '2026-03-31'],
      ['2026-04-03', '2026-04-07'],
    ] as const;
    it('neither skips nor repeats a day', async () => {
      for (const [from, to] of windows) await r.run(ticks(from, to, 15));
      const counts = countPosts(r.publisher);
      for (const [from, to] of windows) {
        const first = addDays(from, 1);
        const last = addDays(to, -1);
        const inRange = [...counts.keys()].filter((k) => k.split(' ')[2]! >= first && k.split(' ')[2]! <= last).sort();
        expect(inRange).toEqual(expectedSlots(seeds, first, last));
      }
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    }, 240_000);
  });
});
