import fc from 'fast-check';
import { FOLLOW_UP_KINDS, LIKE_CATEGORIES, MOODS, TIERS } from '../../../src/core/model/index.js';
import type { CareSnapshot } from '../../../src/core/ports/care-snapshot.js';
import { client, followUp, gift, importantDate, interaction, like, snapshot, workspace } from '../support/snapshot.js';

export const ZONES = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata'] as const;

/** Instants across 2026, where every zone has its clock changes. */
export const instant = fc.integer({ min: Date.UTC(2025, 10, 1), max: Date.UTC(2026, 11, 31) }).map((ms) => new Date(ms));

const clientArb = (id: string) =>
  fc.record({
    tier: fc.constantFrom(...TIERS),
    status: fc.constantFrom('active' as const, 'active' as const, 'paused' as const, 'former' as const),
    last: fc.option(instant, { nil: null }),
    gesture: fc.option(instant, { nil: null }),
    advice: fc.option(instant, { nil: null }),
    owner: fc.option(fc.constantFrom('m-sam', 'm-kim'), { nil: null }),
  }).map((c) =>
    client(id, { name: `Client ${id}`, tier: c.tier, status: c.status, lastInteractionAt: c.last, lastGestureAt: c.gesture, lastAdviceAt: c.advice, ownerId: c.owner }),
  );

/** A random but well-formed care snapshot of up to six clients, in one of the test zones. */
export const snapshotArb: fc.Arbitrary<CareSnapshot> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    clients: fc.tuple(...['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map(clientArb)),
    count: fc.integer({ min: 1, max: 6 }),
    followUps: fc.array(fc.record({ c: fc.integer({ min: 1, max: 6 }), kind: fc.constantFrom(...FOLLOW_UP_KINDS), openedAt: instant, snooze: fc.option(instant, { nil: null }) }), { maxLength: 8 }),
    dates: fc.array(fc.record({ c: fc.integer({ min: 1, max: 6 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), leap: fc.boolean(), year: fc.option(fc.integer({ min: 1950, max: 2020 }), { nil: null }) }), { maxLength: 6 }),
    likes: fc.array(fc.record({ c: fc.integer({ min: 1, max: 6 }), category: fc.constantFrom(...LIKE_CATEGORIES), value: fc.constantFrom('pinot noir', 'Arsenal', 'espresso', 'jazz', 'sailing') }), { maxLength: 8 }),
    moods: fc.array(fc.record({ c: fc.integer({ min: 1, max: 6 }), mood: fc.constantFrom(...MOODS), at: instant }), { maxLength: 10 }),
    gifts: fc.array(fc.record({ c: fc.integer({ min: 1, max: 6 }), description: fc.constantFrom('bottle of pinot', 'Arsenal scarf', 'coffee beans'), at: instant }), { maxLength: 4 }),
    since: fc.array(fc.record({ c: fc.integer({ min: 1, max: 6 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }), year: fc.integer({ min: 2000, max: 2027 }) }), { maxLength: 3 }),
  })
  .map((r) => {
    const clients = r.clients.slice(0, r.count);
    const id = (n: number) => clients[(n - 1) % clients.length]!.id;
    return snapshot({
      workspace: workspace({ timeZone: r.zone }),
      clients,
      openFollowUps: r.followUps.map((f, n) => followUp(`f${n}`, { clientId: id(f.c), kind: f.kind, openedAt: f.openedAt, snoozedUntil: f.snooze, summary: `item ${n}` })),
      upcomingDates: r.dates.map((d, n) =>
        importantDate(`d${n}`, { clientId: id(d.c), month: d.leap ? 2 : d.month, day: d.leap ? 29 : d.day, year: d.year, kind: n % 2 ? 'birthday' : 'wedding-anniversary' }),
      ),
      likes: r.likes.map((l, n) => like(id(l.c), l.category, l.value, `l${n}`)),
      moodInteractions: r.moods.map((m, n) => interaction(`m${n}`, { clientId: id(m.c), mood: m.mood, occurredAt: m.at })),
      recentGifts: r.gifts.map((g) => gift(id(g.c), g.description, g.at)),
      clientSince: r.since.map((d, n) => importantDate(`s${n}`, { clientId: id(d.c), month: d.month, day: d.day, year: d.year, kind: 'client-since' })),
    });
  });
