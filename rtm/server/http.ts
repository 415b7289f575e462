import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from './logger.js';

/** What a route handler may read about the running server. */
export interface HttpContext {
  readonly url: URL;
  readonly logger: Logger;
}

/**
 * An HTTP route. Other modules (REST API, metrics, demo pages) register routes through `ServerOptions.routes` or
 * `RunningServer.addRoute` instead of editing the core. `path` is an exact pathname or a RegExp tested on it.
 */
export interface HttpRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD' | '*';
  path: string | RegExp;
  handle(req: IncomingMessage, res: ServerResponse, ctx: HttpContext): void | Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendJsonError(res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(res, status, { error: { code, message } });
}

function matches(route: HttpRoute, method: string, pathname: string): boolean {
  if (route.method !== '*' && route.method !== method && !(route.method === 'GET' && method === 'HEAD')) return false;
  return typeof route.path === 'string' ? route.path === pathname : route.path.test(pathname);
}

/** Routes requests in registration order; unknown paths get a JSON 404 and handler failures a JSON 500. */
export class HttpRouter {
  private readonly routes: HttpRoute[] = [];

  constructor(private readonly logger: Logger) {}

  add(route: HttpRoute): () => void {
    this.routes.push(route);
    return () => {
      const index = this.routes.indexOf(route);
      if (index >= 0) this.routes.splice(index, 1);
    };
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendJsonError(res, 400, 'INVALID_ARGUMENT', 'Malformed request URL.');
      return;
    }
    const route = this.routes.find((r) => matches(r, req.method ?? 'GET', url.pathname));
    if (!route) {
      sendJsonError(res, 404, 'NOT_FOUND', `No route for ${req.method ?? 'GET'} ${url.pathname}.`);
      return;
    }
    const fail = (error: unknown): void => {
      this.logger.error(`HTTP ${url.pathname} failed`, error);
      if (!res.headersSent) sendJsonError(res, 500, 'INTERNAL', 'The server failed while handling the request.');
      else res.destroy();
    };
    try {
      const done = route.handle(req, res, { url, logger: this.logger });
      if (done) done.catch(fail);
    } catch (error) {
      fail(error);
    }
  }
}
