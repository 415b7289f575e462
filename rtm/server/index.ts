import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmbeddedEngine } from './engine/embedded.js';
import type { Engine } from './engine/types.js';
import { Gateway } from './gateway.js';
import { healthRoute } from './health.js';
import { HttpRouter, type HttpRoute } from './http.js';
import { Hub } from './hub/hub.js';
import { resolveOptions, type ResolvedOptions, type ServerOptions } from './options.js';

export type { ServerOptions, RateLimits } from './options.js';
export type { HttpRoute, HttpContext } from './http.js';
export { sendJson, sendJsonError } from './http.js';
export type { Engine, EngineNode, SessionRef, NodeMessage, ChannelMessage } from './engine/types.js';
export { EmbeddedEngine } from './engine/embedded.js';
export type { Logger, LogLevel } from './logger.js';
export { authenticate } from './auth.js';
export { SERVER_VERSION } from './version.js';
export type { Hub } from './hub/hub.js';

export interface RunningServer {
  /** http://host:port; the WebSocket endpoint is `${url}/rtm` with ws:. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly engine: Engine;
  /** For tests and metrics. */
  readonly hub: Hub;
  readonly options: Readonly<ResolvedOptions>;
  connectionCount(): number;
  /** Adds an HTTP route; returns a function that removes it. */
  addRoute(route: HttpRoute): () => void;
  /** Stops accepting, closes sockets with 1001, clears every timer; resolves when all is closed. */
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startServer(input: ServerOptions = {}): Promise<RunningServer> {
  const options = resolveOptions(input);
  const ownEngine = input.engine === undefined;
  const engine = input.engine ?? new EmbeddedEngine();
  const hub = new Hub(engine, options);
  await engine.attach(hub);
  const startedAt = Date.now();
  const router = new HttpRouter(options.logger);
  const gateway = new Gateway(hub, options);
  router.add(healthRoute({ engine: engine.name, startedAt, connections: () => gateway.connections.size, sessions: () => hub.sessionCount }));
  for (const route of options.routes) router.add(route);

  const http = createServer((req, res) => router.handle(req, res));
  http.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  http.on('clientError', (_error, socket) => socket.destroy());
  http.on('error', (error) => options.logger.error('HTTP server error', error));

  let address: AddressInfo;
  try {
    address = await listen(http, options.port, options.host);
  } catch (error) {
    await gateway.close();
    await hub.close();
    if (ownEngine) await engine.close();
    throw error;
  }
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  options.logger.debug(`resignal listening on ${url}`);

  let closing: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
    await hub.close();
    await gateway.close();
    http.closeAllConnections();
    await stopped;
    if (ownEngine) await engine.close();
  };

  return {
    url,
    port: address.port,
    host: address.address,
    engine,
    hub,
    options,
    connectionCount: () => gateway.connections.size,
    addRoute: (route) => router.add(route),
    close: () => (closing ??= close()),
  };
}
