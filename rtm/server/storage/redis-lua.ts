import type { Redis } from 'ioredis';

type Reply = string | number | null | Reply[];
export type LuaRunner<N extends string> = Record<N, (keys: string[], args: (string | number)[]) => Promise<Reply>>;

/** Defines Lua scripts on a connection (EVALSHA, falling back to EVAL) and returns typed callers. */
export function defineLua<N extends string>(redis: Redis, namespace: string, scripts: Record<N, string>): LuaRunner<N> {
  const runner = {} as LuaRunner<N>;
  for (const name of Object.keys(scripts) as N[]) {
    const command = `${namespace}_${name}`;
    redis.defineCommand(command, { lua: scripts[name] });
    const call = (redis as unknown as Record<string, (...args: (string | number)[]) => Promise<Reply>>)[command]!.bind(redis);
    runner[name] = (keys, args) => call(keys.length, ...keys, ...args);
  }
  return runner;
}
