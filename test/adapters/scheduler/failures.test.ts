import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { forEachDatabase } from '../../support/databases.js';
import type { PublishScript } from '../../support/fake-publisher.js';
import type { MemberNotifier } from '../../../src/core/ports/index.js';
import { countPosts, expectedSlots, rig, type Rig } from './rig.js';
import { ticks } from './harness.js';

const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' }).toMillis();
/** Ticks every 15 minutes over [from, to), UTC. */
const span = (from: string, to: string) => ticks(from.slice(0, 10), to.slice(0, 10), 15).filter((t) => t >= utc(from) && t < utc(to));

forEachDatabase((database) => {
  describe('downtime across the slot', () => {
    let r: Rig;
    beforeAll(async () => {
      r = await rig(database, [{ externalId: 'T', timeZone: 'UTC', channel: 'C' }], utc('2026-03-09T00:00'));
      // Monday runs normally, so the workspace has a delivery history.
      await r.run(span('2026-03-09T00:00', '2026-03-10T00:00'));
    });
    afterAll(() => r.opened.close());

    it('posts once, marked late, when Rapport comes back inside the grace window', async () => {
      // Down from 08:00 to 10:30 on Tuesday: the 08:45 digest goes out at 10:30.
      await r.run(span('2026-03-10T00:00', '2026-03-10T08:00'));
      await r.run(span('2026-03-10T10:30', '2026-03-11T00:00'));
      const tuesday = r.publisher.posts().filter((p) => p.localDate === '2026-03-10');
      expect(tuesday.map((p) => [p.kind, new Date(p.at).toISOString(), p.notices])).toEqual([
        ['morning', '2026-03-10T10:30:00.000Z', ['Posted late: this morning digest was due at 08:45.']],
        ['sweep', '2026-03-10T16:30:00.000Z', []],
      ]);
      const row = await r.opened.store.db.delivery.findFirst({ where: { localDate: '2026-03-10', kind: 'morning' } });
      expect(row).toMatchObject({ state: 'posted', late: true });
    });

    it('logs a skip past the grace window and tells the channel in the next digest', async () => {
      // Down from 08:00 to 12:00 on Wednesday: 08:45 + 3 h has passed.
      await r.run(span('2026-03-11T00:00', '2026-03-11T08:00'));
      await r.run(span('2026-03-11T12:00', '2026-03-12T00:00'));
      const wednesday = r.publisher.posts().filter((p) => p.localDate === '2026-03-11');
      expect(wednesday.map((p) => [p.kind, p.notices])).toEqual([['sweep', ['Missed while Rapport was unavailable: the morning digest of Wed 11 Mar.']]]);
      expect(r.logger.lines.filter((l) => l.message.startsWith('digest skipped')).map((l) => l.fields)).toEqual([
        expect.objectContaining({ kind: 'morning', localDate: '2026-03-11', status: 'missed' }),
      ]);
      const row = await r.opened.store.db.delivery.findFirst({ where: { localDate: '2026-03-11', kind: 'morning' } });
      expect(row).toMatchObject({ state: 'skipped', note: 'missed' });
      // Mentioned once: Thursday's digests carry no notice.
      await r.run(span('2026-03-12T00:00', '2026-03-13T00:00'));
      expect(r.publisher.posts().filter((p) => p.localDate === '2026-03-12').map((p) => p.notices)).toEqual([[], []]);
    });
  });
});

forEachDatabase((database) => {
  describe('a 429 storm', () => {
    const channels = ['C1', 'C2', 'C3'];
    // Each channel answers 429 (retry after 1.5 s) to its first 15 calls, more than one tick's retries.
    const calls = new Map<string, number>();
    const storm: PublishScript = ({ channel }) => {
      const n = (calls.get(channel) ?? 0) + 1;
      calls.set(channel, n);
      return n <= 15 ? { status: 'retryable', reason: 'ratelimited', retryAfterMs: 1_500 } : undefined;
    };
    let r: Rig;
    beforeAll(async () => {
      r = await rig(database, channels.map((c) => ({ externalId: `T-${c}`, timeZone: 'UTC', channel: c })), utc('2026-03-10T00:00'), storm);
    });
    afterAll(() => r.opened.close());

    it('loses nothing and keeps one call a second per channel', async () => {
      await r.run(span('2026-03-10T00:00', '2026-03-12T00:00'));
      const counts = countPosts(r.publisher);
      expect([...counts.keys()].sort()).toEqual(expectedSlots(channels.map((c) => ({ externalId: c, timeZone: 'UTC', channel: c })), '2026-03-10', '2026-03-11'));
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
      for (const channel of channels) {
        const at = r.publisher.calls.filter((c) => c.channel === channel).map((c) => c.at);
        const gaps = at.slice(1).map((t, i) => t - at[i]!);
        expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1_000);
        // Retry-After is honoured: no retry of a 429 comes sooner than 1.5 s.
        const retries = r.publisher.calls.filter((c) => c.channel === channel);
        for (let i = 1; i < retries.length; i++) {
          if (retries[i - 1]!.status === 'retryable' && retries[i]!.deliveryKey === retries[i - 1]!.deliveryKey) {
            expect(retries[i]!.at - retries[i - 1]!.at).toBeGreaterThanOrEqual(1_500);
          }
        }
      }
      // The first morning needed more than one tick: it was deferred, then posted late.
      expect(r.logger.lines.some((l) => l.message.startsWith('digest deferred'))).toBe(true);
    }, 120_000);
  });
});

forEachDatabase((database) => {
  describe('retries never hold up other workspaces', () => {
    let r: Rig;
    // The slow workspace's backoff does not end until the healthy one has posted (or 3 s of real
    // time pass): a scheduler that served workspaces one after the other would time out here.
    let healthyPosted: () => void = () => undefined;
    const posted = new Promise<'healthy-posted'>((resolve) => {
      healthyPosted = () => resolve('healthy-posted');
    });
    const sleeps: (string | number)[] = [];
    beforeAll(async () => {
      const slow: PublishScript = ({ channel }) => {
        if (channel === 'C-ok') return undefined;
        return sleeps.length < 1 ? { status: 'retryable', reason: 'ratelimited', retryAfterMs: 30_000 } : undefined;
      };
      const sleep = async (ms: number) => {
        sleeps.push(ms);
        sleeps.push(await Promise.race([posted, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 3_000))]));
      };
      r = await rig(database, [{ externalId: 'slow', timeZone: 'UTC', channel: 'C-slow' }, { externalId: 'ok', timeZone: 'UTC', channel: 'C-ok' }], utc('2026-03-10T08:45'), slow, { sleep });
      const publish = r.publisher.publish.bind(r.publisher);
      r.publisher.publish = async (input) => {
        const result = await publish(input);
        if (input.channel === 'C-ok' && result.status === 'posted') healthyPosted();
        return result;
      };
    });
    afterAll(() => r.opened.close());

    it('posts the healthy workspace while the other waits out its backoff', async () => {
      await r.run([utc('2026-03-10T08:45')]);
      expect(sleeps.slice(0, 2)).toEqual([30_000, 'healthy-posted']);
      expect(r.publisher.posts().map((p) => p.channel).sort()).toEqual(['C-ok', 'C-slow']);
    });
  });
});

forEachDatabase((database) => {
  describe('a channel that is gone', () => {
    let r: Rig;
    const told: string[] = [];
    beforeAll(async () => {
      const gone: PublishScript = ({ channel }) => (channel === 'C-gone' ? { status: 'gone', reason: 'channel_not_found' } : undefined);
      const notifier: MemberNotifier = {
        async notifyMembers({ workspaceExternalId, platformUserIds, text }) {
          told.push(`${workspaceExternalId} ${platformUserIds.join(',')}: ${text.includes('channel_not_found') ? 'told why' : text}`);
          return platformUserIds.length;
        },
      };
      r = await rig(database, [{ externalId: 'gone', timeZone: 'UTC', channel: 'C-gone' }, { externalId: 'ok', timeZone: 'UTC', channel: 'C-ok' }], utc('2026-03-10T00:00'), gone, { notifier });
      const ws = r.opened.store.workspace(r.ids[0]!);
      const owner = await ws.ensureMember('U-OWNER', 'owner');
      await ws.createClient({ name: 'Acme', normalizedName: 'acme', aliases: [], ownerId: owner.id, tier: 'standard', status: 'active', platformUserId: null, createdAt: new Date(utc('2026-03-01T00:00')) });
    });
    afterAll(() => r.opened.close());

    it('blocks that workspace once, stops calling for it, and keeps delivering the others', async () => {
      await r.run(span('2026-03-10T00:00', '2026-03-13T00:00'));
      expect(r.publisher.calls.filter((c) => c.channel === 'C-gone')).toHaveLength(1);
      expect(r.publisher.posts().filter((c) => c.channel === 'C-ok')).toHaveLength(6);
      const ws = await r.opened.store.db.workspace.findUnique({ where: { id: r.ids[0]! } });
      expect(ws).toMatchObject({ deliveryBlockedReason: 'channel_not_found', deliveryBlockedAt: new Date(utc('2026-03-10T08:45')) });
      expect(r.logger.lines.filter((l) => l.message.startsWith('digest delivery blocked'))).toHaveLength(1);
      expect(told).toEqual(['gone U-OWNER: told why']);
    });
  });
});
