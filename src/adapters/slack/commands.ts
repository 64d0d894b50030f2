import type { App } from '@slack/bolt';
import { contextFor, paceKey, unescapeCommandText, type SlackDeps } from './deps.js';
import { formModal, type FormName } from './modals.js';
import { renderReply } from './render-reply.js';

/**
 * `/client <line>`: acknowledged before anything else (Slack allows three seconds; nothing is read
 * first), then the core runs as bounded work after the ack (`deps.work`) and its reply goes back
 * through the response URL without holding the work's slot. `log` and `add` with nothing after them open a form.
 */
export function registerCommands(app: App, deps: SlackDeps, commandName = '/client'): void {
  app.command(commandName, async (args) => {
    const { command, ack, respond, client } = args;
    await ack();
    // After the acknowledgement, so the channel's pace never delays it.
    const reply = (message: Parameters<typeof respond>[0]) => deps.pacer.run(paceKey(command.team_id, command.channel_id), () => respond(message));
    const text = unescapeCommandText(command.text ?? '').trim();
    const bare = text.toLowerCase();
    if (bare === 'log' || bare === 'add') {
      // Not queued: the trigger id expires three seconds after the command.
      const origin = { responseUrl: command.response_url, channel: command.channel_id };
      const definition = deps.core.commands.find((c) => c.name === (bare as FormName))!;
      await client.views.open({ trigger_id: command.trigger_id, view: formModal(definition, origin) });
      return;
    }
    await deps.work.run(args, async () => {
      const ctx = await contextFor(deps, {
        teamId: command.team_id,
        teamName: command.team_domain,
        userId: command.user_id,
        userName: command.user_name,
        channel: command.channel_id,
      });
      const rendered = renderReply(await deps.core.runLine(ctx, text));
      deps.work.deliver(() => reply(rendered));
    });
  });
}
