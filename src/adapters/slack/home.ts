import type { App, BlockAction, ButtonAction, types as SlackTypes } from '@slack/bolt';
import type { Reply } from '../../core/model/index.js';
import { handleCommand } from '../../core/use-cases/handle-command.js';
import { contextFor, coreDeps, type SlackDeps } from './deps.js';
import { addModal, logModal } from './modals.js';
import { LIMITS, plain } from './mrkdwn.js';
import { replyBlocks } from './render-reply.js';

export const HOME_ACTIONS = { log: 'home_log', add: 'home_add' } as const;

/** The App Home tab: what is due for the person who opens it (the core's `due`), and a Log button. */
export function registerHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const ctx = await contextFor(deps, { teamId: body.team_id, userId: event.user });
    const reply = await handleCommand(coreDeps(deps), ctx, 'due');
    await client.views.publish({ user_id: event.user, view: homeView(reply) });
  });

  app.action<BlockAction<ButtonAction>>(HOME_ACTIONS.log, async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: body.trigger_id, view: logModal({}) });
  });

  app.action<BlockAction<ButtonAction>>(HOME_ACTIONS.add, async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: body.trigger_id, view: addModal({}) });
  });
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
