import type { App, Middleware, AnyMiddlewareArgs } from '@slack/bolt';
import type { Clock, Logger, ProcessedEvents } from '../../core/ports/index.js';
import { removeInstallation, type InstallationStoreDeps } from './installation-store.js';

/** How long a processed event id is remembered; Slack stops retrying long before. */
const REMEMBER_MS = 24 * 3_600_000;

/**
 * Global middleware: an Events API delivery whose event_id was already processed stops here, so a
 * retry (after a slow ack or a lost response) has no second effect. The id is claimed before the
 * listeners run and given back if they fail, so a retry can then do the work.
 */
export function dedupeEvents(deps: { readonly processedEvents: ProcessedEvents; readonly clock: Clock; readonly logger: Logger }): Middleware<AnyMiddlewareArgs> {
  let prunedAt = 0;
  return async ({ body, next }) => {
    const eventId = (body as { type?: unknown; event_id?: unknown }).type === 'event_callback' ? (body as { event_id?: unknown }).event_id : undefined;
    if (typeof eventId !== 'string') return next();
    const now = deps.clock.now();
    if (!(await deps.processedEvents.claim('slack', eventId, now))) {
      deps.logger.info({ eventId }, 'slack event already processed; skipping the retry');
      return;
    }
    if (now.getTime() - prunedAt > 3_600_000) {
      prunedAt = now.getTime();
      await deps.processedEvents.forgetBefore(new Date(now.getTime() - REMEMBER_MS));
    }
    try {
      await next();
    } catch (error) {
      await deps.processedEvents.release('slack', eventId);
      throw error;
    }
  };
}

/** app_uninstalled and tokens_revoked both remove the installation, in any order, any number of times. */
export function registerUninstall(app: App, deps: Pick<InstallationStoreDeps, 'installations' | 'lifecycle' | 'clock'> & { readonly logger: Logger }): void {
  app.event('app_uninstalled', async ({ body, context }) => {
    await removeInstallation(deps, { teamId: context.teamId ?? body.team_id, enterpriseId: context.enterpriseId });
    deps.logger.info({ teamId: context.teamId ?? body.team_id }, 'slack app uninstalled; installation removed');
  });
  app.event('tokens_revoked', async ({ body, context }) => {
    await removeInstallation(deps, { teamId: context.teamId ?? body.team_id, enterpriseId: context.enterpriseId });
    deps.logger.info({ teamId: context.teamId ?? body.team_id }, 'slack tokens revoked; installation removed');
  });
}
