import type { App, ViewSubmitAction } from '@slack/bolt';
import { DateTime } from 'luxon';
import { updateDigestItem } from './actions.js';
import { answer } from './answer.js';
import { contextFor, type SlackDeps } from './deps.js';
import { CALLBACKS, CLIENT_PICKER, FORMS, errorField, readForm, readOrigin, readSnoozeForm, type FormName } from './modals.js';
import { LIMITS, clip, plain } from './mrkdwn.js';

/**
 * Form submissions run the core before acknowledging, so that an expected failure (an unreadable
 * date, a taken name) shows on the form field instead of as a separate message. That work is one
 * short transaction; bench/slack-ack.ts measures it against Slack's three seconds.
 */
export function registerSubmissions(app: App, deps: SlackDeps): void {
  for (const name of Object.keys(FORMS) as FormName[]) {
    const form = FORMS[name];
    app.view<ViewSubmitAction>(form.callback, async ({ ack, body, view, client }) => {
      const command = deps.core.commands.find((c) => c.name === name)!;
      const origin = readOrigin(view.private_metadata);
      const ctx = await contextFor(deps, { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id, userName: body.user.name, channel: origin.channel });
      // The same executor as the typed command, with the form's values: nothing is rebuilt as text.
      const reply = await deps.core.run({ ...ctx, via: 'modal' }, name, readForm(command, view.state.values));
      if (!reply.ok) {
        const fields: readonly string[] = form.fields;
        return void (await ack({ response_action: 'errors', errors: { [errorField(reply, fields, fields[fields.length - 1]!)]: clip(reply.text, 150) } }));
      }
      await ack();
      await answer(deps, client, origin, { teamId: ctx.workspace.externalId, userId: body.user.id }, reply);
    });
  }

  app.view<ViewSubmitAction>(CALLBACKS.snooze, async ({ ack, body, view, client }) => {
    const date = readSnoozeForm(view.state.values);
    const origin = readOrigin(view.private_metadata);
    if (!date || !origin.nudgeId) return void (await ack({ response_action: 'errors', errors: { until: 'Pick a date.' } }));
    const ctx = await contextFor(deps, { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id, userName: body.user.name, channel: origin.channel });
    // The picked day starts at midnight where the workspace is, not where the server is.
    const until = DateTime.fromISO(date, { zone: ctx.workspace.timeZone }).startOf('day');
    if (!until.isValid) return void (await ack({ response_action: 'errors', errors: { until: 'Pick a date.' } }));
    const reply = await deps.core.actOnNudge(ctx, { nudgeId: origin.nudgeId, action: 'snooze', span: { until: until.toJSDate() } });
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
    const ctx = await contextFor(deps, { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id });
    const clients = await deps.core.suggestClients(ctx.workspace, options.value ?? '', 100);
    await ack({ options: clients.map((c) => ({ text: plain(c.name, LIMITS.optionText), value: c.id })) });
  });
}
