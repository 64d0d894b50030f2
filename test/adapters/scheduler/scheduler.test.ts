import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { createTestDatabase, testProviders, type CreatedTestDatabase, type TestProvider } from '../../support/databases.js';
import { addDays, atLocalTime } from '../../../src/core/time/index.js';
import { countPosts, expectedSlots, rig, type Rig } from './rig.js';
import { ticks, type SeedWorkspace } from './harness.js';

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7];
const SLOT_TIME = { morning: '08:45', sweep: '16:30' } as const;

// Kolkata and Kathmandu have half- and quarter-hour offsets and no DST; the others change clocks.
const AUTUMN: SeedWorkspace[] = [
  { externalId: 'NY', timeZone: 'America/New_York', channel: 'C-ny' },
  { externalId: 'LDN', timeZone: 'Europe/London', channel: 'C-ldn', businessDays: ALL_DAYS },
  { externalId: 'SYD', timeZone: 'Australia/Sydney', channel: 'C-syd', businessDays: ALL_DAYS },
  { externalId: 'KOL', timeZone: 'Asia/Kolkata', channel: 'C-kol' },
  { externalId: 'KTM', timeZone: 'Asia/Kathmandu', channel: 'C-ktm' },
];
const SPRING: SeedWorkspace[] = ['America/New_York', 'Europe/London', 'Australia/Sydney'].map((zone) => ({ externalId: zone, timeZone: zone, channel: `C-${zone}`, businessDays: ALL_DAYS }));

/**
 * Ticks every 15 minutes (every slot in these zones falls on a quarter hour) through five UTC days
 * around one clock change, on a fresh database and scheduler, and checks the three middle days: every digest
 * exactly once, on the first tick at or after its local time, and none late or skipped. The first
 * day is left out (the scheduler starts mid-day there); the last lets western zones finish the day.
 */
function aroundClockChange(provider: TestProvider, seeds: readonly SeedWorkspace[], change: string, from: string, to: string): void {
  describe(`around ${change}`, () => {
    let database: CreatedTestDatabase;
    let r: Rig;
    beforeAll(async () => {
      database = await createTestDatabase(provider);
      r = await rig(database, seeds, Date.parse(`${addDays(from, -1)}T00:00:00Z`));
    });
    afterAll(async () => {
      await r.opened.close();
      await database.drop();
    });

    it('posts every digest exactly once and on time: no day skipped or repeated', async () => {
      await r.run(ticks(from, to, 15));
      const first = addDays(from, 1);
      const last = addDays(to, -1);
      const checked = r.publisher.posts().filter((p) => p.localDate >= first && p.localDate <= last);
      const counts = countPosts(r.publisher);
      expect([...counts.keys()].filter((k) => k.split(' ')[2]! >= first && k.split(' ')[2]! <= last).sort()).toEqual(expectedSlots(seeds, first, last));
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      const zoneOf = new Map(seeds.map((s) => [s.channel, s.timeZone]));
      const lateness = checked.map((p) => p.at - atLocalTime(p.localDate, SLOT_TIME[p.kind as keyof typeof SLOT_TIME], zoneOf.get(p.channel)!).getTime());
      expect(lateness.filter((ms) => ms < 0 || ms >= 15 * 60_000)).toEqual([]);
      expect(checked.filter((p) => p.notices.length > 0).map((p) => `${p.channel} ${p.kind} ${p.localDate} ${p.notices.join()}`)).toEqual([]);
      expect(r.logger.lines.filter((l) => l.level === 'error')).toEqual([]);
    });
  });
}

for (const provider of testProviders()) describe(provider, () => {
  describe('autumn 2026, day by day', () => {
    aroundClockChange(provider, AUTUMN, "Sydney's spring-forward (Oct 4)", '2026-10-02', '2026-10-06');
    aroundClockChange(provider, AUTUMN, "London's fall-back (Oct 25)", '2026-10-23', '2026-10-27');
    aroundClockChange(provider, AUTUMN, "New York's fall-back (Nov 1)", '2026-10-30', '2026-11-03');
  });

  describe('spring 2026, day by day', () => {
    aroundClockChange(provider, SPRING, "New York's spring-forward (Mar 8)", '2026-03-06', '2026-03-10');
    aroundClockChange(provider, SPRING, "London's spring-forward (Mar 29)", '2026-03-27', '2026-03-31');
    aroundClockChange(provider, SPRING, "Sydney's fall-back (Apr 5)", '2026-04-03', '2026-04-07');
  });

  describe('a schedule change', () => {
    let database: CreatedTestDatabase;
    let r: Rig;
    beforeAll(async () => {
      database = await createTestDatabase(provider);
      r = await rig(database, AUTUMN, Date.parse('2026-11-08T00:00:00Z'));
    });
    afterAll(async () => {
      await r.opened.close();
      await database.drop();
    });

    it('applies on the next tick, without a restart', async () => {
      const ny = r.opened.store.workspace(r.ids[0]!);
      const ws = await ny.getWorkspace();
      await ny.updateWorkspace({ policy: { ...ws.policy, digestAt: '07:00' } });
      const day = DateTime.fromISO('2026-11-09T06:45', { zone: 'America/New_York' });
      await r.run([0, 15, 30].map((m) => day.plus({ minutes: m }).toMillis()));
      expect(r.publisher.posts().filter((p) => p.channel === 'C-ny' && p.localDate === '2026-11-09').map((p) => p.at)).toEqual([day.plus({ minutes: 15 }).toMillis()]);
    });
  });
});
