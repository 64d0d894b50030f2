import type { Reply } from '../../core/model/index.js';
import { DISCORD_LIMITS, type DiscordEmbed } from './render-digest.js';

export interface RenderedReply {
  readonly content: string;
  readonly embeds: DiscordEmbed[];
  readonly files?: { readonly attachment: Buffer; readonly name: string }[];
  /** Replies never ping anyone: mentions in them name people, they do not call them. */
  readonly allowedMentions: { readonly parse: [] };
  /** Only the caller sees it (the core chose visibility 'private'). */
  readonly ephemeral: boolean;
}

const COLOR_OK = 0x5865f2;
const COLOR_ERROR = 0xd9534f;

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`);

/** The core's neutral reply as a Discord message within its limits: a content line, one embed per section, a file for an export. */
export function renderReply(reply: Reply): RenderedReply {
  const suggestions = (reply.suggestions ?? []).map((s) => `\`/client ${s.replace(/^\/client\s+/, '')}\``);
  const head = reply.ok ? reply.text : `⚠️ ${reply.text}`;
  const content = clip(suggestions.length > 0 ? `${head}\nTry: ${suggestions.join(' · ')}` : head, DISCORD_LIMITS.content);

  const embeds: DiscordEmbed[] = [];
  let total = 0;
  let left = 0;
  for (const section of reply.sections ?? []) {
    const title = clip(section.title ?? '\u200b', DISCORD_LIMITS.title);
    const description = clip(section.lines.map((l) => (l.length > 0 ? `• ${l}` : '')).join('\n') || '\u200b', DISCORD_LIMITS.description);
    // Room is kept for the footer that says how many sections were left out.
    if (embeds.length === DISCORD_LIMITS.embeds || total + title.length + description.length > DISCORD_LIMITS.embedTotal - 100) {
      left += 1;
      continue;
    }
    total += title.length + description.length;
    embeds.push({ title, description, color: reply.ok ? COLOR_OK : COLOR_ERROR });
  }
  if (left > 0 && embeds.length > 0) {
    const last = embeds.pop()!;
    embeds.push({ ...last, footer: { text: `…${left} more section${left === 1 ? '' : 's'} left out.` } });
  }
  return {
    content,
    embeds,
    ...(reply.attachment ? { files: [{ attachment: Buffer.from(reply.attachment.content, 'utf8'), name: reply.attachment.filename }] } : {}),
    allowedMentions: { parse: [] },
    ephemeral: reply.visibility === 'private',
  };
}

/** The message body for discord.js (reply, editReply, followUp). */
export function messageOptions(rendered: RenderedReply) {
  return {
    content: rendered.content,
    embeds: rendered.embeds,
    allowedMentions: rendered.allowedMentions,
    ...(rendered.files ? { files: rendered.files } : {}),
  };
}
