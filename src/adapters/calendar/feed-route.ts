// GET /calendar/<token>.ics: the workspace whose feed the token opens, as iCalendar. An unknown,
// revoked or malformed token gets a bare 404, the same as any other path, so the server says
// nothing about which tokens exist. The token is never logged.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { feedEvents } from '../../core/calendar/feed-events.js';
import type { CalendarFeeds, Clock, Logger, Store } from '../../core/ports/index.js';
import type { Route } from '../health/router.js';
import { feedToIcs } from './ics.js';
import { TOKEN_PATTERN, hashToken } from './secrets.js';

/** More dates than any team keeps; the query stays bounded whatever is stored. */
export const FEED_LIMIT = 20_000;

export interface FeedRouteDeps {
  readonly feeds: CalendarFeeds;
  readonly store: Pick<Store, 'workspace'>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The host part of event UIDs (the public URL's host). */
  readonly domain: string;
}

export function calendarFeedRoute(deps: FeedRouteDeps): Route {
  return {
    method: 'GET',
    pattern: /^\/calendar\/([^/]+)\.ics$/,
    async handle(_req: IncomingMessage, res: ServerResponse, [token = '']: readonly string[]) {
      const workspace = TOKEN_PATTERN.test(token) ? await deps.feeds.workspaceForTokenHash(hashToken(token)) : null;
      if (workspace === null) {
        res.writeHead(404).end();
        return;
      }
      const rows = await deps.store.workspace(workspace.id).calendarDates(FEED_LIMIT);
      if (rows.length === FEED_LIMIT) deps.logger.warn({ workspaceId: workspace.id, limit: FEED_LIMIT }, 'calendar feed truncated at its limit');
      const body = feedToIcs(feedEvents(rows, deps.domain), deps.clock.now(), 'Client dates (Rapport)');
      res.writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'inline; filename="rapport.ics"',
        // Private data behind a secret address: no shared caches, and no referrer carrying the address onwards.
        'cache-control': 'private, no-store',
        'referrer-policy': 'no-referrer',
        'x-robots-tag': 'noindex',
      });
      res.end(body);
    },
  };
}
