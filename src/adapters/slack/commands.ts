import type { App } from '@slack/bolt';
import { contextFor, paceKey, unescapeCommandText, type SlackDeps } from './deps.js';
import { formModal, type FormName } from './modals.js';
import { renderReply } from './render-reply.js';

/**
 * `/client <line>`: acknowledged at once (Slack allows three seconds), then the core runs and its
 * reply goes back through the response URL. `log` and `add` with nothing after them open a form.
 */
export function registerCommands(app: App, deps: SlackDeps, commandName = '/client'): void {
  app.command(commandName, async ({ command, ack, respond, client }) => {
    await ack();
    // After the acknowledgement, so the channel's pace never delays it.
    const reply = (message: Parameters<typeof respond>[0]) => deps.pacer.run(paceKey(command.team_id, command.channel_id), () => respond(message));
    const text = unescapeCommandText(command.text ?? '').trim();
    const bare = text.toLowerCase();
    if (bare === 'log' || bare === 'add') {
      const origin = { responseUrl: command.response_url, channel: command.channel_id };
      const definition = deps.core.commands.find((c) => c.name === (bare as FormName))!;
      await client.views.open({ trigger_id: command.trigger_id, view: formModal(definition, origin) });
      return;
    }
    const ctx = await contextFor(deps, {
      teamId: command.team_id,
      teamName: command.team_domain,
      userId: command.user_id,
      userName: command.user_name,
      channel: command.channel_id,
    });
    try {
      await reply(renderReply(await deps.core.runLine(ctx, text)));
    } catch (error) {
      // An infrastructure fault (database down, Slack unreachable): the person should not be left waiting.
      deps.logger.error({ err: error, teamId: command.team_id }, 'slash command failed');
      await reply({ response_type: 'ephemeral', text: 'Rapport could not finish that just now; the error is logged. Please try again in a minute.' }).catch(() => undefined);
    }
  });
}
