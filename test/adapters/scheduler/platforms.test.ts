// Each workspace is delivered through its own platform, and its owners are told through it too.
// The second platform is made up ("matrix"): the scheduler and the store must need nothing for it
// but its publisher and notifier.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forEachDatabase } from '../../support/databases.js';
import { createFakePublisher } from '../../support/fake-publisher.js';
import { openStore, type OpenedStore } from '../../../src/adapters/store/index.js';
import { createScheduler, type PlatformOutlet, type Scheduler } from '../../../src/adapters/scheduler/index.js';
import type { Platform } from '../../../src/core/model/index.js';
import type { MemberNotifier } from '../../../src/core/ports/index.js';
import { recordingLogger, seededRandom, simClock } from './harness.js';

const MONDAY_MORNING = Date.parse('2026-03-09T08:45:00Z');

function recordingNotifier(): MemberNotifier & { readonly told: string[] } {
  const told: string[] = [];
  return {
    told,
    async notifyMembers({ workspaceExternalId, platformUserIds }) {
      told.push(`${workspaceExternalId}: ${platformUserIds.join(',')}`);
      return platformUserIds.length;
    },
  };
}

forEachDatabase((database) => {
  describe('publishers chosen by workspace.platform', () => {
    let opened: OpenedStore;
    let scheduler: Scheduler;
    const clock = simClock(MONDAY_MORNING);
    const logger = recordingLogger();
    const slack = { publisher: createFakePublisher({ clock }), notifier: recordingNotifier() };
    const matrix = {
      publisher: createFakePublisher({ clock, script: ({ channel }) => (channel === 'C-matrix-gone' ? { status: 'gone', reason: 'room_not_found' } : undefined) }),
      notifier: recordingNotifier(),
    };

    beforeAll(async () => {
      opened = await openStore({ databaseUrl: database.url });
      const seed = async (platform: Platform, externalId: string, channel: string) => {
        const ws = await opened.store.ensureWorkspace({ platform, externalId, name: externalId, timeZone: 'UTC', digestChannel: channel });
        const store = opened.store.workspace(ws.id);
        const owner = await store.ensureMember(`owner-of-${externalId}`, 'owner');
        await store.createClient({ name: 'Acme', normalizedName: 'acme', aliases: [], ownerId: owner.id, tier: 'standard', status: 'active', platformUserId: null, createdAt: new Date('2026-03-01T00:00:00Z') });
      };
      await seed('slack', 'T1', 'C-slack');
      await seed('matrix', 'M1', 'C-matrix');
      await seed('matrix', 'M2', 'C-matrix-gone');
      await seed('pigeon', 'P1', 'C-pigeon');
      const platforms = new Map<Platform, PlatformOutlet>([
        ['slack', slack],
        ['matrix', matrix],
      ]);
      scheduler = createScheduler({
        store: opened.store,
        ledger: opened.store.deliveryLedger,
        lifecycle: opened.store.lifecycle,
        platforms,
        clock,
        logger,
        random: seededRandom(),
        sleep: clock.sleep,
        instanceId: 'test',
      });
    });
    afterAll(() => opened.close());

    it('posts each workspace through its own platform only', async () => {
      await scheduler.runTick(clock.now());
      expect(slack.publisher.calls.map((c) => `${c.workspaceExternalId} ${c.channel} ${c.status}`)).toEqual(['T1 C-slack posted']);
      expect(matrix.publisher.calls.map((c) => `${c.workspaceExternalId} ${c.channel} ${c.status}`).sort()).toEqual(['M1 C-matrix posted', 'M2 C-matrix-gone gone']);
    });

    it("tells a blocked workspace's owners through that workspace's platform", () => {
      expect(matrix.notifier.told).toEqual(['M2: owner-of-M2']);
      expect(slack.notifier.told).toEqual([]);
    });

    it('skips a workspace whose platform has no publisher here, and says so once', async () => {
      clock.set(MONDAY_MORNING + 60_000);
      const report = await scheduler.runTick(clock.now());
      expect(report.elected).toBe(true);
      const skipped = logger.lines.filter((l) => l.message.startsWith('workspace skipped: no publisher'));
      expect(skipped.map((l) => l.fields.platform)).toEqual(['pigeon']);
      expect(logger.lines.filter((l) => l.level === 'error')).toEqual([]);
      expect([...slack.publisher.calls, ...matrix.publisher.calls].some((c) => c.workspaceExternalId === 'P1')).toBe(false);
    });
  });
});
