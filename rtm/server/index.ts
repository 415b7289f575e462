import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { EmbeddedEngine } from './engine/embedded.js';
import type { Engine } from './engine/types.js';
import { Gateway } from './gateway.js';
import { healthRoute } from './health.js';
import { HttpRouter, type HttpRoute } from './http.js';
import { Hub } from './hub/hub.js';
import { resolveOptions, type ResolvedOptions, type ServerOptions } from './options.js';
import { restRoutes } from './rest/index.js';
import { SERVER_VERSION } from './version.js';
import { webRoutes } from './web/index.js';
import { openStore } from './storage/index.js';
import type { DurableStore } from './storage/types.js';

export type { ServerOptions, RateLimits } from './options.js';
export type { HttpRoute, HttpContext } from './http.js';
export { sendJson, sendJsonError } from './http.js';
export type { Engine, EngineNode, SessionRef, NodeMessage, ChannelMessage } from './engine/types.js';
export { EmbeddedEngine } from './engine/embedded.js';
export { RedisEngine, type RedisEngineOptions } from './engine/redis.js';
export { RedisStore, type RedisStoreOptions } from './storage/redis-store.js';
export type { Logger, LogLevel } from './logger.js';
export { authenticate } from './auth.js';
export { AppsConfigError, loadAppsFile, parseApps, type AppConfig, type AppsRegistry } from './apps.js';
export type { ExpiredTokenPolicy, StateRateLimits } from './state-options.js';
export type { DocKind, DocTypes, DocumentEngine } from './engine/documents.js';
export { SERVER_VERSION } from './version.js';
export type { Hub } from './hub/hub.js';
export type { DurableStore, StoreLimits } from './storage/types.js';
export { openStore, StorageError, isStorageError } from './storage/index.js';
export type { RestLimits } from './rest/limits.js';
export { ServerMetrics, type MetricsSink, type StatusBody } from './web/index.js';

export interface RunningServer {
  /** http://host:port; the WebSocket endpoint is `${url}/rtm` with ws:. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly engine: Engine;
  /** The durable store: the embedded SQLite one in `dataDir`, or the one passed as `store`. */
  readonly store: DurableStore;
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
  const resolved = resolveOptions(input);
  const ownStore = input.store === undefined;
  // Without a data folder an embedded server keeps its data in a private temporary one (tests, scripts).
  const tempDir = ownStore && input.dataDir === undefined ? await mkdtemp(join(tmpdir(), 'resignal-data-')) : null;
  const options: ResolvedOptions = tempDir ? { ...resolved, dataDir: tempDir } : resolved;
  const dropTemp = async (): Promise<void> => {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  };
  let store: DurableStore;
  try {
    // A second server on the same folder fails here with StorageError STORE_LOCKED.
    store = input.store ?? (await openStore({ dataDir: options.dataDir, now: options.now, limits: options.storeLimits }));
  } catch (error) {
    await dropTemp();
    throw error;
  }
  const closeStore = async (): Promise<void> => {
    if (ownStore) await store.close();
    await dropTemp();
  };
  const ownEngine = input.engine === undefined;
  const engine = input.engine ?? new EmbeddedEngine();
  const hub = new Hub(engine, options, store);
  try {
    await engine.attach(hub);
  } catch (error) {
    if (ownEngine) await engine.close();
    await closeStore();
    throw error;
  }
  const startedAt = Date.now();
  const router = new HttpRouter(options.logger);
  const gateway = new Gateway(hub, options);
  router.add(healthRoute({ engine: engine.name, startedAt, connections: () => gateway.connections.size, sessions: () => hub.sessionCount }));
  for (const route of restRoutes({ hub, store, options })) router.add(route);
  const web = { metrics: options.metrics, version: SERVER_VERSION, nodeId: options.nodeId, engine: engine.name, startedAt, demo: options.demo, ...(options.webDirs ? { dirs: options.webDirs } : {}) };
  for (const route of webRoutes({ ...web, connections: () => gateway.connections.size, sessions: () => hub.sessionCount, channels: () => hub.channelCount })) router.add(route);
  for (const route of options.routes) router.add(route);

  const http = createServer(
    {
      // Slow-header (slowloris) sockets are closed after headersTimeoutMs instead of Node's 60 s; the check runs every
      // second (Node's default interval is 30 s) and only walks connections with a request in progress.
      headersTimeout: options.headersTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, options.headersTimeoutMs),
    },
    (req, res) => router.handle(req, res),
  );
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
    await closeStore();
    throw error;
  }
  const purge = setInterval(() => {
    store.purgeExpired().catch((error: unknown) => options.logger.error('purging expired data failed', error));
  }, options.purgeIntervalMs);
  purge.unref();
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  options.logger.debug(`resignal listening on ${url}`);
  if (!options.apps) {
    options.logger.warn('resignal: open development mode: no apps configured, every App ID logs in without a token. Use an apps file (--apps) in production.');
  }

  let closing: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    clearInterval(purge);
    const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
    await hub.close();
    await gateway.close();
    http.closeAllConnections();
    await stopped;
    if (ownEngine) await engine.close();
    await closeStore();
  };

  return {
    url,
    port: address.port,
    host: address.address,
    engine,
    store,
    hub,
    options,
    connectionCount: () => gateway.connections.size,
    addRoute: (route) => router.add(route),
    close: () => (closing ??= close()),
  };
}
