import type { Platform, Workspace } from '../model/index.js';
import type { NewWorkspace } from './store.js';

/** A workspace as its platform names it: a Slack team, a Discord guild. */
export interface Tenant {
  readonly platform: Platform;
  readonly externalId: string;
}

/**
 * A workspace's life on its platform: installed, uninstalled and erased after a grace period, and
 * whether digests may be delivered to it. Platform adapters and the scheduler record what happened;
 * the store keeps it. Every method is idempotent: repeated and reordered platform events end the same way.
 */
export interface WorkspaceLifecycle {
  /** The app was installed (again): creates or revives the workspace, no longer uninstalled nor blocked. */
  installed(workspace: NewWorkspace): Promise<Workspace>;
  /** The tenant is back without an install step (a restart with a token): the uninstall mark goes, a block stays. */
  returned(tenant: Tenant): Promise<void>;
  /** The app was uninstalled at `at`; the first call sets the time, later ones keep it. */
  uninstalled(tenant: Tenant, at: Date): Promise<void>;
  /** Erases every workspace uninstalled at or before `cutoff`, on any platform; returns the tenants erased. */
  eraseUninstalledBefore(cutoff: Date): Promise<Tenant[]>;
  /** Erases one tenant now, with its installations (tokens); false when it had no workspace. */
  erase(tenant: Tenant): Promise<boolean>;
  /** Stops digests (channel gone, token revoked); true only for the call that set it, so owners are told once. */
  blockDelivery(workspaceId: string, reason: string, at: Date): Promise<boolean>;
  /** Lets digests flow again. */
  liftDeliveryBlock(workspaceId: string): Promise<void>;
  /** Workspaces that get no digest now, by id, with why: the block's reason, or "uninstalled". */
  undeliverable(): Promise<ReadonlyMap<string, string>>;
}
