/** Test harness: one real server per test, closed with its clients afterwards; run once per engine. */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { EmbeddedEngine } from '../engine/embedded.js';
import type { Engine } from '../engine/types.js';
import { startServer, type RunningServer, type ServerOptions } from '../index.js';
import type { DurableStore } from '../storage/types.js';
import { RawClient, type RawClientOptions } from '../test-utils.js';
import { redisEngineCase } from './redis-case.js';

export interface EngineCase {
  name: string;
  create(): Engine;
  /** Runs once per test file before the first test (e.g. starts redis-server). */
  setup?(): Promise<void>;
  teardown?(): Promise<void>;
  /** The durable store that the nodes of one engine share; default: each server's own SQLite store. */
  createStore?(options: Pick<ServerOptions, 'now' | 'storeLimits'>): Promise<DurableStore>;
}

/** Every engine the suite runs against. */
export const ENGINES: EngineCase[] = [{ name: 'embedded', create: () => new EmbeddedEngine() }, redisEngineCase];

/** Short timings so grace, ack and count behaviour fit in a fast suite. */
export const FAST: ServerOptions = {
  port: 0,
  log: false,
  presenceGraceMs: 300,
  peerAckTimeoutMs: 300,
  memberCountIntervalMs: 100,
  loginTimeoutMs: 5000,
  heartbeatMs: 5000,
};

export function useServers(engineCase: EngineCase) {
  const servers: RunningServer[] = [];
  const engines: Engine[] = [];
  const clients: RawClient[] = [];
  const stores = new Map<Engine, Promise<DurableStore>>();

  beforeAll(async () => engineCase.setup?.());
  afterAll(async () => engineCase.teardown?.());

  afterEach(async () => {
    for (const client of clients.splice(0)) client.ws.terminate();
    await Promise.all(servers.splice(0).map((server) => server.close()));
    await Promise.all(engines.splice(0).map((engine) => engine.close()));
    const opened = [...stores.values()];
    stores.clear();
    await Promise.all(opened.map(async (store) => (await store).close()));
  });

  return {
    /** An engine closed after the test; pass it to several `start` calls to build a multi-node system. */
    engine(): Engine {
      const engine = engineCase.create();
      engines.push(engine);
      return engine;
    },
    async start(options: ServerOptions = {}): Promise<RunningServer> {
      const engine = options.engine ?? this.engine();
      let store = options.store;
      if (!store && engineCase.createStore) {
        let shared = stores.get(engine);
        if (!shared) stores.set(engine, (shared = engineCase.createStore({ now: options.now, storeLimits: options.storeLimits })));
        store = await shared;
      }
      const server = await startServer({ ...FAST, ...options, engine, ...(store ? { store } : {}) });
      servers.push(server);
      return server;
    },
    async connect(server: RunningServer, options?: RawClientOptions): Promise<RawClient> {
      const client = await RawClient.connect(server.url, options);
      clients.push(client);
      return client;
    },
    async login(server: RunningServer, uid: string, options?: Parameters<typeof RawClient.login>[2]) {
      const result = await RawClient.login(server.url, uid, options);
      clients.push(result.client);
      return result;
    },
  };
}
