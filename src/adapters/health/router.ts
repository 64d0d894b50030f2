// A few routes on the operator port (/healthz, /metrics, the calendar feed): method plus a path
// pattern, whose capture groups are handed to the handler. Anything else is a bare 404.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Route {
  readonly method: 'GET';
  /** Matched against the path without its query string; capture groups become `params`. */
  readonly pattern: RegExp;
  handle(req: IncomingMessage, res: ServerResponse, params: readonly string[]): Promise<void>;
}

/** Finds the route for a request and runs it; a handler that throws answers 500 with no details. */
export function routeRequest(routes: readonly Route[], req: IncomingMessage, res: ServerResponse, onError: (error: unknown) => void): void {
  const path = (req.url ?? '/').split('?')[0]!;
  for (const route of routes) {
    const match = req.method === route.method ? route.pattern.exec(path) : null;
    if (match === null) continue;
    route.handle(req, res, match.slice(1)).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
    return;
  }
  res.writeHead(404).end();
}
