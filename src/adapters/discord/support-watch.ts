import { ChannelType, PermissionFlagsBits, type Message } from 'discord.js';
import { speaksForTeam } from '../../core/access.js';
import type { Core, MessageEvent } from '../../core/core.js';
import type { Clock, Logger, Store } from '../../core/ports/index.js';
import { PLATFORM } from './guilds.js';
import { MESSAGE_ID_PREFIX } from './render-digest.js';

export interface SupportWatchDeps {
  readonly core: Core;
  readonly store: Pick<Store, 'findWorkspace'>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Each server's watched channels (text or forum), as its workspace settings say. */
  readonly watched: WatchedChannels;
  readonly staffRoleId?: string;
}

/** How long a server's list of watched channels is kept before it is read again (another process may change it). */
export const WATCH_LIST_MS = 60_000;

/**
 * Each server's support channels, read from its workspace settings and kept for a minute, so a
 * message in an unwatched channel costs no query. `forget` drops a server's copy when this process
 * changed its settings (a `/client` command there), so a change made here applies at once.
 */
export class WatchedChannels {
  private readonly lists = new Map<string, { readonly channels: ReadonlySet<string>; readonly until: number }>();

  constructor(
    private readonly store: Pick<Store, 'findWorkspace'>,
    private readonly clock: Clock,
  ) {}

  async of(guildId: string): Promise<ReadonlySet<string>> {
    const now = this.clock.now().getTime();
    const kept = this.lists.get(guildId);
    if (kept && kept.until > now) return kept.channels;
    const workspace = await this.store.findWorkspace(PLATFORM, guildId);
    const channels = new Set(workspace?.supportChannels ?? []);
    this.lists.set(guildId, { channels, until: now + WATCH_LIST_MS });
    return channels;
  }

  forget(guildId: string): void {
    this.lists.delete(guildId);
  }
}

/**
 * A new message in a watched support channel, or in a thread or forum post under one, enters the
 * core as a message event: from a member, it opens "awaiting reply" for the client linked to them;
 * from staff, it answers what came before it in the same thread (or channel). Bots, webhooks and
 * system messages open nothing; edits never arrive here (only MESSAGE_CREATE is listened to).
 */
export async function watchSupportMessage(deps: SupportWatchDeps, message: Message): Promise<void> {
  if (!message.inGuild() || message.author.bot || message.webhookId !== null || message.system) return;
  const channel = message.channel;
  const inThread = channel.isThread();
  const channels = await deps.watched.of(message.guildId);
  const watched = channels.has(message.channelId) || (inThread && channel.parentId !== null && channels.has(channel.parentId));
  if (!watched) return;
  const workspace = await deps.store.findWorkspace(PLATFORM, message.guildId);
  if (!workspace) return;
  const member = message.member;
  const role = deps.staffRoleId;
  const staff = speaksForTeam({
    staffRoleExists: role !== undefined && message.guild.roles.cache.has(role),
    hasStaffRole: role !== undefined && (member?.roles.cache.has(role) ?? false),
    managesServer: member?.permissions.has(PermissionFlagsBits.ManageGuild) ?? false,
  });
  const forum = inThread && channel.parent?.type === ChannelType.GuildForum;
  // Without the privileged Message Content intent the text is empty: the post's title or the place says what it was.
  const summary = message.content.trim() || (inThread ? channel.name : `a message in #${'name' in channel ? channel.name : message.channelId}`);
  const event: MessageEvent = {
    direction: staff ? 'out' : 'in',
    channel: forum ? 'forum-post' : 'chat',
    occurredAt: message.createdAt,
    externalId: `${MESSAGE_ID_PREFIX}${message.id}`,
    threadIds: [message.channelId],
    summary,
    source: PLATFORM,
    ...(staff
      ? { sender: { platformUserId: message.author.id, displayName: member?.displayName ?? message.author.username } }
      : { party: { by: 'member' as const, platformUserId: message.author.id } }),
  };
  const outcome = await deps.core.recordMessage({ workspace, now: deps.clock.now() }, event);
  deps.logger.info({ guildId: message.guildId, status: outcome.status, direction: event.direction }, 'support channel message recorded');
}
