import { MAX_SUPPORT_CHANNELS, type Reply, type Workspace } from '../model/index.js';
import { readChannel, type ChannelRef } from './arguments.js';
import { reply, type CommandEnv } from './command.js';
import { must, refuse } from './outcome.js';

/** Words before a channel that take it off the list instead of adding it. */
const REMOVE_WORDS = new Set(['remove', 'stop', 'off', 'unwatch', 'delete']);

export const SUPPORT_CHANNEL_SETTING = 'support-channel';

const mention = (id: string) => `<#${id}>`;

/** The watched channels as a settings line. */
export function supportChannelsLine(workspace: Workspace): string {
  const list = workspace.supportChannels ?? [];
  return `support channels: ${list.length > 0 ? list.map(mention).join(', ') : '(none: /client settings support-channel #channel)'}`;
}

/**
 * `/client settings support-channel [remove] [#channel]`: with a channel, watch it (or stop);
 * without one, list what is watched. Only a text or forum channel the platform places in this
 * workspace may be added; removing needs no more than the id, since a channel not on the list
 * changes nothing.
 */
export async function supportChannelSetting(env: CommandEnv, picked: ChannelRef | undefined, value: string | undefined): Promise<Reply> {
  if (env.workspace.platform !== 'discord') refuse('settings.support-channel.platform', 'Support channels are watched on Discord only.');
  const words = (value ?? '').trim().split(/\s+/).filter(Boolean);
  const removing = words.length > 0 && REMOVE_WORDS.has(words[0]!.toLowerCase());
  const typed = words.slice(removing ? 1 : 0).join(' ');
  const channel = picked ?? (typed === '' ? undefined : must(readChannel(typed)));
  const current = (await env.store.getWorkspace()).supportChannels ?? [];
  if (channel === undefined) {
    if (removing) refuse('settings.support-channel.which', 'Which channel should stop being watched? Pick it in the channel option.');
    const lines = current.length > 0 ? current.map(mention) : ['None yet: /client settings support-channel #help watches #help.'];
    return reply('Support channels: a member\'s new post in one waits for a staff reply.', { sections: [{ lines }] });
  }
  if (channel.by === 'name') refuse('settings.support-channel.pick', `Pick #${channel.name} in the channel option, so Rapport knows which channel it is.`);
  if (removing) {
    if (!current.includes(channel.id)) return reply(`${mention(channel.id)} was not watched; nothing changed.`);
    await env.store.updateWorkspace({ supportChannels: current.filter((id) => id !== channel.id) });
    return reply(`Stopped watching ${mention(channel.id)}.`, { visibility: 'channel' });
  }
  if (channel.elsewhere === true) refuse('settings.support-channel.elsewhere', 'That channel is not in this server (or Rapport cannot see it); nothing changed.');
  if (channel.kind === undefined) refuse('settings.support-channel.pick', `Pick ${mention(channel.id)} in the channel option, so Rapport can check it is a text or forum channel here.`);
  if (channel.kind === 'other') refuse('settings.support-channel.kind', `${mention(channel.id)} is neither a text nor a forum channel; only those can be watched.`);
  if (current.includes(channel.id)) return reply(`${mention(channel.id)} is already watched; nothing changed.`);
  if (current.length >= MAX_SUPPORT_CHANNELS) refuse('settings.support-channel.full', `At most ${MAX_SUPPORT_CHANNELS} support channels; remove one first.`);
  await env.store.updateWorkspace({ supportChannels: [...current, channel.id] });
  return reply(`Watching ${mention(channel.id)}: a member's new post there waits for a staff reply, and shows in the digests until one comes.`, { visibility: 'channel' });
}

/**
 * The deployment's default support channels (DISCORD_SUPPORT_CHANNEL_IDS) that belong to a server
 * seed its list, once: a list set with `/client settings support-channel`, even emptied, wins.
 * Returns the list to store, or null when nothing should change.
 */
export function seededSupportChannels(workspace: Workspace, defaultsInServer: readonly string[]): readonly string[] | null {
  if (workspace.supportChannels !== undefined || defaultsInServer.length === 0) return null;
  return [...new Set(defaultsInServer)].slice(0, MAX_SUPPORT_CHANNELS);
}
