import type { App, ViewSubmitAction } from '@slack/bolt';
import { DateTime } from 'luxon';
import { quoteIfNeeded } from '../../core/commands/tokenize.js';
import type { Reply } from '../../core/model/index.js';
import { actOnNudge } from '../../core/use-cases/act-on-nudge.js';
import { handleCommand } from '../../core/use-cases/handle-command.js';
import { logFromForm } from '../../core/use-cases/log-from-form.js';
import { updateDigestItem } from './actions.js';
import { answer } from './answer.js';
import { contextFor, coreDeps, type SlackDeps } from './deps.js';
import { CALLBACKS, CLIENT_PICKER, errorBlock, readAddForm, readLogForm, readOrigin, readSnoozeForm } from './modals.js';
import { LIMITS, clip, plain } from './mrkdwn.js';

type Errors = Record<string, string>;

/**
 * Form submissions run the core before acknowledging, so that an expected failure (an unreadable
 * date, a taken name) shows on the form field instead of as a separate message. That work is one
 * short transaction; bench/slack-ack.ts measures it against Slack's three seconds.
 */
export function registerSubmissions(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(CALLBACKS.log, async ({ ack, body, view, client }) => {
    const form = readLogForm(view.state.values);
    if (!form.clientId) return void (await ack({ response_action: 'errors', errors: { client: 'Pick a client.' } }));
    if (!form.summary) return void (await ack({ response_action: 'errors', errors: { note: 'Say what happened.' } }));
    const origin = readOrigin(view.private_metadata);
    const ctx = await contextFor(deps, { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id, userName: body.user.name, channel: origin.channel });
    const reply = await logFromForm(coreDeps(deps), ctx, { ...form, clientId: form.clientId });
    if (!reply.ok) return void (await ack(errorsFor(reply, ['client', 'kind', 'mood', 'note', 'when'], 'note')));
    await ack();
    await answer(deps, client, origin, { teamId: ctx.workspace.externalId, userId: body.user.id }, reply);
  });

  app.view<ViewSubmitAction>(CALLBACKS.add, async ({ ack, body, view, client }) => {
    const form = readAddForm(view.state.values);
    if (!form.name) return void (await ack({ response_action: 'errors', errors: { name: 'Give the client a name.' } }));
    // The form is translated into the one command language, so adding follows the same rules either way.
    const words = ['add', quoteIfNeeded(form.name), `tier:${form.tier}`];
    if (form.ownerSlackId) words.push(`owner:<@${form.ownerSlackId}>`);
    if (form.alias) words.push(`alias:${quoteIfNeeded(form.alias)}`);
    const origin = readOrigin(view.private_metadata);
    const ctx = await contextFor(deps, { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id, userName: body.user.name, channel: origin.channel });
    const reply = await handleCommand(coreDeps(deps), ctx, words.join(' '));
    if (!reply.ok) return void (await ack(errorsFor(reply, ['name', 'tier', 'owner', 'alias'], 'name')));
    await ack();
    await answer(deps, client, origin, { teamId: ctx.workspace.externalId, userId: body.user.id }, reply);
  });

  app.view<ViewSubmitAction>(CALLBACKS.snooze, async ({ ack, body, view, client }) => {
    const date = readSnoozeForm(view.state.values);
    const origin = readOrigin(view.private_metadata);
    if (!date || !origin.nudgeId) return void (await ack({ response_action: 'errors', errors: { until: 'Pick a date.' } }));
    const ctx = await contextFor(deps, { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id, userName: body.user.name, channel: origin.channel });
    // The picked day starts at midnight where the workspace is, not where the server is.
    const until = DateTime.fromISO(date, { zone: ctx.workspace.timeZone }).startOf('day');
    if (!until.isValid) return void (await ack({ response_action: 'errors', errors: { until: 'Pick a date.' } }));
    const reply = await actOnNudge(coreDeps(deps), ctx, { nudgeId: origin.nudgeId, action: 'snooze', span: { until: until.toJSDate() } });
    if (!reply.ok) return void (await ack({ response_action: 'errors', errors: { until: clip(reply.text, 150) } }));
    await ack();
    if (origin.channel && origin.messageTs) {
      await updateDigestItem(deps, client, { teamId: ctx.workspace.externalId, channel: origin.channel, ts: origin.messageTs, blocks: undefined, text: undefined }, origin.nudgeId, reply, body.user.id);
    } else {
      await answer(deps, client, origin, { teamId: ctx.workspace.externalId, userId: body.user.id }, { ...reply, visibility: 'private' });
    }
  });

  // Type-ahead for the client picker: the workspace's clients whose name or alias contains the text.
  app.options(CLIENT_PICKER, async ({ ack, body, options }) => {
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const ctx = await contextFor(deps, { teamId, userId: body.user.id });
    const directory = await deps.store.workspace(ctx.workspace.id).clientDirectory();
    const query = fold(options.value ?? '');
    const scored = directory
      .map((c) => ({ c, names: [c.name, ...c.aliases].map(fold) }))
      .filter(({ names }) => query === '' || names.some((n) => n.includes(query)))
      .sort((a, b) => Number(b.names.some((n) => n.startsWith(query))) - Number(a.names.some((n) => n.startsWith(query))) || a.c.name.localeCompare(b.c.name));
    await ack({ options: scored.slice(0, 100).map(({ c }) => ({ text: plain(c.name, LIMITS.optionText), value: c.id })) });
  });
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

function errorsFor(reply: Reply, blocks: readonly string[], fallback: string): { response_action: 'errors'; errors: Errors } {
  return { response_action: 'errors', errors: { [errorBlock(reply.code, blocks, fallback)]: clip(reply.text, 150) } };
}
