/**
 * Exact invariants after random churn (seeded): channel member lists equal the model's joined sessions, and
 * once every client logged out the server holds no connection, no session, and the process is back to its
 * baseline of active handles (no leaked sockets, timers or listeners, the RTM client's included).
 */
import { afterAll, describe, expect, it } from 'vitest';
import AgoraRTM from '../../rtm/index.js';
import { startServer } from '../../rtm/server/index.js';
import { RawClient, ReplyError, text } from '../../rtm/server/test-utils.js';
import { waitUntil } from '../events.js';
import { Figures } from './figures.js';
import { budgetMs, sized } from './scale.js';
import { randomSource, withSeed } from './seed.js';

const figures = new Figures('invariants');
afterAll(() => figures.write());

const CHANNELS = ['c0', 'c1', 'c2', 'c3', 'c4'];

function resourceCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

interface Member {
  uid: string;
  client: RawClient | null;
  resume: string | null;
  joined: Set<string>;
}

describe('exact invariants after churn', () => {
  it(
    'member lists equal the joined sessions; after logout nothing is left, handles back to baseline',
    async () => {
      await withSeed('invariants-churn', async (seed) => {
        const random = randomSource(seed);
        const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
        await new Promise((resolve) => setTimeout(resolve, 50));
        const baseline = resourceCounts();
        const server = await startServer({
          port: 0,
          log: false,
          presenceGraceMs: 400,
          heartbeatMs: 1000,
          memberCountIntervalMs: 50,
          peerAckTimeoutMs: 300,
          rateLimits: { joinSameChannelCount: 1000, joinAnyChannelCount: 1000 },
        });
        const members: Member[] = Array.from({ length: sized(12, 60) }, (_, i) => ({ uid: `m${i}`, client: null, resume: null, joined: new Set() }));
        const login = async (m: Member, resume: boolean): Promise<void> => {
          const { client, reply } = await RawClient.login(server.url, m.uid, resume && m.resume ? { resume: m.resume } : {});
          if (!reply.resumed) m.joined.clear(); // a fresh session starts with no channel
          m.client = client;
          m.resume = reply.session;
        };
        for (const m of members) await login(m, false);

        // One real SDK client takes part too, so its timers and listeners are covered by the leak check.
        const sdk = AgoraRTM.createInstance('0123456789abcdef0123456789abcdef', { endpoint: server.url });
        await sdk.login({ uid: 'sdk' });
        const sdkChannel = sdk.createChannel('c0');
        await sdkChannel.join();

        const ops = sized(300, 3000);
        const counts: Record<string, number> = {};
        for (let i = 0; i < ops; i++) {
          const m = pick(members);
          const roll = random();
          let op: string;
          if (!m.client) {
            op = 'come back';
            await login(m, true);
          } else if (roll < 0.45) {
            op = 'join';
            const ch = pick(CHANNELS);
            await m.client.request('ch.join', { ch });
            m.joined.add(ch);
          } else if (roll < 0.75) {
            op = 'leave';
            const ch = pick(CHANNELS);
            // Documented (docs/server.md): leaving a channel the session is not in is NOT_IN_CHANNEL.
            const outcome = await m.client.request('ch.leave', { ch }).then(
              () => 'ok',
              (error: Error) => (error instanceof ReplyError ? error.code : error.message),
            );
            expect(outcome, `${m.uid} leaves ${ch}`).toBe(m.joined.has(ch) ? 'ok' : 'NOT_IN_CHANNEL');
            m.joined.delete(ch);
          } else if (roll < 0.85) {
            op = 'send';
            const ch = pick(CHANNELS);
            await m.client.request('ch.send', { ch, msg: text('x') }).catch(() => undefined);
          } else if (roll < 0.95) {
            op = 'drop (resume later)';
            m.client.ws.terminate();
            m.client = null;
          } else {
            op = 'logout';
            await m.client.request('logout', {});
            m.client = null;
            m.resume = null;
            m.joined.clear();
          }
          counts[op] = (counts[op] ?? 0) + 1;
        }
        // Settle: everyone back (resuming within the grace or afresh after it).
        for (const m of members) if (!m.client) await login(m, true);
        const anyone = members[0]!.client!;
        for (const ch of CHANNELS) {
          const inside = members.filter((m) => m.joined.has(ch));
          const expected = inside.map((m) => m.uid);
          if (ch === 'c0') expected.push('sdk');
          // Member lists are for members only (NOT_IN_CHANNEL otherwise): ask each member, all must agree.
          for (const m of inside) expect((await m.client!.request('ch.members', { ch })).members.sort(), `${ch} seen by ${m.uid}`).toEqual(expected.sort());
          expect((await anyone.request('ch.count', { chs: [ch] })).counts[ch], ch).toBe(expected.length);
        }
        expect(server.hub.sessionCount).toBe(members.length + 1);

        for (const m of members) {
          await m.client!.request('logout', {});
          await m.client!.closed;
        }
        await sdk.logout();
        await waitUntil(() => server.connectionCount() === 0 && server.hub.sessionCount === 0, 5000, 'no connection and no session');
        await server.close();
        // Nothing above the baseline (vitest's own timers may come and go below it).
        const excess = (): Record<string, number> =>
          Object.fromEntries(Object.entries(resourceCounts()).filter(([type, n]) => n > (baseline[type] ?? 0)));
        await waitUntil(() => Object.keys(excess()).length === 0, 5000, 'active handles back to baseline').catch(() => undefined);
        expect(excess()).toEqual({});
        figures.set('churn', { members: members.length, operations: ops, byKind: counts });
      });
    },
    budgetMs(60_000, 300_000),
  );
});
