import type { Clock, Logger, Store, WorkspaceLifecycle } from '../../core/ports/index.js';

export const PLATFORM = 'discord';

export interface GuildDeps {
  readonly store: Pick<Store, 'findWorkspace' | 'listWorkspaces'>;
  readonly lifecycle: WorkspaceLifecycle;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The IANA zone a new workspace starts with (RAPPORT_TIME_ZONE). */
  readonly defaultTimeZone?: string;
}

export interface GuildFacts {
  readonly id: string;
  readonly name: string;
}

/** The bot joined a server (GUILD_CREATE after READY): it becomes a workspace, or comes back to life. */
export async function guildJoined(deps: GuildDeps, guild: GuildFacts): Promise<void> {
  await deps.lifecycle.installed({ platform: PLATFORM, externalId: guild.id, name: guild.name, ...(deps.defaultTimeZone ? { timeZone: deps.defaultTimeZone } : {}) });
  deps.logger.info({ guildId: guild.id }, 'discord server joined; workspace ready');
}

/**
 * A server the bot is in at start-up (READY) or again after an outage: a new one becomes a
 * workspace; a known one loses any uninstall mark but keeps a delivery block (a restart fixes no channel).
 */
export async function guildPresent(deps: GuildDeps, guild: GuildFacts): Promise<void> {
  const known = await deps.store.findWorkspace(PLATFORM, guild.id);
  if (known) await deps.lifecycle.returned({ platform: PLATFORM, externalId: guild.id });
  else await guildJoined(deps, guild);
}

/** The bot was removed from a server (GUILD_DELETE without `unavailable`): erased after the grace period. */
export async function guildLeft(deps: GuildDeps, guildId: string): Promise<void> {
  await deps.lifecycle.uninstalled({ platform: PLATFORM, externalId: guildId }, deps.clock.now());
  deps.logger.info({ guildId }, 'discord server left; its data is erased after the grace period');
}

/**
 * At start-up, with every server in one process (no shards): a server Rapport knows that READY does
 * not list removed the bot while it was offline, so it is marked uninstalled like a GUILD_DELETE.
 */
export async function guildsGoneWhileAway(deps: GuildDeps, present: ReadonlySet<string>): Promise<number> {
  const gone = (await deps.store.listWorkspaces()).filter((w) => w.platform === PLATFORM && !present.has(w.externalId));
  for (const w of gone) await guildLeft(deps, w.externalId);
  return gone.length;
}
