import { ChannelType, PermissionFlagsBits, type Message } from 'discord.js';
import { speaksForTeam } from '../../core/access.js';
import type { Core, MessageEvent } from '../../core/core.js';
import type { Clock, Logger, Store } from '../../core/ports/index.js';
import { PLATFORM } from './guilds.js';

export interface SupportWatchDeps {
  readonly core: Core;
  readonly store: Pick<Store, 'findWorkspace'>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The channels (text or forum) whose posts are watched (DISCORD_SUPPORT_CHANNEL_IDS). */
  readonly channels: ReadonlySet<string>;
  readonly staffRoleId?: string;
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
  const watched = deps.channels.has(message.channelId) || (inThread && channel.parentId !== null && deps.channels.has(channel.parentId));
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
    externalId: `discord:${message.id}`,
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
