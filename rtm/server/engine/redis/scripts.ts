import type { Redis } from 'ioredis';

/**
 * Lua scripts: every read-compare-write on shared state runs atomically in Redis, so two nodes never
 * interleave inside one registry or membership change.
 */
const LUA = {
  /** KEYS: session, node index. ARGV: ref, entry, prefix, app, uid. Returns the previous ref (or nil). */
  claim: `
local prev = redis.call('GET', KEYS[1])
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SADD', KEYS[2], ARGV[2])
if not prev or prev == ARGV[1] then return false end
local at = string.find(prev, '@', 1, true)
if at then
  local sid = string.sub(prev, 1, at - 1)
  local node = string.sub(prev, at + 1)
  redis.call('SREM', ARGV[3] .. 'n:' .. node .. ':s', ARGV[4] .. '\\0' .. ARGV[5] .. '\\0' .. sid)
end
return prev`,
  /** KEYS: session, node index. ARGV: ref, entry. 1 when released. */
  release: `
redis.call('SREM', KEYS[2], ARGV[2])
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0`,
  /** KEYS: presence. ARGV: state ('OFFLINE' deletes). Returns the previous state or nil. */
  presence: `
local prev = redis.call('GET', KEYS[1])
if ARGV[1] == 'OFFLINE' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[1]) end
return prev`,
  /** KEYS: members, node index. ARGV: uid, ref, entry. Returns {added, count}. */
  addMember: `
local prev = redis.call('HGET', KEYS[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
return { prev and 0 or 1, redis.call('HLEN', KEYS[1]) }`,
  /** KEYS: members, node index. ARGV: uid, ref, entry. Returns {removed, count}. */
  removeMember: `
redis.call('SREM', KEYS[2], ARGV[3])
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then
  redis.call('HDEL', KEYS[1], ARGV[1])
  return { 1, redis.call('HLEN', KEYS[1]) }
end
return { 0, redis.call('HLEN', KEYS[1]) }`,
  /** Reaper, first notice of a dead node. KEYS: session, presence. ARGV: ref. 1 when ONLINE became UNREACHABLE. */
  markUnreachable: `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if redis.call('GET', KEYS[2]) ~= 'ONLINE' then return 0 end
redis.call('SET', KEYS[2], 'UNREACHABLE')
return 1`,
  /**
   * Reaper: ends a dead node's session if it still holds the uid, with what goes offline with it.
   * KEYS: session, presence, user attributes, user metadata. ARGV: ref. 1 when ended.
   */
  reapSession: `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
return 1`,
  /** KEYS: document. ARGV: expected ('' absent / '=' .. json), next ('' delete / '=' .. json). 1 when written. */
  compareAndSet: `
local current = redis.call('GET', KEYS[1])
local expected = ARGV[1]
if expected == '' then
  if current then return 0 end
elseif not current or ('=' .. current) ~= expected then
  return 0
end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
elseif current then
  redis.call('SET', KEYS[1], string.sub(ARGV[2], 2), 'KEEPTTL')
else
  redis.call('SET', KEYS[1], string.sub(ARGV[2], 2))
end
return 1`,
  /**
   * Heartbeat. KEYS: alive, dead, grace, reaped, nodes. ARGV: node, ttl ms.
   * Returns 1 when the node had been reaped meanwhile (its state must be written again).
   */
  heartbeat: `
redis.call('SET', KEYS[1], '1', 'PX', ARGV[2])
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('SADD', KEYS[5], ARGV[1])
return redis.call('DEL', KEYS[4])`,
  /**
   * Writes a session back after its node was reaped or Redis lost data; never overrides a newer holder.
   * KEYS: session, presence, node session index. ARGV: ref, entry, state. 1 when the session holds the uid.
   */
  restoreSession: `
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SADD', KEYS[3], ARGV[2])
if not redis.call('GET', KEYS[2]) then redis.call('SET', KEYS[2], ARGV[3]) end
return 1`,
  /** KEYS: members, node index. ARGV: uid, ref, entry. Adds the membership unless another session holds it. */
  restoreMember: `
local prev = redis.call('HGET', KEYS[1], ARGV[1])
if prev and prev ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
return 1`,
} as const;

type ScriptName = keyof typeof LUA;
type Reply = string | number | null | Reply[];
export type ScriptRunner = Record<ScriptName, (keys: string[], args: (string | number)[]) => Promise<Reply>>;

const commandName = (name: ScriptName): string => `resignal_${name}`;

/** Defines every script on `redis` (EVALSHA with a fallback to EVAL, handled by ioredis). */
export function defineScripts(redis: Redis): ScriptRunner {
  const runner = {} as ScriptRunner;
  for (const name of Object.keys(LUA) as ScriptName[]) {
    redis.defineCommand(commandName(name), { lua: LUA[name] });
    const command = (redis as unknown as Record<string, (...args: (string | number)[]) => Promise<Reply>>)[commandName(name)]!.bind(redis);
    runner[name] = (keys, args) => command(keys.length, ...keys, ...args);
  }
  return runner;
}
