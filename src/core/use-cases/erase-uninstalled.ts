import type { Tenant, WorkspaceLifecycle } from '../ports/index.js';

/**
 * Erases the data of every workspace, on any platform, whose app was uninstalled at least
 * `graceDays` ago (0 erases at once). Returns the tenants erased.
 */
export async function eraseUninstalledWorkspaces(input: { readonly lifecycle: Pick<WorkspaceLifecycle, 'eraseUninstalledBefore'>; readonly now: Date; readonly graceDays: number }): Promise<Tenant[]> {
  return input.lifecycle.eraseUninstalledBefore(new Date(input.now.getTime() - input.graceDays * 86_400_000));
}
