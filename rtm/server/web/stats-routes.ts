import type { HttpRoute } from '../http.js';
import { sendJson } from '../http.js';
import { PROMETHEUS_CONTENT_TYPE, renderPrometheus } from './prometheus.js';
import { metricFamilies, statusBody, type StatsSource } from './server-stats.js';
import { allowRead } from './static.js';

/** `GET /metrics` (Prometheus text) and `GET /status` (JSON for the status page). */
export function statsRoutes(source: StatsSource): HttpRoute[] {
  return [
    {
      method: '*',
      path: '/metrics',
      handle(req, res) {
        if (!allowRead(req, res)) return;
        const body = renderPrometheus(metricFamilies(source));
        res.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE, 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
    },
    {
      method: '*',
      path: '/status',
      handle(req, res) {
        if (!allowRead(req, res)) return;
        res.setHeader('cache-control', 'no-store');
        sendJson(res, 200, statusBody(source));
      },
    },
  ];
}
