/**
 * Redis restart in cluster mode: two server nodes share one RedisEngine; Redis is killed (SIGKILL, a crash)
 * and started again on the same port and AOF. Afterwards cross-node peer messages are acknowledged end to end
 * again, channel fan-out crosses nodes again, and member lists and presence equal the logged-in sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisEngine } from '../../rtm/server/engine/redis.js';
import { startServer, type RunningServer } from '../../rtm/server/index.js';
import { RawClient, text } from '../../rtm/server/test-utils.js';
import { eventually } from '../events.js';
import { hasRedisServer, startRedis, type TestRedis } from '../redis-server.js';
import { Figures } from './figures.js';
import { budgetMs, sized } from './scale.js';

const figures = new Figures('cluster-faults');
const available = hasRedisServer();
let redis: TestRedis | null = null;
const servers: RunningServer[] = [];
const engines: RedisEngine[] = [];
const clients: RawClient[] = [];

beforeAll(async () => {
  if (available) redis = await startRedis();
});
afterAll(async () => {
  figures.write();
  for (const c of clients) c.ws.terminate();
  await Promise.all(servers.map((s) => s.close()));
  await Promise.all(engines.map((e) => e.close()));
  await redis?.dispose();
});

describe.skipIf(!available)('cluster mode: Redis restart', () => {
  it(
    'two nodes recover routing, fan-out, member lists and presence after Redis is killed and restarted',
    async () => {
      const engine = new RedisEngine({ url: redis!.url, prefix: `rel${process.pid}:`, presenceGraceMs: 2000, nodeTtlMs: 3000 });
      engines.push(engine);
      const options = { port: 0, log: false as const, engine, presenceGraceMs: 2000, peerAckTimeoutMs: 1000 };
      const n1 = await startServer({ ...options, nodeId: 'n1' });
      const n2 = await startServer({ ...options, nodeId: 'n2' });
      servers.push(n1, n2);
      const perNode = sized(5, 50);
      const login = async (server: RunningServer, uid: string): Promise<RawClient> => {
        const { client } = await RawClient.login(server.url, uid);
        clients.push(client);
        await client.request('ch.join', { ch: 'room' });
        return client;
      };
      const left = await Promise.all(Array.from({ length: perNode }, (_, i) => login(n1, `a${i}`)));
      const right = await Promise.all(Array.from({ length: perNode }, (_, i) => login(n2, `b${i}`)));
      const everyone = [...left, ...right];
      const uids = [...Array.from({ length: perNode }, (_, i) => `a${i}`), ...Array.from({ length: perNode }, (_, i) => `b${i}`)].sort();

      const crossNodeWorks = async (): Promise<boolean> => {
        try {
          const sent = await left[0]!.request('peer.send', { to: 'b0', msg: text('across') });
          const fanout = await right[0]!.request('ch.send', { ch: 'room', msg: text('fan-out') });
          return sent.delivered && fanout.ts > 0;
        } catch {
          return false;
        }
      };
      expect(await crossNodeWorks()).toBe(true);

      await redis!.stop('SIGKILL');
      const downAt = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await redis!.start();
      await eventually(crossNodeWorks, 30_000, 'cross-node routing after the Redis restart');
      const recoveredMs = performance.now() - downAt;

      // Exact state after recovery: every node sees every member, every uid online, nobody kicked.
      await eventually(async () => {
        const members = (await right[1]!.request('ch.members', { ch: 'room' })).members.sort();
        return JSON.stringify(members) === JSON.stringify(uids);
      }, 15_000, 'member lists equal the logged-in sessions');
      const online = (await left[1]!.request('status.query', { uids })).online;
      expect(Object.values(online).every(Boolean)).toBe(true);
      expect(everyone.every((c) => c.closeStatus === null)).toBe(true);
      figures.set('redisRestart', { nodes: 2, clients: everyone.length, recoveredMs: Math.round(recoveredMs) });
    },
    budgetMs(60_000, 120_000),
  );
});
