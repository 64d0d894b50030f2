import type { App, ViewSubmitAction } from '@slack/bolt';
import { DateTime } from 'luxon';
import { updateDigestItem } from './actions.js';
import { answer } from './answer.js';
import { contextFor, type SlackDeps } from './deps.js';
import { CALLBACKS, CLIENT_PICKER, FORMS, errorField, readForm, readOrigin, readSnoozeForm, type FormName } from './modals.js';
import { LIMITS, clip, plain } from './mrkdwn.js';

/**
 * Form submissions are acknowledged before the core runs. What can be judged without the database (a
 * missing field, an unreadable date) is answered on the form's field, as part of the ack; the rest
 * runs as bounded work after it (`deps.work`), and its reply, failure or not, goes where the form
 * came from (the command's response URL, else a direct message).
 */
export function registerSubmissions(app: App, deps: SlackDeps): void {
  for (const name of Object.keys(FORMS) as FormName[]) {
    const form = FORMS[name];
    app.view<ViewSubmitAction>(form.callback, async (args) => {
      const { ack, body, view, client } = args;
      const command = deps.core.commands.find((c) => c.name === name)!;
      const origin = readOrigin(view.private_metadata);
      const ctx = await contextFor(deps, { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id, userName: body.user.name, channel: origin.channel });
      // The same executor as the typed command, with the form's values: nothing is rebuilt as text.
      const values = readForm(command, view.state.values);
      const refused = deps.core.check(ctx, name, values);
      if (refused) {
        const fields: readonly string[] = form.fields;
        return void (await ack({ response_action: 'errors', errors: { [errorField(refused, fields, fields[fields.length - 1]!)]: clip(refused.text, 150) } }));
      }
      await ack();
      await deps.work.run(args, async () => {
        const reply = await deps.core.run({ ...ctx, via: 'modal' }, name, values);
        deps.work.deliver(() => answer(deps, client, origin, { teamId: ctx.workspace.externalId, userId: body.user.id }, reply));
      });
    });
  }

  app.view<ViewSubmitAction>(CALLBACKS.snooze, async (args) => {
    const { ack, body, view, client } = args;
    const date = readSnoozeForm(view.state.values);
    const origin = readOrigin(view.private_metadata);
    if (!date || !origin.nudgeId) return void (await ack({ response_action: 'errors', errors: { until: 'Pick a date.' } }));
    const nudgeId = origin.nudgeId;
    const ctx = await contextFor(deps, { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id, userName: body.user.name, channel: origin.channel });
    // The picked day starts at midnight where the workspace is, not where the server is.
    const until = DateTime.fromISO(date, { zone: ctx.workspace.timeZone }).startOf('day');
    if (!until.isValid) return void (await ack({ response_action: 'errors', errors: { until: 'Pick a date.' } }));
    await ack();
    await deps.work.run(args, async () => {
      const reply = await deps.core.actOnNudge(ctx, { nudgeId, action: 'snooze', span: { until: until.toJSDate() } });
      if (reply.ok && origin.channel && origin.messageTs) {
        const message = { teamId: ctx.workspace.externalId, channel: origin.channel, ts: origin.messageTs, blocks: undefined, text: undefined };
        deps.work.deliver(() => updateDigestItem(deps, client, message, nudgeId, reply, body.user.id));
      } else {
        deps.work.deliver(() => answer(deps, client, origin, { teamId: ctx.workspace.externalId, userId: body.user.id }, { ...reply, visibility: 'private' }));
      }
    });
  });

  // Type-ahead for the client picker: the workspace's clients whose name or alias contains the text.
  app.options(CLIENT_PICKER, async ({ ack, body, options }) => {
    const ctx = await contextFor(deps, { teamId: body.team?.id ?? body.user.team_id ?? '', userId: body.user.id });
    const clients = await deps.core.suggestClients(ctx.workspace, options.value ?? '', 100);
    await ack({ options: clients.map((c) => ({ text: plain(c.name, LIMITS.optionText), value: c.id })) });
  });
}
