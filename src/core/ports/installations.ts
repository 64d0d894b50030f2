import type { Platform } from '../model/index.js';

/** What an installation covers: one team (workspace, guild), or an enterprise's teams when org-wide. */
export interface InstallationScope {
  readonly platform: Platform;
  readonly teamId?: string | undefined;
  readonly enterpriseId?: string | undefined;
  /** An org-wide install is found by its enterprise, whichever team asks. */
  readonly orgWide?: boolean | undefined;
}

/**
 * The app's installations on chat platforms, tokens included. The data is the platform's own record
 * (JSON), read back only by the adapter that wrote it.
 */
export interface Installations {
  /** Stores the installation of its scope, replacing an earlier one. */
  save(scope: InstallationScope, data: unknown): Promise<void>;
  /** The scope's installation, or null when there is none. */
  find(scope: InstallationScope): Promise<unknown>;
  /** Forgets the scope's installation. */
  remove(scope: InstallationScope): Promise<void>;
  /** Forgets every installation of a team and of an enterprise (uninstalled, tokens revoked). */
  forget(platform: Platform, owner: { readonly teamId?: string | undefined; readonly enterpriseId?: string | undefined }): Promise<void>;
}
