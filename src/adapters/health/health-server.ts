import { createServer, type Server } from 'node:http';

export interface HealthServer {
  readonly server: Server;
  close(): Promise<void>;
}

/**
 * A tiny HTTP endpoint for orchestrators: GET /healthz answers 200 when every check passes
 * (the database answers, the chat platform is connected), 503 with the failing names otherwise.
 */
export async function startHealthServer(options: { port: number; host?: string; checks: Record<string, () => Promise<boolean>> }): Promise<HealthServer> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/healthz') {
      res.writeHead(404).end();
      return;
    }
    void Promise.all(
      Object.entries(options.checks).map(async ([name, check]) => [name, await check().catch(() => false)] as const),
    ).then((results) => {
      const failing = results.filter(([, ok]) => !ok).map(([name]) => name);
      res.writeHead(failing.length === 0 ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: failing.length === 0 ? 'ok' : 'unhealthy', failing }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '0.0.0.0', resolve));
  return { server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
