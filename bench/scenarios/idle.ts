import type { RunContext } from '../context.js';
import { openClients, uidList } from '../load/pool.js';
import { SYSTEM_IDS } from '../systems.js';
import { bySize } from './sizes.js';
import type { Scenario } from './types.js';
import { asSystem, withServer } from './with-server.js';

const SETTLE_MS = 1000;

async function measure(subject: string, ctx: RunContext, clients: number): Promise<Record<string, number>> {
  const system = asSystem(subject);
  return withServer(ctx, system, async (server) => {
    const before = await server.control.rpc.call('usage', { gc: true });
    const opened = await openClients(ctx, ctx.clientKind(system), server.url, uidList('idle', clients), { concurrency: 200 });
    await new Promise((resolve) => setTimeout(resolve, ctx.options.smoke ? 100 : SETTLE_MS));
    const after = await server.control.rpc.call('usage', { gc: true });
    return {
      clients: opened.opened,
      rssKBPerClient: (after.rss - before.rss) / 1024 / clients,
      heapKBPerClient: (after.heapUsed - before.heapUsed) / 1024 / clients,
      serverRssMB: after.rss / 1024 / 1024,
    };
  });
}

export const idleScenario: Scenario = {
  id: 'idle',
  title: 'Idle connections',
  description:
    'C clients connect and log in (resignal: login; raw ws: a login message binding the uid; Socket.IO: the handshake with the uid), then stay idle. Server memory after a full GC, minus the same before any client, divided by C.',
  metrics: [
    { key: 'rssKBPerClient', label: 'RSS/client', unit: 'KB', digits: 1 },
    { key: 'heapKBPerClient', label: 'heap/client', unit: 'KB', digits: 1 },
    { key: 'serverRssMB', label: 'server RSS', unit: 'MB', digits: 0 },
  ],
  maxRounds: 2,
  cases: (options) =>
    [bySize(options, { smoke: 5, quick: 2000, full: 10_000 })].map((clients) => ({
      label: `C=${clients}`,
      subjects: SYSTEM_IDS,
      measure: (subject, ctx) => measure(subject, ctx, clients),
    })),
};
