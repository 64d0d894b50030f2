import type { Tenant, WorkspaceLifecycle } from '../ports/index.js';

/** Days a workspace's data is kept after its app was uninstalled, unless configured otherwise. */
export const DEFAULT_UNINSTALL_GRACE_DAYS = 30;

/**
 * Erases the data of every workspace, on any platform, whose app was uninstalled at least
 * `graceDays` ago (0 erases at once). Returns the tenants erased.
 */
export async function eraseUninstalledWorkspaces(input: { readonly lifecycle: Pick<WorkspaceLifecycle, 'eraseUninstalledBefore'>; readonly now: Date; readonly graceDays: number }): Promise<Tenant[]> {
  return input.lifecycle.eraseUninstalledBefore(new Date(input.now.getTime() - input.graceDays * 86_400_000));
}
