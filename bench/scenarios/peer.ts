import type { RunContext } from '../context.js';
import { sendIntervalFor } from '../load/clients/types.js';
import { openClients, spread } from '../load/pool.js';
import type { PeerLoopResult } from '../load/worker-api.js';
import { corePercent, measureWindow } from '../measure.js';
import { Histogram } from '../stats/histogram.js';
import { SYSTEM_IDS, type SystemId } from '../systems.js';
import { bySize, sendWindowMs } from './sizes.js';
import type { Scenario } from './types.js';
import { asSystem, withServer } from './with-server.js';

const BYTES = 100;
/** Every round starts a fresh server: a short unmeasured send first, so no system is measured while its JIT is cold. */
const WARM_UP_MS = 500;

/**
 * Opens `pairs` pairs of clients (a0, b0, a1, b1, …: with two workers every pair spans both processes); returns
 * each worker's senders as [from, to], every client sending to its partner.
 */
export async function openPeerPairs(ctx: RunContext, system: SystemId, url: string, pairs: number): Promise<[string, string][][]> {
  const uids = Array.from({ length: pairs }, (_, i) => [`a${i}`, `b${i}`]).flat();
  await openClients(ctx, ctx.clientKind(system), url, uids, { concurrency: 100 });
  const routes = uids.map((uid): [string, string] => [uid, uid.startsWith('a') ? `b${uid.slice(1)}` : `a${uid.slice(1)}`]);
  return spread(routes, ctx);
}

async function measure(subject: string, ctx: RunContext, pairs: number): Promise<Record<string, number>> {
  const system = asSystem(subject);
  const smoke = ctx.options.smoke;
  return withServer(ctx, system, async (server) => {
    const shares = await openPeerPairs(ctx, system, server.url, pairs);
    const intervalMs = sendIntervalFor(ctx.clientKind(system));
    if (!smoke) {
      await Promise.all(ctx.workers.map((worker, index) => worker.rpc.call('peerLoop', { pairs: shares[index]!, bytes: BYTES, durationMs: WARM_UP_MS, intervalMs })));
    }
    await Promise.all(ctx.workers.map((worker) => worker.rpc.call('resetCounters', null)));
    const { window, value: results } = await measureWindow(ctx, server, () =>
      Promise.all(
        ctx.workers.map((worker, index) =>
          worker.rpc.call('peerLoop', {
            pairs: shares[index]!,
            bytes: BYTES,
            durationMs: sendWindowMs(ctx.options),
            intervalMs,
            ...(smoke ? { maxMessagesPerSender: 20 } : {}),
          }),
        ),
      ),
    );
    const counters = await Promise.all(ctx.workers.map((worker) => worker.rpc.call('counters', null)));
    const sum = (key: keyof Omit<PeerLoopResult, 'ackLatency'>): number => results.reduce((n, r) => n + r[key], 0);
    const acks = new Histogram();
    for (const result of results) acks.merge(result.ackLatency);
    const acked = sum('acked');
    return {
      acked,
      received: counters.reduce((n, c) => n + c.peerReceived, 0),
      errors: sum('undelivered') + sum('failed'),
      messagesPerSec: (acked / window.wallMs) * 1000,
      ackP50Ms: acks.quantile(0.5),
      ackP99Ms: acks.quantile(0.99),
      serverCpuMicrosPerMessage: window.serverCpuMicros / acked,
      serverCpuPercent: corePercent(window.serverCpuMicros, window.wallMs),
      generatorCpuPercent: corePercent(window.generatorCpuMicros, window.wallMs),
      otherCpuPercent: corePercent(window.otherCpuMicros, window.wallMs),
    };
  });
}

export const peerScenario: Scenario = {
  id: 'peer',
  title: 'Peer round-trips',
  description: `P pairs; each client sends ${BYTES}-byte peer messages to its partner one after another, each acknowledged end to end (the receiver acknowledges, the server relays it back). Messages/s count completed round-trips; server CPU is per message (send, delivery, acknowledgement). Each round first sends unmeasured for ${WARM_UP_MS} ms (a warm-up: every round starts a fresh server).`,
  metrics: [
    { key: 'messagesPerSec', label: 'messages/s', unit: '/s', digits: 0 },
    { key: 'ackP50Ms', label: 'ack p50', unit: 'ms', digits: 1 },
    { key: 'ackP99Ms', label: 'ack p99', unit: 'ms', digits: 1 },
    { key: 'serverCpuMicrosPerMessage', label: 'server CPU/message', unit: 'µs', digits: 1 },
    { key: 'serverCpuPercent', label: 'server CPU', unit: '%', digits: 0 },
    { key: 'generatorCpuPercent', label: 'generator CPU', unit: '%', digits: 0 },
    { key: 'otherCpuPercent', label: 'other CPU', unit: '%', digits: 0 },
    { key: 'errors', label: 'errors', unit: '', digits: 0 },
  ],
  cases: (options) =>
    [bySize(options, { smoke: 3, quick: 500, full: 500 })].map((pairs) => ({
      label: `P=${pairs}`,
      subjects: SYSTEM_IDS,
      measure: (subject, ctx) => measure(subject, ctx, pairs),
    })),
};
