import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { NudgeAction } from '../../core/core.js';
import type { Digest } from '../../core/model/index.js';
import { DISCORD_LIMITS, type DiscordDigestMessage } from './render-digest.js';

/** Discord allows five rows of components on a message: one row (Done, Snooze a day, Snooze a week, Log) per item. */
export const MAX_BUTTON_ROWS = 5;
const PREFIX = 'rapport';

export type ButtonRow = APIActionRowComponent<APIButtonComponent>;

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`);

/**
 * Done and Snooze buttons for the first items the rendered message shows (in the digest's order,
 * which is its priority). Later items are acted on with /client done and /client snooze.
 */
export function digestButtons(digest: Digest, rendered: DiscordDigestMessage): ButtonRow[] {
  const shown = rendered.embeds.map((e) => e.description).join('\n');
  return digest.sections
    .flatMap((s) => s.items)
    .filter((item) => shown.includes(`\`${item.nudgeId}\``))
    .slice(0, MAX_BUTTON_ROWS)
    .map((item) => ({
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Success, label: clip(`Done: ${item.clientName}`, 80), custom_id: `${PREFIX}:done:${item.nudgeId}` },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Snooze a day', custom_id: `${PREFIX}:snooze-1d:${item.nudgeId}` },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Snooze a week', custom_id: `${PREFIX}:snooze-1w:${item.nudgeId}` },
        { type: ComponentType.Button, style: ButtonStyle.Primary, label: 'Log', custom_id: `${PREFIX}:log:${item.clientId}:${item.nudgeId}` },
      ],
    }));
}

/** The client whose log form a Log button opens, or null for any other button. */
export function logButtonClient(customId: string): string | null {
  return /^rapport:log:([\w-]{1,40}):[\w-]{1,80}$/.exec(customId)?.[1] ?? null;
}

/** The action a digest button stands for, or null for a custom id that is not one of Rapport's. */
export function buttonAction(customId: string): NudgeAction | null {
  const m = /^rapport:(done|snooze-1d|snooze-1w):([\w-]{1,80})$/.exec(customId);
  if (!m) return null;
  const nudgeId = m[2]!;
  if (m[1] === 'done') return { nudgeId, action: 'done' };
  return { nudgeId, action: 'snooze', span: m[1] === 'snooze-1d' ? '1d' : '1w' };
}

/**
 * The digest message with one item marked in place: the outcome (and who) under the item, its
 * buttons gone. Other items and their buttons stay as they were.
 */
export function markItem(message: { readonly embeds: readonly APIEmbed[]; readonly components: readonly ButtonRow[] }, nudgeId: string, outcome: string) {
  const tag = `\`${nudgeId}\``;
  const total = message.embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0), 0);
  const embeds = message.embeds.map((embed) => {
    const description = embed.description ?? '';
    if (!description.includes(tag)) return embed;
    const room = Math.min(DISCORD_LIMITS.description - description.length, DISCORD_LIMITS.embedTotal - total) - 3;
    if (room < 10) return embed;
    return { ...embed, description: description.replace(tag, `${tag}\n✅ ${clip(outcome, room)}`) };
  });
  const components = message.components.filter((row) => !row.components.some((c) => 'custom_id' in c && c.custom_id.endsWith(`:${nudgeId}`)));
  return { embeds, components };
}
