/**
 * Faults of the whole server process, against the real binary (dist/cli/resignal.js serve):
 * - a reconnect storm: N lean clients spread over worker processes lose their connections at once (TCP proxy
 *   cut) and all resume within the grace — every one resumed, one session each, the channel count exact;
 * - SIGKILL during load and restart on the same data folder: every client logs in again and rejoins, and every
 *   offline message acknowledged as cached before the crash is delivered exactly once after it.
 * N is 5,000 in the full run (`npm run test:reliability`) and a few hundred in `npm test`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RawClient, ReplyError, text } from '../../rtm/server/test-utils.js';
import { eventually } from '../events.js';
import { freePort, requireBuild, startServerProcess, type ServerProcess } from '../server-process.js';
import { startTcpProxy } from '../tcp-proxy.js';
import { Figures } from './figures.js';
import { budgetMs, sized } from './scale.js';
import { seedFor } from './seed.js';
import { startStormWorkers, type StormWorkers } from './storm/children.js';
import { sumStatus } from './storm/sum.js';
import type { StormStatus } from './storm/worker-api.js';

const figures = new Figures('process-faults');
const dataDir = mkdtempSync(join(tmpdir(), 'resignal-reliability-'));
const running: ServerProcess[] = [];
let workers: StormWorkers | null = null;

afterAll(async () => {
  figures.write();
  await workers?.stop();
  await Promise.all(running.map((server) => server.stop('SIGKILL')));
  rmSync(dataDir, { recursive: true, force: true });
});

const CLIENTS = sized(150, 5000);
const OFFLINE_SENDS = sized(60, 190);
/** Clients per worker process: far below the ~20,000 descriptors a process may hold. */
const PER_WORKER = 1250;

interface Health {
  connections: number;
  sessions: number;
}

async function health(url: string): Promise<Health> {
  return (await (await fetch(`${url}/healthz`)).json()) as Health;
}

async function statusOfAll(): Promise<StormStatus> {
  const all = await Promise.all(workers!.workers.map((w) => w.rpc.call('status', null)));
  return sumStatus(all);
}

async function openStorm(url: string, prefix: string): Promise<void> {
  const count = Math.max(2, Math.ceil(CLIENTS / PER_WORKER));
  workers = await startStormWorkers(count);
  const uids = Array.from({ length: CLIENTS }, (_, i) => `${prefix}${i}`);
  await Promise.all(
    workers.workers.map((w, i) =>
      w.rpc.call('open', { url, uids: uids.filter((_, j) => j % count === i), channels: ['storm'], seed: seedFor(`storm-${prefix}-${i}`), concurrency: 100 }),
    ),
  );
}

async function channelCount(url: string, checker: string): Promise<number> {
  const { client } = await RawClient.login(url, checker);
  try {
    return (await client.request('ch.count', { chs: ['storm'] })).counts['storm'] ?? -1;
  } finally {
    await client.request('logout', {});
    await client.closed;
  }
}

describe('process faults (real binary)', () => {
  it(
    `reconnect storm: ${CLIENTS} clients lose their connections at once and all resume their sessions`,
    async () => {
      requireBuild();
      const port = await freePort();
      const server = await startServerProcess(['--port', String(port), '--data', join(dataDir, 'storm')]);
      running.push(server);
      const proxy = await startTcpProxy(port);
      try {
        const openedAt = performance.now();
        await openStorm(proxy.url, 's');
        const openMs = performance.now() - openedAt;
        expect((await statusOfAll()).ready).toBe(CLIENTS);
        expect(await health(server.url)).toMatchObject({ connections: CLIENTS, sessions: CLIENTS });

        const cutAt = performance.now();
        proxy.cut();
        // A client counts as resumed at its login reply and as ready one round trip later (its channel re-join reply).
        await eventually(
          async () => {
            const status = await statusOfAll();
            return status.resumed >= CLIENTS && status.ready >= CLIENTS;
          },
          budgetMs(30_000, 120_000),
          'every client resumed and re-joined',
        );
        const stormMs = performance.now() - cutAt;
        const after = await statusOfAll();
        expect(after, JSON.stringify(after)).toMatchObject({ ready: CLIENTS, resumed: CLIENTS, fresh: 0 });
        await eventually(async () => (await health(server.url)).connections === CLIENTS, 10_000, 'one connection per client');
        expect(await health(server.url)).toMatchObject({ connections: CLIENTS, sessions: CLIENTS });
        expect(await channelCount(server.url, 'checker-1')).toBe(CLIENTS);

        await Promise.all(workers!.workers.map((w) => w.rpc.call('logoutAll', null)));
        let last: Health | null = null;
        await eventually(async () => {
          last = await health(server.url);
          return last.connections === 0 && last.sessions === 0;
        }, 20_000, 'nothing left after every client logged out').catch((error: Error) => {
          throw new Error(`${error.message}: ${JSON.stringify(last)}`);
        }).catch(async (error: Error) => {
          throw new Error(`${error.message} ${JSON.stringify(await statusOfAll())}`);
        });
        figures.set('reconnectStorm', { clients: CLIENTS, workers: workers!.workers.length, openMs: Math.round(openMs), allResumedMs: Math.round(stormMs), failedAttempts: after.failedAttempts });
      } finally {
        await workers?.stop();
        workers = null;
        await proxy.close();
        await server.stop('SIGTERM');
      }
    },
    budgetMs(90_000, 400_000),
  );

  it(
    `SIGKILL during load: ${CLIENTS} clients come back, rejoin, and every offline message acknowledged as cached survives once`,
    async () => {
      requireBuild();
      const port = await freePort();
      const folder = join(dataDir, 'crash');
      const first = await startServerProcess(['--port', String(port), '--data', folder]);
      running.push(first);
      await openStorm(first.url, 'k');
      try {
        // Load while the server dies: a sender streams offline messages to an inbox that is not logged in.
        const { client: sender } = await RawClient.login(first.url, 'sender');
        const cached: string[] = [];
        let crashed = false;
        const stream = (async () => {
          // At most OFFLINE_SENDS sends: the store keeps the newest 200 per receiver, more would evict by design.
          for (let n = 0; !crashed && n < OFFLINE_SENDS; n++) {
            try {
              const result = await sender.request('peer.send', { to: 'inbox', msg: text(`o${n}`), offline: true });
              if (result.cached) cached.push(`o${n}`);
            } catch (error) {
              // Over the 180-per-3-s send limit: wait and go on. Anything else: the server died under this send.
              if (!(error instanceof ReplyError && error.code === 'TOO_OFTEN')) return;
              await new Promise((resolve) => setTimeout(resolve, 500));
            }
          }
        })();
        await eventually(async () => Promise.resolve(cached.length >= OFFLINE_SENDS * 0.8), budgetMs(20_000, 120_000), 'cached offline messages');
        await first.stop('SIGKILL');
        crashed = true;
        await stream;
        const killedAt = performance.now();

        const second = await startServerProcess(['--port', String(port), '--data', folder]);
        running.push(second);
        await eventually(async () => (await statusOfAll()).ready === CLIENTS, budgetMs(60_000, 180_000), 'every client back');
        const backMs = performance.now() - killedAt;
        const after = await statusOfAll();
        expect(after.fresh).toBe(CLIENTS); // a restarted server knows no session: every client logged in afresh
        expect(await channelCount(second.url, 'checker-2')).toBe(CLIENTS);

        const { client: inbox } = await RawClient.login(second.url, 'inbox');
        const got: string[] = [];
        const collect = async (): Promise<boolean> => {
          for (const frame of inbox.events.splice(0)) if (frame.t === 'peer.msg' && frame.msg.type === 'TEXT') got.push(frame.msg.text);
          return Promise.resolve(cached.every((t) => got.includes(t)));
        };
        await eventually(collect, budgetMs(15_000, 60_000), 'every cached message delivered');
        await new Promise((resolve) => setTimeout(resolve, 300));
        await collect();
        expect(new Set(got).size).toBe(got.length);
        await inbox.request('logout', {});
        await Promise.all(workers!.workers.map((w) => w.rpc.call('logoutAll', null)));
        figures.set('sigkillRestart', { clients: CLIENTS, allBackMs: Math.round(backMs), cachedBeforeCrash: cached.length, deliveredAfterRestart: got.length, duplicates: got.length - new Set(got).size });
        expect(await second.stop('SIGTERM')).toBe(0);
      } finally {
        await workers?.stop();
        workers = null;
      }
    },
    budgetMs(120_000, 600_000),
  );
});
