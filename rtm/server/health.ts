import type { HttpRoute } from './http.js';
import { sendJson } from './http.js';
import { SERVER_VERSION } from './version.js';

export interface HealthSource {
  engine: string;
  startedAt: number;
  connections(): number;
  sessions(): number;
}

export function healthRoute(source: HealthSource): HttpRoute {
  return {
    method: 'GET',
    path: '/healthz',
    handle(_req, res) {
      sendJson(res, 200, {
        status: 'ok',
        version: SERVER_VERSION,
        engine: source.engine,
        uptimeS: Math.floor((Date.now() - source.startedAt) / 1000),
        connections: source.connections(),
        sessions: source.sessions(),
      });
    },
  };
}
