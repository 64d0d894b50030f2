import type { App, BlockAction, ButtonAction, StaticSelectAction, types as SlackTypes, webApi } from '@slack/bolt';
import type { Reply } from '../../core/model/index.js';
import type { NudgeAction } from '../../core/core.js';
import { answer } from './answer.js';
import { contextFor, paceKey, type SlackDeps } from './deps.js';
import { formModal, snoozeModal, type ModalOrigin } from './modals.js';
import { escapeMrkdwn, mention } from './mrkdwn.js';
import { DIGEST_ACTIONS, ITEM_PARTS, markItem, parseItemBlockId } from './render-digest.js';

type KnownBlock = SlackTypes.KnownBlock;
type Body = BlockAction;

/** Listens to the digest's Done / Snooze / Log controls and the compact one-menu variant. */
export function registerDigestActions(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(DIGEST_ACTIONS.done, async (args) => {
    const { ack, body, action, client } = args;
    await ack();
    await deps.work.run(args, () => act(deps, client, body, { nudgeId: action.value ?? '', action: 'done' }));
  });

  app.action<BlockAction<StaticSelectAction>>(DIGEST_ACTIONS.snooze, async (args) => {
    const { ack, body, action, client } = args;
    await ack();
    const nudgeId = parseItemBlockId(action.block_id)?.nudgeId;
    if (nudgeId) await snoozeOrPick(deps, client, body, nudgeId, action.selected_option.value, (job) => deps.work.run(args, job));
  });

  app.action<BlockAction<ButtonAction>>(DIGEST_ACTIONS.log, async ({ ack, body, action, client }) => {
    await ack();
    const nudgeId = parseItemBlockId(action.block_id)?.nudgeId;
    await openLog(deps, client, body, action.value ?? '', nudgeId);
  });

  app.action<BlockAction<StaticSelectAction>>(DIGEST_ACTIONS.menu, async (args) => {
    const { ack, body, action, client } = args;
    await ack();
    const nudgeId = parseItemBlockId(action.block_id)?.nudgeId;
    const choice = action.selected_option.value;
    const later = (job: () => Promise<void>) => deps.work.run(args, job);
    if (!nudgeId) return;
    if (choice === 'done') await later(() => act(deps, client, body, { nudgeId, action: 'done' }));
    else if (choice.startsWith('log:')) await openLog(deps, client, body, choice.slice(4), nudgeId);
    else await snoozeOrPick(deps, client, body, nudgeId, choice, later);
  });
}

function origin(body: Body, nudgeId?: string): ModalOrigin {
  return {
    ...(body.response_url ? { responseUrl: body.response_url } : {}),
    ...(body.channel?.id ? { channel: body.channel.id } : {}),
    ...(nudgeId ? { nudgeId } : {}),
    ...(body.message?.ts ? { messageTs: body.message.ts } : {}),
  };
}

function caller(body: Body) {
  return { teamId: body.team?.id ?? body.user.team_id ?? '', teamName: body.team?.domain, userId: body.user.id, userName: body.user.name ?? body.user.username, channel: body.channel?.id };
}

/** A fixed span runs in the core as work after the ack (`later`); "pick a date" opens its form at once (the trigger id expires in seconds). */
async function snoozeOrPick(deps: SlackDeps, client: webApi.WebClient, body: Body, nudgeId: string, choice: string, later: (job: () => Promise<void>) => Promise<void>): Promise<void> {
  if (choice === '1d' || choice === '1w') {
    await later(() => act(deps, client, body, { nudgeId, action: 'snooze', span: choice }));
    return;
  }
  const title = titleOf(body.message?.blocks as KnownBlock[] | undefined, nudgeId);
  await client.views.open({ trigger_id: body.trigger_id, view: snoozeModal({ ...origin(body, nudgeId), nudgeId }, title) });
}

async function openLog(deps: SlackDeps, client: webApi.WebClient, body: Body, clientId: string, nudgeId: string | undefined): Promise<void> {
  const ctx = await contextFor(deps, caller(body));
  const found = clientId ? await deps.core.getClient(ctx.workspace, clientId) : null;
  const preset = found ? { id: found.id, name: found.name } : undefined;
  const log = deps.core.commands.find((c) => c.name === 'log')!;
  await client.views.open({ trigger_id: body.trigger_id, view: formModal(log, origin(body, nudgeId), preset) });
}

/** Runs Done or Snooze in the core; on success the digest message shows the outcome and who did it. */
async function act(deps: SlackDeps, client: webApi.WebClient, body: Body, action: NudgeAction): Promise<void> {
  const ctx = await contextFor(deps, caller(body));
  const reply = await deps.core.actOnNudge(ctx, action);
  const channel = body.channel?.id;
  const ts = body.message?.ts;
  // Sent without holding the work's slot: the channel's turn and the round trip to Slack are not database work.
  if (!reply.ok || !channel || !ts) {
    deps.work.deliver(() => answer(deps, client, origin(body), { teamId: ctx.workspace.externalId, userId: body.user.id }, { ...reply, visibility: 'private' }));
    return;
  }
  const message = { teamId: ctx.workspace.externalId, channel, ts, blocks: body.message?.blocks as KnownBlock[] | undefined, text: body.message?.text };
  deps.work.deliver(() => updateDigestItem(deps, client, message, action.nudgeId, reply, body.user.id));
}

export interface PostedMessage {
  readonly teamId: string;
  readonly channel: string;
  readonly ts: string;
  /** The message's current blocks when the payload carried them; otherwise read back from history. */
  readonly blocks: readonly KnownBlock[] | undefined;
  readonly text: string | undefined;
}

/** Rewrites one item of a posted digest in place: "<what the core said> — @who". */
export async function updateDigestItem(deps: SlackDeps, client: webApi.WebClient, message: PostedMessage, nudgeId: string, reply: Reply, userId: string): Promise<void> {
  const blocks = message.blocks ?? (await readBlocks(client, message.channel, message.ts));
  if (!blocks) return;
  const result = `${escapeMrkdwn(reply.text)} — ${mention(userId)}`;
  await deps.pacer.run(paceKey(message.teamId, message.channel), () =>
    client.chat.update({ channel: message.channel, ts: message.ts, text: message.text ?? reply.text, blocks: markItem(blocks, nudgeId, result) }),
  );
}

async function readBlocks(client: webApi.WebClient, channel: string, ts: string): Promise<KnownBlock[] | undefined> {
  const res = await client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
  return res.messages?.find((m) => m.ts === ts)?.blocks as KnownBlock[] | undefined;
}

function titleOf(blocks: readonly KnownBlock[] | undefined, nudgeId: string): string {
  for (const block of blocks ?? []) {
    const parsed = parseItemBlockId(block.block_id);
    if (parsed?.nudgeId === nudgeId && (parsed.part === ITEM_PARTS.title || parsed.part === ITEM_PARTS.compact) && block.type === 'section') {
      return block.text?.text.split('\n')[0] ?? nudgeId;
    }
  }
  return nudgeId;
}
