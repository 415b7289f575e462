/** The Redis engine case of the server suite: one real redis-server per test file, a fresh key prefix per engine. */
import { startRedis, type TestRedis } from '../../../test/redis-server.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RedisEngine } from '../engine/redis.js';
import type { Engine } from '../engine/types.js';
import type { ServerOptions } from '../options.js';
import { RedisStore } from '../storage/redis-store.js';
import type { DurableStore } from '../storage/types.js';

let shared: Promise<TestRedis> | null = null;
let current: TestRedis | null = null;
let users = 0;
let engines = 0;
let stores = 0;
let mediaRoot: string | null = null;

export const redisEngineCase = {
  name: 'redis',
  async setup(): Promise<void> {
    users++;
    shared ??= startRedis();
    current = await shared;
  },
  async teardown(): Promise<void> {
    if (--users > 0 || !shared) return;
    const redis = await shared;
    shared = current = null;
    await redis.dispose();
    if (mediaRoot) fs.rmSync(mediaRoot, { recursive: true, force: true });
    mediaRoot = null;
  },
  create(): Engine {
    if (!current) throw new Error('the redis engine case needs its setup() first (useServers calls it in beforeAll)');
    // A private prefix per engine isolates tests that share the server without flushing it.
    const prefix = `t${process.pid}.${engines++}:`;
    return new RedisEngine({ url: current.url, prefix, presenceGraceMs: 300, nodeTtlMs: 600 });
  },
  /** The Redis store, shared by the nodes of one engine (offline messages must be visible to every node). */
  createStore(options: Pick<ServerOptions, 'now' | 'storeLimits'>): Promise<DurableStore> {
    if (!current) throw new Error('the redis engine case needs its setup() first');
    mediaRoot ??= fs.mkdtempSync(path.join(os.tmpdir(), 'resignal-redis-media-'));
    const n = stores++;
    return RedisStore.open({
      url: current.url,
      prefix: `s${process.pid}.${n}:`,
      mediaDir: path.join(mediaRoot, `media-${n}`),
      ...(options.now ? { now: options.now } : {}),
      ...(options.storeLimits ? { limits: options.storeLimits } : {}),
    });
  },
};
