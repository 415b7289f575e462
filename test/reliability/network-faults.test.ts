/**
 * Network faults for a subset of real clients (rtm/client) through a TCP proxy, while every client sends
 * acknowledged peer messages. Checked exactly: each acknowledged message reaches its receiver's app once,
 * per-sender order holds, grace rules hold (no MemberLeft for an outage within the grace; exactly one
 * MemberLeft and one MemberJoined per client for a longer one), member lists equal the joined sessions, and
 * nothing is left on the server after every client logged out.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../rtm/server/index.js';
import { ENGINES, useServers } from '../../rtm/server/test/harness.js';
import { waitUntil } from '../events.js';
import { startTcpProxy, type TcpProxy } from '../tcp-proxy.js';
import { Figures } from './figures.js';
import { budgetMs, sized } from './scale.js';
import { randomSource, withSeed } from './seed.js';
import { PeerLedger } from './support/peer-ledger.js';
import { openRealClient, sendLoop, type RealClient } from './support/real-clients.js';

const figures = new Figures('network-faults');
afterAll(() => figures.write());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A random peer other than `self` (a client drops messages from its own uid, as RTM 1.x does). */
function otherThan(self: string, uids: readonly string[], random: () => number): string {
  const others = uids.filter((uid) => uid !== self);
  return others[Math.floor(random() * others.length)]!;
}

interface World {
  server: RunningServer;
  proxy: TcpProxy;
  clients: RealClient[];
  cutSubset: RealClient[];
  ledger: PeerLedger;
}

async function openWorld(server: RunningServer, count: number): Promise<World> {
  const proxy = await startTcpProxy(server.port);
  const ledger = new PeerLedger();
  const clients: RealClient[] = [];
  for (let i = 0; i < count; i++) {
    // Even clients go through the proxy (the subset that loses its network), odd ones connect directly.
    clients.push(await openRealClient(i % 2 === 0 ? proxy.url : server.url, `u${i}`, ledger));
  }
  // Only what happens after everyone is in counts.
  for (const c of clients) c.memberEvents.length = 0;
  return { server, proxy, clients, cutSubset: clients.filter((_, i) => i % 2 === 0), ledger };
}

async function settleAndCheck(world: World, label: string): Promise<void> {
  const { server, clients, ledger } = world;
  await waitUntil(() => clients.every((c) => c.client.connectionState === 'CONNECTED'), 20_000, 'every client CONNECTED');
  // Not fatal by itself: the exact report below names whatever is missing.
  await waitUntil(() => ledger.settled(), 15_000, 'every acknowledged message delivered').catch(() => undefined);
  await sleep(300); // room for late duplicates to show up
  const report = ledger.report();
  expect(report.lostAcknowledged).toEqual([]);
  expect(report.duplicates).toEqual([]);
  expect(report.orderViolations).toEqual([]);
  expect(report.acknowledged).toBeGreaterThan(0);
  // Member lists equal the set of joined sessions, from every client's point of view.
  const everyone = clients.map((c) => c.uid).sort();
  await waitUntil(() => server.hub.sessionCount === clients.length, 10_000, 'one session per client');
  for (const c of clients) expect((await c.channel.getMembers()).sort()).toEqual(everyone);
  figures.set(label, { clients: clients.length, ...report, lostAcknowledged: report.lostAcknowledged.length, duplicates: report.duplicates.length, orderViolations: report.orderViolations.length });
}

async function logoutAll(world: World): Promise<void> {
  for (const c of world.clients) await c.client.logout();
  await waitUntil(() => world.server.connectionCount() === 0 && world.server.hub.sessionCount === 0, 10_000, 'no connection and no session left');
  await world.proxy.close();
}

describe('network cut and restore', () => {
  const h = useServers(ENGINES[0]!);

  it(
    'outages within the grace: acknowledged messages exactly once, order kept, nobody leaves',
    async () => {
      await withSeed('network-cut', async (seed) => {
        const random = randomSource(seed);
        const server = await h.start({ presenceGraceMs: 5000, heartbeatMs: 1000, peerAckTimeoutMs: 1500 });
        const world = await openWorld(server, sized(10, 60));
        const uids = world.clients.map((c) => c.uid);
        let stop = false;
        const loops = world.clients.map((c) =>
          sendLoop(c, () => otherThan(c.uid, uids, random), world.ledger, () => stop, 5),
        );
        const cuts = sized(3, 12);
        for (let i = 0; i < cuts; i++) {
          await sleep(300 + random() * 400);
          world.proxy.block(true);
          world.proxy.cut();
          await sleep(100 + random() * 400);
          world.proxy.block(false);
        }
        await sleep(500);
        stop = true;
        await Promise.all(loops);
        await settleAndCheck(world, 'withinGrace');
        const left = world.clients.flatMap((c) => c.memberEvents.filter((e) => e.startsWith('left:')).map((e) => `${c.uid} saw ${e}`));
        const leavers = world.clients.filter((c) => left.some((line) => line.endsWith(`left:${c.uid}`)));
        expect(left, JSON.stringify([world.clients.map((c) => [c.uid, c.memberEvents]), leavers.map((c) => [c.uid, c.states])])).toEqual([]);
        // Every receiver came back within the grace: a message the server took is never lost, acknowledged or not
        // (queued during the outage, or written to a socket that died before the ack and replayed on the resume).
        expect(world.ledger.lostWith('false'), 'told hasPeerReceived false and never delivered').toEqual([]);
        figures.set('withinGraceCuts', cuts);
        await logoutAll(world);
      });
    },
    budgetMs(60_000, 300_000),
  );

  it(
    'an outage longer than the grace: each cut client leaves once and rejoins once; lists settle exactly',
    async () => {
      await withSeed('network-grace-expiry', async (seed) => {
        const random = randomSource(seed);
        const server = await h.start({ presenceGraceMs: 600, heartbeatMs: 1000, peerAckTimeoutMs: 1500 });
        const world = await openWorld(server, sized(8, 40));
        const uids = world.clients.map((c) => c.uid);
        let stop = false;
        const loops = world.clients.map((c) =>
          sendLoop(c, () => otherThan(c.uid, uids, random), world.ledger, () => stop, 10),
        );
        await sleep(300);
        world.proxy.block(true);
        world.proxy.cut();
        await sleep(1800);
        world.proxy.block(false);
        await sleep(800);
        stop = true;
        await Promise.all(loops);
        await settleAndCheck(world, 'beyondGrace');
        // Every client that stayed connected saw each cut client leave exactly once and come back exactly once.
        const stayed = world.clients.filter((c) => !world.cutSubset.includes(c));
        await waitUntil(
          () => stayed.every((c) => world.cutSubset.every((cut) => c.memberEvents.includes(`joined:${cut.uid}`))),
          10_000,
          'rejoin events',
        );
        for (const observer of stayed) {
          for (const cut of world.cutSubset) {
            const events = observer.memberEvents.filter((e) => e.endsWith(`:${cut.uid}`));
            expect(events, `${observer.uid} about ${cut.uid}`).toEqual([`left:${cut.uid}`, `joined:${cut.uid}`]);
          }
        }
        await logoutAll(world);
      });
    },
    budgetMs(60_000, 300_000),
  );
});
