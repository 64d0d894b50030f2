// The WorkspaceLifecycle port on Prisma: install and uninstall marks on the Workspace row, erasure
// through the schema's cascades, and the delivery block the scheduler sets once and an owner lifts.
import type { Tenant, WorkspaceLifecycle } from '../../core/ports/workspace-lifecycle.js';
import type { Db } from './database.js';
import { teamInstallations } from './installations.js';
import { toWorkspace } from './rows.js';

const NOT_BLOCKED = { deliveryBlockedReason: null, deliveryBlockedAt: null } as const;

export function createWorkspaceLifecycle(db: Db): WorkspaceLifecycle {
  const tenant = (t: Tenant) => ({ platform: t.platform, externalId: t.externalId });
  return {
    async installed(input) {
      const row = await db.workspace.upsert({
        where: { platform_externalId: tenant(input) },
        create: {
          ...tenant(input),
          name: input.name,
          ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }),
          ...(input.digestChannel === undefined ? {} : { digestChannel: input.digestChannel }),
        },
        // A reinstall keeps the workspace's settings and data, and gives delivery a new try.
        update: { uninstalledAt: null, ...NOT_BLOCKED },
      });
      return toWorkspace(row);
    },

    async returned(t) {
      await db.workspace.updateMany({ where: { ...tenant(t), uninstalledAt: { not: null } }, data: { uninstalledAt: null } });
    },

    async uninstalled(t, at) {
      await db.workspace.updateMany({ where: { ...tenant(t), uninstalledAt: null }, data: { uninstalledAt: at } });
    },

    async eraseUninstalledBefore(cutoff) {
      const due = await db.workspace.findMany({
        where: { uninstalledAt: { not: null, lte: cutoff } },
        select: { id: true, platform: true, externalId: true },
        orderBy: { uninstalledAt: 'asc' },
      });
      for (const ws of due) await db.workspace.deleteMany({ where: { id: ws.id } });
      return due.map((ws) => ({ platform: ws.platform, externalId: ws.externalId }));
    },

    async erase(t) {
      await db.installation.deleteMany({ where: teamInstallations(t.platform, { teamId: t.externalId }) });
      const gone = await db.workspace.deleteMany({ where: tenant(t) });
      return gone.count > 0;
    },

    async blockDelivery(workspaceId, reason, at) {
      // Only the first block sets the reason: the owner is told once, not on every tick.
      const set = await db.workspace.updateMany({
        where: { id: workspaceId, deliveryBlockedReason: null },
        data: { deliveryBlockedReason: reason.slice(0, 500), deliveryBlockedAt: at },
      });
      return set.count === 1;
    },

    async liftDeliveryBlock(workspaceId) {
      await db.workspace.updateMany({ where: { id: workspaceId }, data: NOT_BLOCKED });
    },

    async undeliverable() {
      const rows = await db.workspace.findMany({
        where: { OR: [{ deliveryBlockedReason: { not: null } }, { uninstalledAt: { not: null } }] },
        select: { id: true, deliveryBlockedReason: true },
      });
      return new Map(rows.map((r) => [r.id, r.deliveryBlockedReason ?? 'uninstalled']));
    },
  };
}
