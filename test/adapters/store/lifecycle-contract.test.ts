// The platform-facing store ports (workspace lifecycle, installations, processed events), on every
// available database. Platform names here are made up on purpose: the ports know no platform.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type OpenedStore } from '../../../src/adapters/store/index.js';
import { openDatabase } from '../../../src/adapters/store/database.js';
import { applyMigrations, readMigrations } from '../../../src/adapters/store/migrations.js';
import { forEachDatabase } from '../../support/databases.js';
import { newClient, T0 } from './fixtures.js';

const DAY = 86_400_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);

forEachDatabase((database) => {
  let opened: OpenedStore;
  beforeAll(async () => {
    opened = await openStore({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await opened.close();
  });

  describe('workspace lifecycle', () => {
    it('installed creates a workspace, and a reinstall revives it with its settings and data', async () => {
      const { lifecycle } = opened.store;
      const first = await lifecycle.installed({ platform: 'matrix', externalId: 'R1', name: 'Room one', timeZone: 'Europe/Paris' });
      expect(first).toMatchObject({ platform: 'matrix', externalId: 'R1', timeZone: 'Europe/Paris' });
      await opened.store.workspace(first.id).createClient(newClient('Acme'));
      await lifecycle.uninstalled({ platform: 'matrix', externalId: 'R1' }, at(0));
      expect(await lifecycle.blockDelivery(first.id, 'token_revoked', at(0))).toBe(true);
      expect((await lifecycle.undeliverable()).get(first.id)).toBe('token_revoked');

      const again = await lifecycle.installed({ platform: 'matrix', externalId: 'R1', name: 'Renamed', timeZone: 'UTC' });
      expect(again).toEqual(first);
      expect((await lifecycle.undeliverable()).has(first.id)).toBe(false);
      expect(await opened.store.workspace(first.id).listClients()).toHaveLength(1);
      // Revived: the erasure sweep no longer sees it.
      expect(await lifecycle.eraseUninstalledBefore(at(100))).toEqual([]);
    });

    it('keeps the first uninstall time, erases only after the cutoff, on any platform', async () => {
      const { lifecycle } = opened.store;
      const a = await opened.store.ensureWorkspace({ platform: 'alpha', externalId: 'A', name: 'A' });
      const b = await opened.store.ensureWorkspace({ platform: 'beta', externalId: 'B', name: 'B' });
      const kept = await opened.store.ensureWorkspace({ platform: 'alpha', externalId: 'KEEP', name: 'Kept' });
      await opened.store.workspace(a.id).createClient(newClient('Gone'));
      await lifecycle.uninstalled({ platform: 'alpha', externalId: 'A' }, at(1));
      await lifecycle.uninstalled({ platform: 'alpha', externalId: 'A' }, at(5)); // a repeated event
      await lifecycle.uninstalled({ platform: 'beta', externalId: 'B' }, at(3));
      const undeliverable = await lifecycle.undeliverable();
      expect([undeliverable.get(a.id), undeliverable.get(b.id), undeliverable.get(kept.id)]).toEqual(['uninstalled', 'uninstalled', undefined]);

      expect(await lifecycle.eraseUninstalledBefore(at(0))).toEqual([]);
      expect(await lifecycle.eraseUninstalledBefore(at(2))).toEqual([{ platform: 'alpha', externalId: 'A' }]);
      expect(await opened.store.findWorkspace('alpha', 'A')).toBeNull();
      expect(await opened.store.db.client.count({ where: { workspaceId: a.id } })).toBe(0);
      expect(await lifecycle.eraseUninstalledBefore(at(3))).toEqual([{ platform: 'beta', externalId: 'B' }]);
      expect(await opened.store.findWorkspace('alpha', 'KEEP')).toEqual(kept);
    });

    it('returned lifts the uninstall mark but not a delivery block', async () => {
      const { lifecycle } = opened.store;
      const ws = await opened.store.ensureWorkspace({ platform: 'gamma', externalId: 'G', name: 'G' });
      await lifecycle.uninstalled({ platform: 'gamma', externalId: 'G' }, at(0));
      await lifecycle.blockDelivery(ws.id, 'channel_not_found', at(0));
      await lifecycle.returned({ platform: 'gamma', externalId: 'G' });
      expect(await lifecycle.eraseUninstalledBefore(at(100))).toEqual([]);
      expect((await lifecycle.undeliverable()).get(ws.id)).toBe('channel_not_found');
      await lifecycle.liftDeliveryBlock(ws.id);
      expect((await lifecycle.undeliverable()).has(ws.id)).toBe(false);
    });

    it('blocks delivery once: only the first of concurrent callers sets the reason', async () => {
      const ws = await opened.store.ensureWorkspace({ platform: 'delta', externalId: 'D', name: 'D' });
      const results = await Promise.all(Array.from({ length: 5 }, (_, i) => opened.store.lifecycle.blockDelivery(ws.id, `reason ${i}`, at(0))));
      expect(results.filter(Boolean)).toHaveLength(1);
      const row = await opened.store.db.workspace.findUniqueOrThrow({ where: { id: ws.id } });
      expect(row).toMatchObject({ deliveryBlockedAt: at(0) });
      expect((await opened.store.lifecycle.undeliverable()).get(ws.id)).toBe(row.deliveryBlockedReason);
    });

    it('erase removes one tenant now, its installations with it, and nothing of others', async () => {
      const { lifecycle, installations } = opened.store;
      await opened.store.ensureWorkspace({ platform: 'eps', externalId: 'E1', name: 'E1' });
      await installations.save({ platform: 'eps', teamId: 'E1' }, { token: 'secret-e1' });
      await installations.save({ platform: 'eps', teamId: 'E2' }, { token: 'secret-e2' });
      await installations.save({ platform: 'other', teamId: 'E1' }, { token: 'secret-other' });
      expect(await lifecycle.erase({ platform: 'eps', externalId: 'E1' })).toBe(true);
      expect(await opened.store.findWorkspace('eps', 'E1')).toBeNull();
      expect(await installations.find({ platform: 'eps', teamId: 'E1' })).toBeNull();
      expect(await installations.find({ platform: 'eps', teamId: 'E2' })).toEqual({ token: 'secret-e2' });
      expect(await installations.find({ platform: 'other', teamId: 'E1' })).toEqual({ token: 'secret-other' });
      expect(await lifecycle.erase({ platform: 'eps', externalId: 'E1' })).toBe(false);
    });
  });

  describe('installations', () => {
    it('are kept per platform and team, replaced by a newer one, and removed', async () => {
      const { installations } = opened.store;
      await installations.save({ platform: 'p1', teamId: 'T1' }, { bot: { token: 'a' } });
      await installations.save({ platform: 'p2', teamId: 'T1' }, { bot: { token: 'b' } });
      await installations.save({ platform: 'p1', teamId: 'T1' }, { bot: { token: 'a2' } });
      expect(await installations.find({ platform: 'p1', teamId: 'T1' })).toEqual({ bot: { token: 'a2' } });
      expect(await installations.find({ platform: 'p2', teamId: 'T1' })).toEqual({ bot: { token: 'b' } });
      await installations.remove({ platform: 'p1', teamId: 'T1' });
      expect(await installations.find({ platform: 'p1', teamId: 'T1' })).toBeNull();
      expect(await installations.find({ platform: 'p2', teamId: 'T1' })).not.toBeNull();
    });

    it('find an org-wide install by its enterprise, whichever team asks', async () => {
      const { installations } = opened.store;
      await installations.save({ platform: 'p3', teamId: 'T1', enterpriseId: 'E9', orgWide: true }, { org: true });
      expect(await installations.find({ platform: 'p3', teamId: 'T2', enterpriseId: 'E9', orgWide: true })).toEqual({ org: true });
      expect(await installations.find({ platform: 'p3', teamId: 'T2' })).toBeNull();
      await expect(installations.find({ platform: 'p3' })).rejects.toThrow(/neither a team nor an enterprise/);
    });

    it('forget drops a team and its enterprise, idempotently', async () => {
      const { installations } = opened.store;
      await installations.save({ platform: 'p4', teamId: 'T1' }, { t: 1 });
      await installations.save({ platform: 'p4', teamId: 'T1', enterpriseId: 'E1', orgWide: true }, { e: 1 });
      await installations.save({ platform: 'p4', teamId: 'T2' }, { t: 2 });
      await installations.forget('p4', { teamId: 'T1', enterpriseId: 'E1' });
      await installations.forget('p4', { teamId: 'T1', enterpriseId: 'E1' });
      expect(await installations.find({ platform: 'p4', teamId: 'T1' })).toBeNull();
      expect(await installations.find({ platform: 'p4', enterpriseId: 'E1', orgWide: true })).toBeNull();
      expect(await installations.find({ platform: 'p4', teamId: 'T2' })).toEqual({ t: 2 });
    });
  });

  describe('processed events', () => {
    it('are claimed once across concurrent deliveries, per platform', async () => {
      const { processedEvents } = opened.store;
      const claims = await Promise.all(Array.from({ length: 6 }, () => processedEvents.claim('p1', 'Ev1', at(0))));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await processedEvents.claim('p2', 'Ev1', at(0))).toBe(true);
    });

    it('can be given back after a failure, and are forgotten after the cutoff', async () => {
      const { processedEvents } = opened.store;
      expect(await processedEvents.claim('p1', 'Ev2', at(0))).toBe(true);
      await processedEvents.release('p1', 'Ev2');
      expect(await processedEvents.claim('p1', 'Ev2', at(0))).toBe(true);
      expect(await processedEvents.claim('p1', 'Ev3', at(2))).toBe(true);
      expect(await processedEvents.forgetBefore(at(1))).toBeGreaterThanOrEqual(1);
      expect(await processedEvents.claim('p1', 'Ev2', at(3))).toBe(true);
      expect(await processedEvents.claim('p1', 'Ev3', at(3))).toBe(false);
    });
  });
});

forEachDatabase((database) => {
  it('moving to platform installations keeps the Slack installations stored before it', async () => {
    const all = readMigrations(database.provider);
    await applyMigrations(database.url, { migrations: { ...all, migrationDirectories: all.migrationDirectories.filter((m) => m.path < '20261123173000') } });
    const old = await openDatabase(database.url);
    try {
      await old.db.$executeRawUnsafe(
        `INSERT INTO "SlackInstallation" ("id", "teamId", "enterpriseId", "installation", "updatedAt") VALUES ('team:T0OLD', 'T0OLD', NULL, '{"bot":{"token":"xoxb-old"}}', CURRENT_TIMESTAMP)`,
      );
    } finally {
      await old.db.$disconnect();
    }
    const opened = await openStore({ databaseUrl: database.url });
    try {
      const rows = await opened.store.db.installation.findMany({ select: { platform: true, key: true, teamId: true, enterpriseId: true } });
      expect(rows).toEqual([{ platform: 'slack', key: 'team:T0OLD', teamId: 'T0OLD', enterpriseId: null }]);
      expect(await opened.store.installations.find({ platform: 'slack', teamId: 'T0OLD' })).toEqual({ bot: { token: 'xoxb-old' } });
    } finally {
      await opened.close();
    }
  });
}, { empty: true });
