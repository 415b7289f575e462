import type { RunContext } from '../context.js';
import { sendIntervalFor } from '../load/clients/types.js';
import { openClients, uidList } from '../load/pool.js';
import { corePercent, measureWindow } from '../measure.js';
import { hrtimeMs } from '../servers/control.js';
import { Histogram } from '../stats/histogram.js';
import { SYSTEM_IDS } from '../systems.js';
import { bySize, sendWindowMs } from './sizes.js';
import type { Scenario } from './types.js';
import { asSystem, withServer } from './with-server.js';

const CHANNEL = 'fanout';
const PUBLISHER = 'publisher';
const BYTES = 100;
/** Channel sends awaiting the server's acknowledgement at once. */
const WINDOW = 8;
const DRAIN_TIMEOUT_MS = 20_000;

interface Delivered {
  deliveries: number;
  latency: Histogram;
}

export async function collect(ctx: RunContext): Promise<Delivered> {
  const counters = await Promise.all(ctx.workers.map((worker) => worker.rpc.call('counters', null)));
  const latency = new Histogram();
  for (const counter of counters) latency.merge(counter.latency);
  return { deliveries: counters.reduce((n, c) => n + c.channelDeliveries, 0), latency };
}

/** Waits until every subscriber has every message (or the drain timeout passes). */
export async function drain(ctx: RunContext, expected: number): Promise<void> {
  const deadline = hrtimeMs() + DRAIN_TIMEOUT_MS;
  while (hrtimeMs() < deadline) {
    const { deliveries } = await collect(ctx);
    if (deliveries >= expected) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function measure(subject: string, ctx: RunContext, subscribers: number): Promise<Record<string, number>> {
  const system = asSystem(subject);
  const smoke = ctx.options.smoke;
  return withServer(ctx, system, async (server) => {
    const kind = ctx.clientKind(system);
    await openClients(ctx, kind, server.url, uidList('sub', subscribers), { channel: CHANNEL, concurrency: 100 });
    // The publisher is client 0 of worker 0.
    await openClients(ctx, kind, server.url, [PUBLISHER], { channel: CHANNEL, concurrency: 1 });
    await Promise.all(ctx.workers.map((worker) => worker.rpc.call('resetCounters', null)));
    const { window, value: published } = await measureWindow(ctx, server, async () => {
      const result = await ctx.workers[0]!.rpc.call('publish', {
        from: PUBLISHER,
        channel: CHANNEL,
        bytes: BYTES,
        durationMs: sendWindowMs(ctx.options),
        window: smoke ? 2 : WINDOW,
        intervalMs: sendIntervalFor(kind),
        ...(smoke ? { maxMessages: 20 } : {}),
      });
      await drain(ctx, result.sent * subscribers);
      return result;
    });
    const { deliveries, latency } = await collect(ctx);
    const expected = published.sent * subscribers;
    return {
      published: published.sent,
      publishFailures: published.failed,
      deliveries,
      lost: expected - deliveries,
      deliveriesPerSec: (deliveries / window.wallMs) * 1000,
      p50Ms: latency.quantile(0.5),
      p99Ms: latency.quantile(0.99),
      serverCpuMicrosPerDelivery: window.serverCpuMicros / deliveries,
      serverCpuPercent: corePercent(window.serverCpuMicros, window.wallMs),
      generatorCpuPercent: corePercent(window.generatorCpuMicros, window.wallMs),
      otherCpuPercent: corePercent(window.otherCpuMicros, window.wallMs),
    };
  });
}

export const fanoutScenario: Scenario = {
  id: 'fanout',
  title: 'Channel fan-out',
  description: `One channel with N subscribers; one publisher sends ${BYTES}-byte messages with up to ${WINDOW} awaiting the server's acknowledgement, for a fixed time, then the run waits until every subscriber has every message. Deliveries/s count the whole window including that drain; latency is publish to receipt on a machine-wide monotonic clock.`,
  metrics: [
    { key: 'deliveriesPerSec', label: 'deliveries/s', unit: '/s', digits: 0 },
    { key: 'p50Ms', label: 'p50', unit: 'ms', digits: 1 },
    { key: 'p99Ms', label: 'p99', unit: 'ms', digits: 1 },
    { key: 'serverCpuMicrosPerDelivery', label: 'server CPU/delivery', unit: 'µs', digits: 2 },
    { key: 'serverCpuPercent', label: 'server CPU', unit: '%', digits: 0 },
    { key: 'generatorCpuPercent', label: 'generator CPU', unit: '%', digits: 0 },
    { key: 'otherCpuPercent', label: 'other CPU', unit: '%', digits: 0 },
    { key: 'lost', label: 'lost', unit: '', digits: 0 },
  ],
  cases: (options) =>
    bySize(options, { smoke: [5], quick: [100, 1000], full: [100, 1000, 5000] }).map((subscribers) => ({
      label: `N=${subscribers}`,
      subjects: SYSTEM_IDS,
      measure: (subject, ctx) => measure(subject, ctx, subscribers),
    })),
};
