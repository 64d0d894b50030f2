import type { Digest, DigestItem, MessageSource, NudgeGroup } from '../../core/model/index.js';
import { DUE_ALL_COMMAND } from '../../core/digest/index.js';

/** Discord's message limits (https://discord.com/developers/docs/resources/message). */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  description: 4096,
  title: 256,
  footer: 2048,
} as const;

export interface DiscordEmbed {
  readonly title: string;
  readonly description: string;
  readonly color: number;
  readonly footer?: { readonly text: string };
}

export interface DiscordDigestMessage {
  readonly content: string;
  readonly embeds: readonly DiscordEmbed[];
}

const COLORS: Record<NudgeGroup, number> = { today: 0xd9534f, attention: 0xf0ad4e, 'coming-up': 0x5bc0de };
/** Room kept for the "and N more" footer, so adding it can never break the total. */
const FOOTER_RESERVE = 120;
/** One item never takes more than this, so a single huge note cannot crowd out the rest. */
const ITEM_MAX = 900;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

function embedSize(e: { title: string; description: string; footer?: { text: string } }): number {
  return e.title.length + e.description.length + (e.footer?.text.length ?? 0);
}

/** The prefix the support watch gives the external ids of the Discord messages it records. */
export const MESSAGE_ID_PREFIX = 'discord:';

/**
 * A link to the Discord message an item is about (https://discord.com/channels/<server>/<channel>/<message>),
 * when it is a message recorded in this server; null for anything else (an email, another platform).
 */
export function messageLink(guildId: string | undefined, source: MessageSource | undefined): string | null {
  const message = source?.externalId.startsWith(MESSAGE_ID_PREFIX) ? source.externalId.slice(MESSAGE_ID_PREFIX.length) : null;
  const channel = source?.threadIds[0];
  if (!guildId || !message || !channel || !/^\d+$/.test(message) || !/^\d+$/.test(channel)) return null;
  return `https://discord.com/channels/${guildId}/${channel}/${message}`;
}

function itemText(item: DigestItem, owners: ReadonlyMap<string, string>, guildId: string | undefined): string {
  const owner = item.ownerId ? (owners.get(item.ownerId) ?? 'someone') : 'nobody yet';
  const body = [`**${clip(item.title, 300)}**`, ...item.context.map((l) => `› ${l}`)].join('\n');
  const link = messageLink(guildId, item.source);
  // The id line (and the link) always survive: Done and Snooze need the id.
  return `${clip(body, ITEM_MAX)}${link ? `\n[Open the message](${link})` : ''}\nOwner: ${owner} · \`${item.nudgeId}\``;
}

/**
 * The neutral digest as one Discord message: a short content line and one embed per section.
 * Items that do not fit Discord's limits are counted into "and N more" with the command that
 * lists everything. Pure: the caller sends the result. `owners` maps owner ids to mentions;
 * `guildId`, the server it goes to, lets items about a message in that server link to it.
 */
export function renderDiscordDigest(digest: Digest, owners: ReadonlyMap<string, string> = new Map(), guildId?: string): DiscordDigestMessage {
  const embeds: { title: string; description: string; color: number; footer?: { text: string } }[] = [];
  let total = 0;
  let hidden = digest.overflow?.count ?? 0;
  // Once one item does not fit, later ones are left out too: the digest's order is its priority.
  let full = false;
  for (const section of digest.sections.slice(0, DISCORD_LIMITS.embeds)) {
    const title = clip(`${section.heading} (${section.items.length})`, DISCORD_LIMITS.title);
    const parts: string[] = [];
    let description = '';
    section.items.forEach((item) => {
      const text = itemText(item, owners, guildId);
      const next = description ? `${description}\n\n${text}` : text;
      const fits = next.length <= DISCORD_LIMITS.description && total + title.length + next.length <= DISCORD_LIMITS.embedTotal - FOOTER_RESERVE;
      if (fits && !full) {
        description = next;
        parts.push(text);
      } else {
        full = true;
        hidden += 1;
      }
    });
    if (parts.length === 0) continue;
    total += title.length + description.length;
    embeds.push({ title, description, color: COLORS[section.group] });
  }
  for (const section of digest.sections.slice(DISCORD_LIMITS.embeds)) hidden += section.items.length;
  if (hidden > 0) {
    const text = `…and ${hidden} more: ${digest.overflow?.command ?? DUE_ALL_COMMAND}`;
    const last = embeds.at(-1);
    if (last) last.footer = { text: clip(text, FOOTER_RESERVE) };
    else embeds.push({ title: 'More', description: clip(text, FOOTER_RESERVE), color: COLORS.attention });
  }
  const head = [digest.title, ...digest.notices.map((n) => `_${n}_`)].join('\n');
  const content = clip(head, DISCORD_LIMITS.content);
  const size = embeds.reduce((s, e) => s + embedSize(e), 0);
  if (size > DISCORD_LIMITS.embedTotal) throw new Error(`bug: digest embeds total ${size} characters`);
  return { content, embeds };
}
