import type { Redis } from 'ioredis';
import { StorageError } from './errors.js';
import { defineLua, type LuaRunner } from './redis-lua.js';
import type { HistoryFilter, HistoryInput, HistoryKind, HistoryMessage, HistoryQuery, StoreLimits } from './types.js';
import { HISTORY_QUERY_MAX_LIMIT, historyRecipients, historySize, isStorableHistory } from './history-record.js';
import { requireCount, requireText, requireTime } from './validate.js';

interface StoredHistory {
  id: string;
  kind: HistoryKind;
  from: string;
  to: string;
  ts: number;
  text: string;
  size: number;
  rcpt: string[];
}

/**
 * Per app (base = `<prefix>h:<app>:`): `msg` hash id → JSON; zsets scored by time whose members are
 * `<16-digit seq>:<id>` (ties sort by arrival): `all`, `src:<uid>`, `dst:<id>` (receiver, channel, and the
 * recorded recipients of channel messages), `pair:<src>\0<dst>`; `used` bytes for the budget.
 */
const REMOVE = `
local function remove(base, member)
  local id = string.sub(member, 18)
  local raw = redis.call('HGET', base .. 'msg', id)
  redis.call('ZREM', base .. 'all', member)
  if not raw then return 0 end
  local m = cjson.decode(raw)
  redis.call('ZREM', base .. 'src:' .. m.from, member)
  redis.call('ZREM', base .. 'dst:' .. m.to, member)
  redis.call('ZREM', base .. 'pair:' .. m.from .. '\\0' .. m.to, member)
  for _, r in ipairs(m.rcpt) do redis.call('ZREM', base .. 'dst:' .. r, member) end
  redis.call('HDEL', base .. 'msg', id)
  redis.call('DECRBY', base .. 'used', m.size)
  return 1
end
`;

const LUA = {
  /** KEYS: sequence, apps set. ARGV: base, app, id, json, ts, size, budget, from, to, recipients… */
  append: `${REMOVE}
local base = ARGV[1]
if redis.call('HEXISTS', base .. 'msg', ARGV[3]) == 1 then return 1 end
local size = tonumber(ARGV[6])
local budget = tonumber(ARGV[7])
local used = tonumber(redis.call('GET', base .. 'used') or '0')
while used + size > budget do
  local oldest = redis.call('ZRANGE', base .. 'all', 0, 0)
  if #oldest == 0 then break end
  remove(base, oldest[1])
  used = tonumber(redis.call('GET', base .. 'used') or '0')
end
local member = string.format('%016d', redis.call('INCR', KEYS[1])) .. ':' .. ARGV[3]
local ts = tonumber(ARGV[5])
redis.call('HSET', base .. 'msg', ARGV[3], ARGV[4])
redis.call('ZADD', base .. 'all', ts, member)
redis.call('ZADD', base .. 'src:' .. ARGV[8], ts, member)
redis.call('ZADD', base .. 'dst:' .. ARGV[9], ts, member)
redis.call('ZADD', base .. 'pair:' .. ARGV[8] .. '\\0' .. ARGV[9], ts, member)
for i = 10, #ARGV do redis.call('ZADD', base .. 'dst:' .. ARGV[i], ts, member) end
redis.call('INCRBY', base .. 'used', size)
redis.call('SADD', KEYS[2], ARGV[2])
return 1`,
  /** ARGV: base, cutoff (exclusive). Removes messages older than the cutoff; returns the count. */
  purge: `${REMOVE}
local n = 0
for _, member in ipairs(redis.call('ZRANGEBYSCORE', ARGV[1] .. 'all', '-inf', '(' .. ARGV[2])) do
  n = n + remove(ARGV[1], member)
end
return n`,
};

type Shape = { key: string };

/** Historical TEXT messages in Redis: 7-day retention and a per-app byte budget evicting the oldest. */
export class RedisHistory {
  private readonly lua: LuaRunner<keyof typeof LUA>;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: StoreLimits,
  ) {
    this.lua = defineLua(redis, 'resignal_history', LUA);
  }

  private base(app: string): string {
    return `${this.prefix}h:${app}:`;
  }

  isStorable(msg: HistoryInput): boolean {
    return isStorableHistory(msg);
  }

  async write(msg: HistoryInput, now: number): Promise<boolean> {
    if (msg.msg.type !== 'TEXT' || msg.ts <= now - this.limits.historyRetentionMs) return false;
    const rcpt = historyRecipients(msg, this.limits.historyRecipientsMax);
    const size = historySize(msg, msg.msg.text, rcpt);
    if (size > this.limits.historyBytesPerApp) return false;
    const stored: StoredHistory = { id: msg.id, kind: msg.kind, from: msg.from, to: msg.to, ts: msg.ts, text: msg.msg.text, size, rcpt };
    await this.lua.append(
      [`${this.prefix}h-seq`, `${this.prefix}h-apps`],
      [this.base(msg.appId), msg.appId, msg.id, JSON.stringify(stored), msg.ts, size, this.limits.historyBytesPerApp, msg.from, msg.to, ...rcpt],
    );
    return true;
  }

  async query(query: HistoryQuery, now: number): Promise<HistoryMessage[]> {
    const { key } = this.shapeOf(query);
    if (query.order !== 'asc' && query.order !== 'desc') throw new StorageError('INVALID_QUERY', 'order must be asc or desc.');
    requireCount('offset', query.offset, 0, Number.MAX_SAFE_INTEGER);
    requireCount('limit', query.limit, 1, HISTORY_QUERY_MAX_LIMIT);
    const [start, end] = this.range(query, now);
    if (start >= end) return [];
    const members =
      query.order === 'asc'
        ? await this.redis.zrangebyscore(key, start, `(${end}`, 'LIMIT', query.offset, query.limit)
        : await this.redis.zrevrangebyscore(key, `(${end}`, start, 'LIMIT', query.offset, query.limit);
    if (members.length === 0) return [];
    const bodies = await this.redis.hmget(`${this.base(query.appId)}msg`, ...members.map((member) => member.slice(17)));
    const out: HistoryMessage[] = [];
    for (const raw of bodies) {
      if (!raw) continue;
      const m = JSON.parse(raw) as StoredHistory;
      out.push({ id: m.id, kind: m.kind, from: m.from, to: m.to, ts: m.ts, text: m.text });
    }
    return out;
  }

  async count(filter: HistoryFilter, now: number): Promise<number> {
    const { key } = this.shapeOf(filter);
    const [start, end] = this.range(filter, now);
    if (start >= end) return 0;
    return this.redis.zcount(key, start, `(${end}`);
  }

  async purge(now: number): Promise<number> {
    const cutoff = now - this.limits.historyRetentionMs + 1;
    let removed = 0;
    for (const app of await this.redis.smembers(`${this.prefix}h-apps`)) removed += Number(await this.lua.purge([], [this.base(app), cutoff]));
    return removed;
  }


  /** The three filter shapes of REST §9.3; a channel as source matches nothing (only users send). */
  private shapeOf(filter: HistoryFilter): Shape {
    requireText('appId', filter.appId);
    requireTime('startMs', filter.startMs);
    requireTime('endMs', filter.endMs);
    const base = this.base(filter.appId);
    const source = filter.source ? filter.source : undefined;
    const destination = filter.destination ? filter.destination : undefined;
    if (source && destination) return { key: `${base}pair:${source}\u0000${destination}` };
    if (source) return { key: `${base}src:${source}` };
    if (destination) return { key: `${base}dst:${destination}` };
    throw new StorageError('INVALID_QUERY', 'source and destination cannot both be empty.');
  }

  /** Messages past retention are invisible even before `purgeExpired` removes them. */
  private range(filter: HistoryFilter, now: number): [number, number] {
    return [Math.max(filter.startMs, now - this.limits.historyRetentionMs + 1), filter.endMs];
  }
}
