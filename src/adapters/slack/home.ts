import type { App, BlockAction, ButtonAction, types as SlackTypes } from '@slack/bolt';
import type { Reply } from '../../core/model/index.js';
import { contextFor, type SlackDeps } from './deps.js';
import { formModal, type FormName } from './modals.js';
import { LIMITS, plain } from './mrkdwn.js';
import { replyBlocks } from './render-reply.js';

export const HOME_ACTIONS = { log: 'home_log', add: 'home_add' } as const;

/** The App Home tab: what is due for the person who opens it (the core's `due`), and a Log button. */
export function registerHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const ctx = await contextFor(deps, { teamId: body.team_id, userId: event.user });
    const reply = await deps.core.run(ctx, 'due', {});
    await client.views.publish({ user_id: event.user, view: homeView(reply) });
  });

  for (const form of ['log', 'add'] as const satisfies readonly FormName[]) {
    app.action<BlockAction<ButtonAction>>(HOME_ACTIONS[form], async ({ ack, body, client }) => {
      await ack();
      await client.views.open({ trigger_id: body.trigger_id, view: formModal(deps.core.commands.find((c) => c.name === form)!, {}) });
    });
  }
}

export function homeView(reply: Reply): SlackTypes.HomeView {
  const top: SlackTypes.KnownBlock[] = [
    { type: 'header', text: plain('Your clients today', LIMITS.headerText) },
    {
      type: 'actions',
      elements: [
        { type: 'button', action_id: HOME_ACTIONS.log, style: 'primary', text: plain('Log an interaction', LIMITS.buttonText) },
        { type: 'button', action_id: HOME_ACTIONS.add, text: plain('Add a client', LIMITS.buttonText) },
      ],
    },
    { type: 'divider' },
  ];
  return { type: 'home', blocks: [...top, ...replyBlocks(reply, LIMITS.viewBlocks - top.length)] };
}
