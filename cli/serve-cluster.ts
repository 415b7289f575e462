import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { RedisEngine } from '../rtm/server/engine/redis.js';
import { leveledLogger } from '../rtm/server/logger.js';
import type { Engine } from '../rtm/server/engine/types.js';
import { RedisStore } from '../rtm/server/storage/redis-store.js';
import type { DurableStore } from '../rtm/server/storage/types.js';

const MEDIA_TICKET_KEY = 'resignal:media-ticket-key';

export interface ClusterBackends {
  readonly engine: Engine;
  readonly store: DurableStore;
  /** Where media bytes go: must be the same shared folder on every node. */
  readonly mediaDir: string;
  /** The media-ticket key shared through Redis, so a ticket issued by one node is accepted by every node. */
  readonly mediaTicketKey: Uint8Array;
  /** Closes the engine and the store (after the server closed; a passed engine is not closed by the server). */
  close(): Promise<void>;
}

/** `--redis`: the Redis engine for routing and shared state, the Redis store for durable data. */
export async function openClusterBackends(options: { url: string; dataDir: string; presenceGraceMs?: number }): Promise<ClusterBackends> {
  let parsed: URL;
  try {
    parsed = new URL(options.url);
  } catch {
    throw new Error('--redis must be a URL such as redis://127.0.0.1:6379');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new Error(`--redis must start with redis:// or rediss://, got ${parsed.protocol}//`);
  const mediaDir = path.join(options.dataDir, 'media');
  const store = await RedisStore.open({ url: options.url, mediaDir, redis: { connectTimeout: 5000 } });
  let mediaTicketKey: Uint8Array;
  try {
    // The first node to start picks the key; SET NX makes every later node read the same one.
    await store.redis.set(MEDIA_TICKET_KEY, randomBytes(32).toString('base64'), 'NX');
    mediaTicketKey = new Uint8Array(Buffer.from((await store.redis.get(MEDIA_TICKET_KEY)) ?? '', 'base64'));
  } catch (error) {
    await store.close();
    throw error;
  }
  const engine = new RedisEngine({
    url: options.url,
    logger: leveledLogger(console, 'info'),
    eventLog: store,
    redis: { connectTimeout: 5000 },
    ...(options.presenceGraceMs === undefined ? {} : { presenceGraceMs: options.presenceGraceMs }),
  });
  return {
    engine,
    store,
    mediaDir,
    mediaTicketKey,
    async close() {
      await engine.close();
      await store.close();
    },
  };
}
