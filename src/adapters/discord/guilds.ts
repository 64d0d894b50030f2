import { seededSupportChannels } from '../../core/commands/support-channels.js';
import type { Clock, Logger, Store, WorkspaceLifecycle } from '../../core/ports/index.js';

export const PLATFORM = 'discord';

export interface GuildDeps {
  readonly store: Pick<Store, 'findWorkspace' | 'listWorkspaces' | 'workspace'>;
  readonly lifecycle: WorkspaceLifecycle;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The IANA zone a new workspace starts with (RAPPORT_TIME_ZONE). */
  readonly defaultTimeZone?: string;
  /** DISCORD_SUPPORT_CHANNEL_IDS: seeds the support channels of a server that has never set its own. */
  readonly supportDefaults?: readonly string[];
  /** Told when a server's settings changed here, so cached copies are read again. */
  readonly changed?: (guildId: string) => void;
}

export interface GuildFacts {
  readonly id: string;
  readonly name: string;
  /** The server's channels, as far as the gateway told us. */
  readonly channelIds?: ReadonlySet<string>;
}

/** The bot joined a server (GUILD_CREATE after READY): it becomes a workspace, or comes back to life. */
export async function guildJoined(deps: GuildDeps, guild: GuildFacts): Promise<void> {
  await deps.lifecycle.installed({ platform: PLATFORM, externalId: guild.id, name: guild.name, ...(deps.defaultTimeZone ? { timeZone: deps.defaultTimeZone } : {}) });
  await seedSupportChannels(deps, guild);
  deps.logger.info({ guildId: guild.id }, 'discord server joined; workspace ready');
}

/**
 * A server the bot is in at start-up (READY) or again after an outage: a new one becomes a
 * workspace; a known one loses any uninstall mark but keeps a delivery block (a restart fixes no channel).
 */
export async function guildPresent(deps: GuildDeps, guild: GuildFacts): Promise<void> {
  const known = await deps.store.findWorkspace(PLATFORM, guild.id);
  if (!known) return guildJoined(deps, guild);
  await deps.lifecycle.returned({ platform: PLATFORM, externalId: guild.id });
  await seedSupportChannels(deps, guild);
}

/** The deployment's default support channels that are in this server become its list, if it has none yet. */
async function seedSupportChannels(deps: GuildDeps, guild: GuildFacts): Promise<void> {
  const present = (deps.supportDefaults ?? []).filter((id) => guild.channelIds?.has(id));
  if (present.length === 0) return;
  const workspace = await deps.store.findWorkspace(PLATFORM, guild.id);
  const seeded = workspace ? seededSupportChannels(workspace, present) : null;
  if (!workspace || !seeded) return;
  await deps.store.workspace(workspace.id).updateWorkspace({ supportChannels: seeded });
  deps.changed?.(guild.id);
  deps.logger.info({ guildId: guild.id, count: seeded.length }, 'support channels seeded from DISCORD_SUPPORT_CHANNEL_IDS');
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
