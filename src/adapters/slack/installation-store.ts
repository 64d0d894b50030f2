import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Clock, Installations, InstallationScope, Store, WorkspaceLifecycle } from '../../core/ports/index.js';

/** The team has no installation: a refusal, unlike a database that cannot be read. */
export class NotInstalledError extends Error {
  override readonly name = 'NotInstalledError';
}

/** Bolt's way of naming a team or an enterprise, in the Installations port's terms. */
export function installationScope(q: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }): InstallationScope {
  return { platform: 'slack', teamId: q.teamId, enterpriseId: q.enterpriseId, orgWide: q.isEnterpriseInstall };
}

export interface InstallationStoreDeps {
  readonly installations: Installations;
  readonly lifecycle: WorkspaceLifecycle;
  readonly store: Store;
  readonly clock: Clock;
  /** The IANA zone a workspace starts with (RAPPORT_TIME_ZONE). */
  readonly defaultTimeZone?: string;
}

/**
 * Bolt's InstallationStore over the Installations port. Storing an installation also installs (or
 * revives) the workspace, and takes the channel picked at install time (incoming-webhook) as the
 * digest channel.
 */
export function createInstallationStore({ installations, lifecycle, store, defaultTimeZone }: InstallationStoreDeps): InstallationStore {
  return {
    async storeInstallation(installation: Installation): Promise<void> {
      await installations.save(
        installationScope({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id, isEnterpriseInstall: installation.isEnterpriseInstall }),
        installation,
      );
      const team = installation.team;
      if (!team) return;
      const workspace = await lifecycle.installed({ platform: 'slack', externalId: team.id, name: team.name ?? team.id, ...(defaultTimeZone ? { timeZone: defaultTimeZone } : {}) });
      const picked = installation.incomingWebhook?.channelId;
      if (picked && !workspace.digestChannel) await store.workspace(workspace.id).updateWorkspace({ digestChannel: picked });
    },

    async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
      const scope = installationScope(query);
      const found = await installations.find(scope);
      if (found === null) throw new NotInstalledError(`no Slack installation for team ${scope.teamId ?? '-'} / enterprise ${scope.enterpriseId ?? '-'}`);
      // Written by storeInstallation above from Bolt's own object.
      return found as Installation;
    },

    async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
      await installations.remove(installationScope(query));
    },
  };
}

/**
 * Forgets the team's installation (every token with it) and marks the workspace uninstalled, so its
 * data is erased after the grace period. Idempotent: repeated and reordered events end the same way.
 */
export async function removeInstallation(
  deps: Pick<InstallationStoreDeps, 'installations' | 'lifecycle' | 'clock'>,
  team: { readonly teamId?: string | undefined; readonly enterpriseId?: string | undefined },
): Promise<void> {
  await deps.installations.forget('slack', team);
  if (team.teamId) await deps.lifecycle.uninstalled({ platform: 'slack', externalId: team.teamId }, deps.clock.now());
}
