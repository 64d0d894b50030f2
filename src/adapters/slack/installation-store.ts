import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Clock, Store } from '../../core/ports/index.js';
import type { Db } from '../store/database.js';

/** The adapter-owned tables (installations, processed events) and the workspace's uninstall mark. */
export type SlackDb = Pick<Db, 'slackInstallation' | 'processedEvent' | 'workspace'>;

/** The team has no installation: a refusal, unlike a database that cannot be read. */
export class NotInstalledError extends Error {
  override readonly name = 'NotInstalledError';
}

/** Row id of an installation: an org-wide install is keyed by the enterprise, any other by the team. */
export function installationKey(q: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): string {
  if (q.isEnterpriseInstall && q.enterpriseId) return `enterprise:${q.enterpriseId}`;
  if (q.teamId) return `team:${q.teamId}`;
  if (q.enterpriseId) return `enterprise:${q.enterpriseId}`;
  throw new Error('installation query names neither a team nor an enterprise');
}

export interface InstallationStoreDeps {
  readonly db: SlackDb;
  readonly store: Store;
  readonly clock: Clock;
  /** The IANA zone a workspace starts with (RAPPORT_TIME_ZONE). */
  readonly defaultTimeZone?: string;
}

/**
 * Bolt's InstallationStore on Rapport's database. Storing an installation also creates (or revives)
 * the workspace, and takes the channel picked at install time (incoming-webhook) as the digest channel.
 */
export function createInstallationStore({ db, store, defaultTimeZone }: InstallationStoreDeps): InstallationStore {
  return {
    async storeInstallation(installation: Installation): Promise<void> {
      const id = installationKey({
        teamId: installation.team?.id,
        enterpriseId: installation.enterprise?.id,
        isEnterpriseInstall: installation.isEnterpriseInstall,
      });
      const json = JSON.stringify(installation);
      await db.slackInstallation.upsert({
        where: { id },
        create: { id, teamId: installation.team?.id ?? null, enterpriseId: installation.enterprise?.id ?? null, installation: json },
        update: { installation: json, teamId: installation.team?.id ?? null, enterpriseId: installation.enterprise?.id ?? null },
      });
      const team = installation.team;
      if (!team) return;
      const workspace = await store.ensureWorkspace({ platform: 'slack', externalId: team.id, name: team.name ?? team.id, ...(defaultTimeZone ? { timeZone: defaultTimeZone } : {}) });
      await db.workspace.updateMany({ where: { id: workspace.id }, data: { uninstalledAt: null, deliveryBlockedReason: null, deliveryBlockedAt: null } });
      const picked = installation.incomingWebhook?.channelId;
      if (picked && !workspace.digestChannel) await store.workspace(workspace.id).updateWorkspace({ digestChannel: picked });
    },

    async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
      const row = await db.slackInstallation.findUnique({ where: { id: installationKey(query) } });
      if (!row) throw new NotInstalledError(`no Slack installation for ${installationKey(query)}`);
      return JSON.parse(row.installation) as Installation;
    },

    async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
      await db.slackInstallation.deleteMany({ where: { id: installationKey(query) } });
    },
  };
}

/**
 * Forgets the team's installation (every token with it) and marks the workspace uninstalled, so its
 * data is erased after the grace period. Idempotent: repeated and reordered events end the same way.
 */
export async function removeInstallation(
  deps: InstallationStoreDeps,
  team: { readonly teamId?: string | undefined; readonly enterpriseId?: string | undefined },
): Promise<void> {
  const ids = [team.teamId ? `team:${team.teamId}` : null, team.enterpriseId ? `enterprise:${team.enterpriseId}` : null].filter((x): x is string => x !== null);
  await deps.db.slackInstallation.deleteMany({ where: { OR: [{ id: { in: ids } }, ...(team.teamId ? [{ teamId: team.teamId }] : [])] } });
  if (team.teamId) {
    await deps.db.workspace.updateMany({
      where: { platform: 'slack', externalId: team.teamId, uninstalledAt: null },
      data: { uninstalledAt: deps.clock.now() },
    });
  }
}

/**
 * Erases every Slack workspace uninstalled at least `graceDays` ago (0 erases at once).
 * Returns the team ids erased. The scheduler calls this; a person can ask for it by running it.
 */
export async function eraseUninstalledWorkspaces(deps: InstallationStoreDeps, graceDays: number): Promise<string[]> {
  const cutoff = new Date(deps.clock.now().getTime() - graceDays * 86_400_000);
  const due = await deps.db.workspace.findMany({
    where: { platform: 'slack', uninstalledAt: { not: null, lte: cutoff } },
    select: { id: true, externalId: true },
  });
  for (const ws of due) await deps.store.deleteWorkspace(ws.id);
  return due.map((ws) => ws.externalId);
}

/** Erases one team's data and installation at once (a person asked for it). Returns whether it existed. */
export async function eraseWorkspaceNow(deps: InstallationStoreDeps, teamId: string): Promise<boolean> {
  await removeInstallation(deps, { teamId });
  const workspace = await deps.store.findWorkspace('slack', teamId);
  if (!workspace) return false;
  await deps.store.deleteWorkspace(workspace.id);
  return true;
}
