import { DateTime } from 'luxon';
import type { Reply } from '../model/index.js';
import type { CommandEnv } from '../commands/command.js';
import { reply } from '../commands/command.js';
import { refuse } from '../commands/outcome.js';
import { dueNudges } from './plan-digest.js';
import type { CommandContext, CoreDeps } from './context.js';
import { runInCommandEnv } from './command-env.js';

export type NudgeAction =
  | { readonly nudgeId: string; readonly action: 'done' }
  | { readonly nudgeId: string; readonly action: 'snooze'; readonly span: '1d' | '1w' | { readonly until: Date } };

/** Done or Snooze from a button: one transaction, the same checks and replies as the commands. */
export function actOnNudge(deps: CoreDeps, ctx: CommandContext, action: NudgeAction): Promise<Reply> {
  return runInCommandEnv(deps, ctx, (env) => applyNudgeAction(env, action));
}

/**
 * Done or Snooze on one nudge, recording who did it. The nudge must be due now: an id from an old
 * digest that is already done says so instead of failing silently. Runs in the caller's transaction.
 */
export async function applyNudgeAction(env: CommandEnv, action: NudgeAction): Promise<Reply> {
  const { store, now, actor, workspace } = env;
  // What a digest shows is found in the bounded plan; only an id from the full list needs the full plan.
  const find = async (digestOnly: boolean) => (await dueNudges(store, now, env.giftCatalog, { digestOnly })).nudges.find((n) => n.id === action.nudgeId);
  const nudge = (await find(true)) ?? (await find(false));
  if (nudge === undefined) {
    const [ack] = await store.getNudgeAcks([action.nudgeId]);
    if (ack?.action === 'done') return reply('That one is already done.');
    if (ack?.action === 'snoozed') return reply('That one is already snoozed.');
    refuse('nudge.unknown', `Nothing due has the id ${action.nudgeId}. /client due all lists what is due.`);
  }
  const due = nudge!;
  if (action.action === 'done') {
    await store.saveNudgeAck({ nudgeId: due.id, action: 'done', until: null, actorId: actor.id, at: now });
    if (due.followUpId) await store.updateFollowUp(due.followUpId, { state: 'done', closedAt: now, closedById: actor.id });
    return reply(`Done: ${due.title} (by ${actor.displayName})`, { visibility: 'channel' });
  }
  const local = DateTime.fromJSDate(now, { zone: workspace.timeZone }).startOf('day');
  const until = action.span === '1d' ? local.plus({ days: 1 }).toJSDate() : action.span === '1w' ? local.plus({ weeks: 1 }).toJSDate() : action.span.until;
  await store.saveNudgeAck({ nudgeId: due.id, action: 'snoozed', until, actorId: actor.id, at: now });
  if (due.followUpId) await store.updateFollowUp(due.followUpId, { state: 'snoozed', snoozedUntil: until });
  const untilText = DateTime.fromJSDate(until, { zone: workspace.timeZone }).toFormat('ccc d LLL');
  return reply(`Snoozed until ${untilText}: ${due.title} (by ${actor.displayName})`, { visibility: 'channel' });
}
