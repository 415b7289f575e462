import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startRedis, type TestRedis } from '../../../test/redis-server.js';
import { durableStoreContract } from './contract/index.js';
import { RedisStore } from './redis-store.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'resignal-redis-store-'));
let redis: TestRedis;
let counter = 0;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis.dispose();
  fs.rmSync(root, { recursive: true, force: true });
});

// A fresh key prefix and media folder per store: one redis-server serves the whole suite.
durableStoreContract(({ now, limits }) => {
  const n = counter++;
  return RedisStore.open({ url: redis.url, prefix: `store${n}:`, mediaDir: path.join(root, `media-${n}`), now, ...(limits ? { limits } : {}) });
});
