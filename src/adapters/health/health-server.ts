import { createServer, type Server } from 'node:http';
import { routeRequest, type Route } from './router.js';

export type { Route } from './router.js';

export interface HealthServer {
  readonly server: Server;
  close(): Promise<void>;
}

/**
 * The operator port (HEALTH_PORT). GET /healthz answers 200 when every check passes (the database
 * answers, the chat platform is connected), 503 with the failing names otherwise. Other routes
 * (/metrics, the calendar feed) are added by the composition root; any other path is a bare 404.
 */
export async function startHealthServer(options: {
  port: number;
  host?: string;
  checks: Record<string, () => Promise<boolean>>;
  routes?: readonly Route[];
  onError?: (error: unknown) => void;
}): Promise<HealthServer> {
  const routes: Route[] = [healthRoute(options.checks), ...(options.routes ?? [])];
  const server = createServer((req, res) => routeRequest(routes, req, res, options.onError ?? (() => {})));
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '0.0.0.0', resolve));
  return { server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function healthRoute(checks: Record<string, () => Promise<boolean>>): Route {
  return {
    method: 'GET',
    pattern: /^\/healthz$/,
    async handle(_req, res) {
      const results = await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await check().catch(() => false)] as const));
      const failing = results.filter(([, ok]) => !ok).map(([name]) => name);
      res.writeHead(failing.length === 0 ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: failing.length === 0 ? 'ok' : 'unhealthy', failing }));
    },
  };
}
