// The Installations port on Prisma: one row per (platform, team or enterprise), the platform's own
// record kept as JSON. Tokens live only here; uninstalling deletes the rows (secure_delete on SQLite).
import type { Platform } from '../../core/model/index.js';
import type { InstallationScope, Installations } from '../../core/ports/installations.js';
import type { Db } from './database.js';

/** Row key of an installation: an org-wide install is keyed by the enterprise, any other by the team. */
export function installationKey(scope: InstallationScope): string {
  if (scope.orgWide && scope.enterpriseId) return `enterprise:${scope.enterpriseId}`;
  if (scope.teamId) return `team:${scope.teamId}`;
  if (scope.enterpriseId) return `enterprise:${scope.enterpriseId}`;
  throw new Error('an installation scope names neither a team nor an enterprise');
}

/** Every installation row of a team or an enterprise on one platform. */
export function teamInstallations(platform: Platform, owner: { readonly teamId?: string | undefined; readonly enterpriseId?: string | undefined }) {
  const keys = [owner.teamId ? `team:${owner.teamId}` : null, owner.enterpriseId ? `enterprise:${owner.enterpriseId}` : null].filter((k): k is string => k !== null);
  return { platform, OR: [{ key: { in: keys } }, ...(owner.teamId ? [{ teamId: owner.teamId }] : [])] };
}

export function createInstallations(db: Db): Installations {
  return {
    async save(scope, data) {
      const key = installationKey(scope);
      const fields = { teamId: scope.teamId ?? null, enterpriseId: scope.enterpriseId ?? null, data: JSON.stringify(data) };
      await db.installation.upsert({
        where: { platform_key: { platform: scope.platform, key } },
        create: { platform: scope.platform, key, ...fields },
        update: fields,
      });
    },

    async find(scope) {
      const row = await db.installation.findUnique({ where: { platform_key: { platform: scope.platform, key: installationKey(scope) } } });
      return row === null ? null : (JSON.parse(row.data) as unknown);
    },

    async remove(scope) {
      await db.installation.deleteMany({ where: { platform: scope.platform, key: installationKey(scope) } });
    },

    async forget(platform, owner) {
      await db.installation.deleteMany({ where: teamInstallations(platform, owner) });
    },
  };
}
