import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../core/ports/index.js';

/**
 * Global middleware for single-workspace mode (SLACK_BOT_TOKEN): the token belongs to one team, so
 * a request from any other team (an app shared by mistake, a distributed app without OAuth) is
 * refused with a log line instead of creating a workspace whose digests would go out with this
 * team's token. The request is acknowledged empty, so Slack shows nothing and does not retry.
 */
export function onlyServedTeam(servedTeam: () => string | undefined, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const served = servedTeam();
    const team = args.context.teamId;
    if (served === undefined || team === served) return args.next();
    logger.warn({ teamId: team ?? 'none', servedTeamId: served }, 'refused a request from another Slack team: with SLACK_BOT_TOKEN set, Rapport serves only the team that token belongs to');
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)().catch(() => undefined);
  };
}
