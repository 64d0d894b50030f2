import type { Route } from '../health/router.js';
import type { Metrics } from './metrics.js';

/** GET /metrics in Prometheus text format, for the operator port. */
export function metricsRoute(metrics: Metrics): Route {
  return {
    method: 'GET',
    pattern: /^\/metrics$/,
    async handle(_req, res) {
      const body = await metrics.registry.metrics();
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(body);
    },
  };
}
