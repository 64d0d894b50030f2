// The container's HEALTHCHECK: exits 0 when Rapport's /healthz answers 200 on HEALTH_PORT.
import { get } from 'node:http';

const port = Number(process.env.HEALTH_PORT ?? 8081);
const request = get({ host: '127.0.0.1', port, path: '/healthz', timeout: 4000 }, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
request.on('timeout', () => request.destroy());
request.on('error', () => process.exit(1));
