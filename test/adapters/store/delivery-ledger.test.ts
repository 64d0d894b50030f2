import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../support/databases.js';
import { openStore, type OpenedStore } from '../../../src/adapters/store/index.js';
import type { DeliveryLedger, SlotKey } from '../../../src/core/ports/index.js';
import { seedWorkspaces } from '../scheduler/harness.js';

const T0 = new Date('2026-03-10T08:45:00Z');
const LEASE = 15 * 60_000;
const notInFlight = () => false;

forEachDatabase((database) => {
  describe('delivery ledger', () => {
    let opened: OpenedStore;
    let ledger: DeliveryLedger;
    let workspaceId: string;
    let n = 0;
    const slot = (): SlotKey => ({ workspaceId, channel: 'C1', kind: 'morning', localDate: `2026-03-${String(++n).padStart(2, '0')}` });
    const claim = (s: SlotKey, instanceId: string, now = T0) => ledger.claim(s, { instanceId, now, late: false, leaseMs: LEASE, inFlight: notInFlight });

    beforeAll(async () => {
      opened = await openStore({ databaseUrl: database.url });
      ledger = opened.store.deliveryLedger;
      [workspaceId = ''] = await seedWorkspaces(opened.store, [{ externalId: 'T1', timeZone: 'UTC', channel: 'C1' }]);
    });
    afterAll(() => opened.close());

    it('gives a slot to the first claimer only, and a posted slot to nobody', async () => {
      const s = slot();
      const first = await claim(s, 'a');
      expect(first).toMatchObject({ outcome: 'claimed', resumed: false });
      expect(await claim(s, 'b')).toEqual({ outcome: 'busy', claimedBy: 'a' });
      if (first.outcome !== 'claimed') throw new Error('unreachable');
      await ledger.markPosted(first.id, { messageRef: 'm1', now: T0, instanceId: 'a' });
      expect(await claim(s, 'b', new Date(T0.getTime() + 2 * LEASE))).toEqual({ outcome: 'done', state: 'posted' });
    });

    it('lets exactly one of many concurrent claimers win', async () => {
      const s = slot();
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => claim(s, `p${i}`)));
      expect(results.filter((r) => r.outcome === 'claimed')).toHaveLength(1);
    });

    it('hands an expired claim to another process, flagged as resumed (outcome unknown)', async () => {
      const s = slot();
      await claim(s, 'dead');
      expect((await claim(s, 'b', new Date(T0.getTime() + LEASE - 1))).outcome).toBe('busy');
      expect(await claim(s, 'b', new Date(T0.getTime() + LEASE))).toMatchObject({ outcome: 'claimed', resumed: true, attempts: 2 });
    });

    it('lets a restarted process resume its own claims at once, but not ones it has in flight', async () => {
      const s = slot();
      const first = await claim(s, 'a');
      if (first.outcome !== 'claimed') throw new Error('unreachable');
      const busy = await ledger.claim(s, { instanceId: 'a', now: T0, late: false, leaseMs: LEASE, inFlight: (id) => id === first.id });
      expect(busy.outcome).toBe('busy');
      expect(await claim(s, 'a')).toMatchObject({ outcome: 'claimed', resumed: true });
    });

    it('keeps a renewed claim from being taken over, and refuses a renewal once the claim is not its own', async () => {
      const s = slot();
      const first = await claim(s, 'a');
      if (first.outcome !== 'claimed') throw new Error('unreachable');
      const later = new Date(T0.getTime() + LEASE - 1);
      expect(await ledger.renew(first.id, { instanceId: 'a', now: later })).toBe(true);
      // A lease past the first claim but not past the renewal: still a's.
      expect((await claim(s, 'b', new Date(T0.getTime() + LEASE))).outcome).toBe('busy');
      expect(await ledger.renew(first.id, { instanceId: 'b', now: later })).toBe(false);
      // Once b has taken it over (a stopped renewing), a's renewal fails and a must not post.
      expect((await claim(s, 'b', new Date(later.getTime() + LEASE))).outcome).toBe('claimed');
      expect(await ledger.renew(first.id, { instanceId: 'a', now: new Date(later.getTime() + LEASE) })).toBe(false);
    });

    it('releases a claim after retryable errors so any process takes it next', async () => {
      const s = slot();
      const first = await claim(s, 'a');
      if (first.outcome !== 'claimed') throw new Error('unreachable');
      await ledger.release(first.id, { instanceId: 'a', reason: '429' });
      expect(await claim(s, 'b')).toMatchObject({ outcome: 'claimed', resumed: false, attempts: 2 });
    });

    it('records skips once, reports missed ones until a digest mentions them', async () => {
      const missed = slot();
      expect(await ledger.recordSkipped(missed, { now: T0, leaseMs: LEASE })).toBe(true);
      expect(await ledger.recordSkipped(missed, { now: T0, leaseMs: LEASE })).toBe(false);
      const abandoned = slot();
      await claim(abandoned, 'dead');
      expect(await ledger.recordSkipped(abandoned, { now: T0, leaseMs: LEASE })).toBe(false);
      expect(await ledger.recordSkipped(abandoned, { now: new Date(T0.getTime() + LEASE), leaseMs: LEASE })).toBe(true);
      const unreported = await ledger.unreportedMisses(workspaceId, 'C1');
      // The abandoned claim may have been posted before its process died: not announced as missed.
      expect(unreported.map((m) => m.localDate)).toEqual([missed.localDate]);
      await ledger.markReported(unreported.map((m) => m.id), 'key');
      expect(await ledger.unreportedMisses(workspaceId, 'C1')).toEqual([]);
      expect(await ledger.servedSince(workspaceId)).toBe('2026-03-01');
    });
  });
});
