import type { types as SlackTypes } from '@slack/bolt';
import type { Digest, DigestItem } from '../../core/model/index.js';
import { DUE_ALL_COMMAND } from '../../core/digest/index.js';
import { LIMITS, clip, escapeMrkdwn, md, mention, plain } from './mrkdwn.js';

type KnownBlock = SlackTypes.KnownBlock;

/** action_ids of the digest's controls; actions.ts listens on the same names. */
export const DIGEST_ACTIONS = {
  done: 'nudge_done',
  snooze: 'nudge_snooze',
  log: 'nudge_log',
  /** The one-menu control used when the full layout does not fit. */
  menu: 'nudge_menu',
} as const;

export const SNOOZE_CHOICES = [
  { value: '1d', label: 'Snooze 1 day' },
  { value: '1w', label: 'Snooze 1 week' },
  { value: 'pick', label: 'Pick a date…' },
] as const;

/**
 * Block ids name the nudge an item's blocks belong to: `<part>|<nudgeId>`, so a button handler finds
 * the nudge and the blocks to rewrite without any state. Ids too long for a block id get no controls.
 */
export const ITEM_PARTS = { title: 't', context: 'c', actions: 'a', compact: 'x', result: 'r' } as const;
const MAX_NUDGE_ID = LIMITS.blockId - 2;

export function itemBlockId(part: string, nudgeId: string): string {
  return `${part}|${nudgeId}`;
}

export function parseItemBlockId(blockId: string | undefined): { part: string; nudgeId: string } | null {
  const at = blockId?.indexOf('|') ?? -1;
  if (!blockId || at < 1) return null;
  return { part: blockId.slice(0, at), nudgeId: blockId.slice(at + 1) };
}

export interface RenderedMessage {
  readonly text: string;
  readonly blocks: KnownBlock[];
}

export interface DigestRenderInput {
  readonly digest: Digest;
  /** Rapport member id -> Slack user id, for owner mentions. */
  readonly slackUserIds: ReadonlyMap<string, string>;
}

type Layout = 'full' | 'compact';

/** Renders a neutral digest as one Block Kit message within Slack's limits. Pure. */
export function renderDigest({ digest, slackUserIds }: DigestRenderInput): RenderedMessage {
  const items = uniqueItems(digest);
  const fixed = 1 + (digest.notices.length > 0 ? 1 : 0) + 1; // header, notices, room for the overflow line
  const budget = LIMITS.messageBlocks - fixed;

  let layout: Layout = 'full';
  if (cost(digest, items, 'full') > budget) layout = 'compact';
  // Keep whole items in digest order until the budget is spent; the rest count as overflow.
  const kept = new Set<string>();
  let used = 0;
  for (const section of digest.sections) {
    const sectionItems = section.items.filter((i) => items.has(i.nudgeId));
    let headingPaid = false;
    for (const item of sectionItems) {
      const need = itemCost(item, layout) + (headingPaid ? 0 : 1);
      if (used + need > budget) break;
      used += need;
      headingPaid = true;
      kept.add(item.nudgeId);
    }
  }

  const blocks: KnownBlock[] = [{ type: 'header', text: plain(digest.title, LIMITS.headerText) }];
  if (digest.notices.length > 0) {
    blocks.push({ type: 'context', elements: noticeElements(digest.notices) });
  }
  for (const section of digest.sections) {
    const shown = section.items.filter((i) => kept.has(i.nudgeId));
    if (shown.length === 0) continue;
    blocks.push({ type: 'section', text: md(clip(`*${escapeMrkdwn(section.heading)}*`, LIMITS.sectionText)) });
    for (const item of shown) blocks.push(...renderItem(item, layout, slackUserIds));
  }
  const left = items.size - kept.size + (digest.overflow?.count ?? 0);
  if (left > 0) {
    // The core's command is complete ("/client due all"); items cut for Slack's limits are listed by it too.
    const command = digest.overflow?.command ?? DUE_ALL_COMMAND;
    blocks.push({ type: 'context', elements: [md(clip(`…and ${left} more — see all with \`${escapeMrkdwn(command)}\``, LIMITS.contextText))] });
  }
  return { text: clip(digest.title, LIMITS.fallbackText), blocks };
}

function uniqueItems(digest: Digest): Map<string, DigestItem> {
  const out = new Map<string, DigestItem>();
  for (const section of digest.sections) for (const item of section.items) if (!out.has(item.nudgeId)) out.set(item.nudgeId, item);
  return out;
}

function cost(digest: Digest, items: Map<string, DigestItem>, layout: Layout): number {
  let n = digest.sections.filter((s) => s.items.length > 0).length;
  for (const item of items.values()) n += itemCost(item, layout);
  return n;
}

function itemCost(item: DigestItem, layout: Layout): number {
  if (layout === 'compact') return 1;
  return 2 + (item.context.length > 0 ? 1 : 0);
}

function noticeElements(notices: readonly string[]): { type: 'mrkdwn'; text: string }[] {
  const shown = notices.slice(0, LIMITS.contextElements - 1).map((n) => md(clip(escapeMrkdwn(n), LIMITS.contextText)));
  const rest = notices.slice(LIMITS.contextElements - 1);
  if (rest.length > 0) shown.push(md(clip(rest.map(escapeMrkdwn).join(' · '), LIMITS.contextText)));
  return shown;
}

/** The first line of an item: its title, and whose client it is. */
export function itemHeadline(item: DigestItem, slackUserIds: ReadonlyMap<string, string>): string {
  const owner = item.ownerId ? slackUserIds.get(item.ownerId) : undefined;
  const suffix = owner ? ` · ${mention(owner)}` : '';
  return `${clip(`*${escapeMrkdwn(item.title)}*`, LIMITS.sectionText - suffix.length)}${suffix}`;
}

function renderItem(item: DigestItem, layout: Layout, slackUserIds: ReadonlyMap<string, string>): KnownBlock[] {
  const controls = item.nudgeId.length <= MAX_NUDGE_ID;
  const id = (part: string) => (controls ? { block_id: itemBlockId(part, item.nudgeId) } : {});
  const headline = itemHeadline(item, slackUserIds);
  const context = item.context.map(escapeMrkdwn).join('\n');

  if (layout === 'compact') {
    const text = clip(context ? `${headline}\n${context}` : headline, LIMITS.sectionText);
    const block: KnownBlock = { type: 'section', ...id(ITEM_PARTS.compact), text: md(text) };
    if (controls) block.accessory = compactMenu(item);
    return [block];
  }
  const blocks: KnownBlock[] = [{ type: 'section', ...id(ITEM_PARTS.title), text: md(headline) }];
  if (context) blocks.push({ type: 'context', ...id(ITEM_PARTS.context), elements: [md(clip(context, LIMITS.contextText))] });
  if (controls) {
    blocks.push({
      type: 'actions',
      ...id(ITEM_PARTS.actions),
      elements: [
        { type: 'button', action_id: DIGEST_ACTIONS.done, text: plain('Done', LIMITS.buttonText), style: 'primary', value: clip(item.nudgeId, LIMITS.actionValue) },
        {
          type: 'static_select',
          action_id: DIGEST_ACTIONS.snooze,
          placeholder: plain('Snooze', LIMITS.optionText),
          options: SNOOZE_CHOICES.map((c) => ({ text: plain(c.label, LIMITS.optionText), value: c.value })),
        },
        { type: 'button', action_id: DIGEST_ACTIONS.log, text: plain('Log', LIMITS.buttonText), value: clip(item.clientId, LIMITS.actionValue) },
      ],
    });
  } else {
    blocks.push({ type: 'context', elements: [md('Use `/client` to act on this one.')] });
  }
  return blocks;
}

function compactMenu(item: DigestItem): SlackTypes.StaticSelect {
  const choices = [
    { value: 'done', label: 'Done' },
    ...SNOOZE_CHOICES,
    // The client id rides in the value so Log can open a prefilled form.
    { value: clip(`log:${item.clientId}`, LIMITS.optionValue), label: 'Log…' },
  ];
  return {
    type: 'static_select',
    action_id: DIGEST_ACTIONS.menu,
    placeholder: plain('Act', LIMITS.optionText),
    options: choices.map((c) => ({ text: plain(c.label, LIMITS.optionText), value: c.value })),
  };
}

/** Rewrites a posted digest after someone acted on one item: its controls give way to `result`. */
export function markItem(blocks: readonly KnownBlock[], nudgeId: string, result: string): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (const block of blocks) {
    const parsed = parseItemBlockId(block.block_id);
    if (!parsed || parsed.nudgeId !== nudgeId) {
      out.push(block);
      continue;
    }
    const resultBlock: KnownBlock = {
      type: 'context',
      block_id: itemBlockId(ITEM_PARTS.result, nudgeId),
      elements: [md(clip(result, LIMITS.contextText))],
    };
    if (parsed.part === ITEM_PARTS.actions || parsed.part === ITEM_PARTS.result) {
      out.push(resultBlock);
    } else if (parsed.part === ITEM_PARTS.compact && block.type === 'section') {
      // Same block count as before: the result joins the text instead of adding a block.
      const { accessory: _gone, text, ...rest } = block;
      const first = (text?.text ?? '').split('\n\u2192 ')[0] ?? '';
      out.push({ ...rest, text: md(clip(`${first}\n\u2192 ${result}`, LIMITS.sectionText)) });
    } else {
      out.push(block);
    }
  }
  return out;
}
