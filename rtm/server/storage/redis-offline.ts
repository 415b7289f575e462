import type { Redis } from 'ioredis';
import type { WireMessage } from '../../protocol/index.js';
import { StorageError } from './errors.js';
import { defineLua, type LuaRunner } from './redis-lua.js';
import type { OfflineMessage, StoreLimits } from './types.js';
import { requireText, requireTime } from './validate.js';

/** A stored offline message: the wire message as JSON (bytes as base64, see bytesReplacer), plus its expiry. */
interface StoredOffline {
  from: string;
  ts: number;
  exp: number;
  msg: OfflineMessage['msg'];
}

const BYTES_TAG = '$bytes';

/** JSON cannot hold bytes: RAW data and media thumbnails become `{ $bytes: base64 }` and come back as Uint8Array. */
function bytesReplacer(this: unknown, key: string, value: unknown): unknown {
  const raw = (this as Record<string, unknown>)[key];
  return raw instanceof Uint8Array ? { [BYTES_TAG]: Buffer.from(raw).toString('base64') } : value;
}

function bytesReviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && BYTES_TAG in value) {
    return new Uint8Array(Buffer.from(String((value as Record<string, unknown>)[BYTES_TAG]), 'base64'));
  }
  return value;
}

function isMediaMessage(body: Record<string, unknown>): boolean {
  const common = typeof body['mediaId'] === 'string' && typeof body['size'] === 'number' && typeof body['fileName'] === 'string' && typeof body['description'] === 'string';
  if (!common || (body['thumbnail'] !== undefined && !(body['thumbnail'] instanceof Uint8Array))) return false;
  return body['type'] === 'FILE' || (body['type'] === 'IMAGE' && typeof body['width'] === 'number' && typeof body['height'] === 'number');
}

const LUA = {
  /**
   * KEYS: order zset, bodies hash, sequence, expiry zset. ARGV: id, body, expiresAt, cap, expiry-entry prefix.
   * Order by a sequence (not time: equal timestamps must keep enqueue order); past the cap the oldest go.
   */
  enqueue: `
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 0 end
local seq = redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[1], seq, ARGV[1])
redis.call('ZADD', KEYS[4], ARGV[3], ARGV[5] .. ARGV[1])
local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[4])
if over > 0 then
  for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, over - 1)) do
    redis.call('ZREM', KEYS[1], id)
    redis.call('HDEL', KEYS[2], id)
    redis.call('ZREM', KEYS[4], ARGV[5] .. id)
  end
end
return 1`,
  /** KEYS: order zset, bodies hash, expiry zset. ARGV: expiry-entry prefix, ids… Returns how many were deleted. */
  ack: `
local n = 0
for i = 2, #ARGV do
  if redis.call('ZREM', KEYS[1], ARGV[i]) == 1 then
    n = n + 1
    redis.call('HDEL', KEYS[2], ARGV[i])
    redis.call('ZREM', KEYS[3], ARGV[1] .. ARGV[i])
  end
end
return n`,
  /** KEYS: expiry zset. ARGV: now, key prefix. Deletes every expired message; returns the count. */
  purge: `
local n = 0
for _, entry in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])) do
  local a = string.find(entry, '\\0', 1, true)
  local b = string.find(entry, '\\0', a + 1, true)
  local owner = string.sub(entry, 1, b - 1)
  local id = string.sub(entry, b + 1)
  local app = string.sub(entry, 1, a - 1)
  local uid = string.sub(entry, a + 1, b - 1)
  local base = ARGV[2] .. 'o:' .. app .. ':' .. uid
  if redis.call('ZREM', base .. ':order', id) == 1 then n = n + 1 end
  redis.call('HDEL', base .. ':body', id)
  redis.call('ZREM', KEYS[1], entry)
end
return n`,
};

/** Offline peer messages in Redis: per receiver an order zset and a body hash; one expiry zset for purging. */
export class RedisOffline {
  private readonly lua: LuaRunner<keyof typeof LUA>;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: StoreLimits,
  ) {
    this.lua = defineLua(redis, 'resignal_offline', LUA);
  }

  private base(app: string, uid: string): string {
    return `${this.prefix}o:${app}:${uid}`;
  }

  private get expiry(): string {
    return `${this.prefix}o-expiry`;
  }

  validate(msg: OfflineMessage): void {
    requireText('appId', msg.appId);
    requireText('id', msg.id);
    requireText('from', msg.from);
    requireText('to', msg.to);
    requireTime('ts', msg.ts);
    const body = msg.msg as Partial<WireMessage> | undefined;
    const ok =
      (body?.type === 'TEXT' && typeof body.text === 'string') ||
      (body?.type === 'RAW' && typeof body.description === 'string' && body.data instanceof Uint8Array) ||
      (body !== undefined && isMediaMessage(body));
    if (!ok) throw new StorageError('INVALID_ARGUMENT', 'msg must be a TEXT, RAW, IMAGE or FILE wire message.');
  }

  async enqueue(msg: OfflineMessage, now: number): Promise<void> {
    const exp = now + this.limits.offlineTtlMs;
    const stored: StoredOffline = { from: msg.from, ts: msg.ts, exp, msg: msg.msg };
    const base = this.base(msg.appId, msg.to);
    await this.lua.enqueue(
      [`${base}:order`, `${base}:body`, `${this.prefix}o-seq`, this.expiry],
      [msg.id, JSON.stringify(stored, bytesReplacer), exp, this.limits.offlinePerReceiver, `${msg.appId}\u0000${msg.to}\u0000`],
    );
  }

  async pending(appId: string, uid: string, limit: number, now: number): Promise<OfflineMessage[]> {
    const base = this.base(appId, uid);
    // At most `offlinePerReceiver` ids: small enough to read whole, skipping the expired ones.
    const ids = await this.redis.zrange(`${base}:order`, '0', '-1');
    if (ids.length === 0) return [];
    const bodies = await this.redis.hmget(`${base}:body`, ...ids);
    const out: OfflineMessage[] = [];
    for (const [i, id] of ids.entries()) {
      const raw = bodies[i];
      if (!raw) continue;
      const stored = JSON.parse(raw, bytesReviver) as StoredOffline;
      if (stored.exp <= now) continue;
      out.push({ appId, id, from: stored.from, to: uid, ts: stored.ts, msg: stored.msg });
      if (out.length === limit) break;
    }
    return out;
  }

  async delete(appId: string, uid: string, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const base = this.base(appId, uid);
    return Number(await this.lua.ack([`${base}:order`, `${base}:body`, this.expiry], [`${appId}\u0000${uid}\u0000`, ...ids]));
  }

  async purge(now: number): Promise<number> {
    return Number(await this.lua.purge([this.expiry], [now, this.prefix]));
  }
}

