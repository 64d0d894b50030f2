import type { types as SlackTypes } from '@slack/bolt';
import type { Reply } from '../../core/model/index.js';
import { LIMITS, chunk, clip, escapeMrkdwn, md } from './mrkdwn.js';

type KnownBlock = SlackTypes.KnownBlock;

export interface RenderedReply {
  /** `ephemeral` shows only to the caller; `in_channel` to everyone in the channel. */
  readonly response_type: 'ephemeral' | 'in_channel';
  readonly text: string;
  readonly blocks: KnownBlock[];
}

/** Renders the core's neutral reply as Block Kit; the core chose the visibility, this only maps it. */
export function renderReply(reply: Reply, maxBlocks: number = LIMITS.messageBlocks): RenderedReply {
  return {
    response_type: reply.visibility === 'channel' ? 'in_channel' : 'ephemeral',
    text: clip(reply.text, LIMITS.fallbackText),
    blocks: replyBlocks(reply, maxBlocks),
  };
}

/** The blocks of a reply, at most `maxBlocks` of them (the last says what was left out). */
export function replyBlocks(reply: Reply, maxBlocks: number): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  const head = reply.ok ? escapeMrkdwn(reply.text) : `:warning: ${escapeMrkdwn(reply.text)}`;
  for (const piece of chunk(head, LIMITS.sectionText)) blocks.push({ type: 'section', text: md(piece) });

  for (const section of reply.sections ?? []) {
    const title = section.title ? `*${escapeMrkdwn(section.title)}*\n` : '';
    const body = section.lines.map((l) => (l.length > 0 ? `• ${escapeMrkdwn(l)}` : '')).join('\n');
    for (const piece of chunk(`${title}${body}`.trimEnd(), LIMITS.sectionText)) blocks.push({ type: 'section', text: md(piece) });
  }

  if (reply.attachment) {
    // Shown inline as a code block: uploading files would need the files:write scope.
    const fence = '```';
    const room = LIMITS.sectionText - 2 * fence.length - 2;
    blocks.push({ type: 'context', elements: [md(clip(`${escapeMrkdwn(reply.attachment.filename)} (${reply.attachment.mimeType})`, LIMITS.contextText))] });
    for (const piece of chunk(escapeMrkdwn(reply.attachment.content), room)) {
      blocks.push({ type: 'section', text: md(`${fence}\n${piece}\n${fence}`) });
    }
  }

  const suggestions = (reply.suggestions ?? []).slice(0, LIMITS.contextElements);
  if (suggestions.length > 0) {
    blocks.push({
      type: 'context',
      elements: suggestions.map((s) => md(clip(`\`/client ${escapeMrkdwn(s.replace(/^\/client\s+/, ''))}\``, LIMITS.contextText))),
    });
  }

  if (blocks.length <= maxBlocks) return blocks;
  const kept = blocks.slice(0, maxBlocks - 1);
  kept.push({ type: 'context', elements: [md(`…${blocks.length - kept.length} more parts left out.`)] });
  return kept;
}
