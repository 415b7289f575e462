import type { RunContext } from '../context.js';
import { sendIntervalFor } from '../load/clients/types.js';
import type { PeerLoopResult, PeerOpenLoopResult } from '../load/worker-api.js';
import { corePercent, measureWindow } from '../measure.js';
import { hrtimeMs } from '../servers/control.js';
import { Histogram } from '../stats/histogram.js';
import { SYSTEM_IDS } from '../systems.js';
import { openPeerPairs } from './peer.js';
import { bySize } from './sizes.js';
import type { Scenario } from './types.js';
import { asSystem, withServer } from './with-server.js';

const BYTES = 100;
/** The share of the saturation rate offered in the paced phase. */
const LOAD = 0.7;
/** The bound on resignal's p99 at that load. */
export const LATENCY_AT_LOAD_P99_MS = 50;

function phaseMs(ctx: RunContext): { saturate: number; paced: number } {
  return ctx.options.quick ? { saturate: 1000, paced: 1500 } : { saturate: 1500, paced: 3000 };
}

/** Closed loop, every sender as fast as its acknowledgements come back: the saturation rate of this server. */
async function saturate(ctx: RunContext, shares: [string, string][][], intervalMs: number | undefined): Promise<number> {
  const started = hrtimeMs();
  const results: PeerLoopResult[] = await Promise.all(
    ctx.workers.map((worker, index) =>
      worker.rpc.call('peerLoop', {
        pairs: shares[index]!,
        bytes: BYTES,
        durationMs: phaseMs(ctx).saturate,
        intervalMs,
        ...(ctx.options.smoke ? { maxMessagesPerSender: 20 } : {}),
      }),
    ),
  );
  const acked = results.reduce((n, r) => n + r.acked, 0);
  return (acked / (hrtimeMs() - started)) * 1000;
}

async function measure(subject: string, ctx: RunContext, pairs: number): Promise<Record<string, number>> {
  const system = asSystem(subject);
  return withServer(ctx, system, async (server) => {
    const shares = await openPeerPairs(ctx, system, server.url, pairs);
    // RTM clients (--sdk) are paced at their send limit, so their "saturation" is that limit's rate.
    const saturatedPerSec = await saturate(ctx, shares, sendIntervalFor(ctx.clientKind(system)));
    const offeredPerSec = saturatedPerSec * LOAD;
    const senders = pairs * 2;
    const { window, value: results } = await measureWindow(ctx, server, () =>
      Promise.all(
        ctx.workers.map((worker, index): Promise<PeerOpenLoopResult> => {
          const share = shares[index]!;
          return worker.rpc.call('peerOpenLoop', {
            pairs: share,
            bytes: BYTES,
            ratePerSec: (offeredPerSec * share.length) / senders,
            durationMs: phaseMs(ctx).paced,
            ...(ctx.options.smoke ? { maxMessages: share.length * 20 } : {}),
          });
        }),
      ),
    );
    const sum = (key: 'sent' | 'acked' | 'undelivered' | 'failed' | 'unanswered'): number => results.reduce((n, r) => n + r[key], 0);
    const latency = new Histogram();
    for (const result of results) latency.merge(result.latency);
    return {
      sent: sum('sent'),
      acked: sum('acked'),
      errors: sum('undelivered') + sum('failed') + sum('unanswered'),
      saturatedPerSec,
      offeredPerSec,
      ackedPerSec: (sum('acked') / window.wallMs) * 1000,
      p50Ms: latency.quantile(0.5),
      p99Ms: latency.quantile(0.99),
      maxLagMs: Math.max(...results.map((r) => r.maxLagMs)),
      serverCpuPercent: corePercent(window.serverCpuMicros, window.wallMs),
      generatorCpuPercent: corePercent(window.generatorCpuMicros, window.wallMs),
      otherCpuPercent: corePercent(window.otherCpuMicros, window.wallMs),
    };
  });
}

export const latencyAtLoadScenario: Scenario = {
  id: 'latency-at-load',
  title: 'Peer latency at 70% load',
  description: `The peer round-trip workload (P pairs, ${BYTES}-byte messages acknowledged end to end) first runs closed-loop to find this server's saturation rate (acknowledged messages/s); then an open-loop generator sends at ${LOAD * 100}% of that rate on a fixed schedule, whether or not earlier messages were acknowledged. Latency runs from each message's scheduled send time to its acknowledgement, so falling behind counts as latency. Target for resignal: p99 under ${LATENCY_AT_LOAD_P99_MS} ms. *Generator lag* is how far the generator fell behind its own schedule at worst.`,
  metrics: [
    { key: 'saturatedPerSec', label: 'saturation', unit: '/s', digits: 0 },
    { key: 'offeredPerSec', label: 'offered', unit: '/s', digits: 0 },
    { key: 'ackedPerSec', label: 'acknowledged/s', unit: '/s', digits: 0 },
    { key: 'p50Ms', label: 'p50', unit: 'ms', digits: 1 },
    { key: 'p99Ms', label: 'p99', unit: 'ms', digits: 1 },
    { key: 'maxLagMs', label: 'generator lag', unit: 'ms', digits: 1 },
    { key: 'serverCpuPercent', label: 'server CPU', unit: '%', digits: 0 },
    { key: 'generatorCpuPercent', label: 'generator CPU', unit: '%', digits: 0 },
    { key: 'otherCpuPercent', label: 'other CPU', unit: '%', digits: 0 },
    { key: 'errors', label: 'errors', unit: '', digits: 0 },
  ],
  // Each round costs a server start, 1,000 logins and about 5 s of traffic per system.
  maxRounds: 2,
  cases: (options) =>
    [bySize(options, { smoke: 3, quick: 500, full: 500 })].map((pairs) => ({
      label: `P=${pairs}`,
      subjects: SYSTEM_IDS,
      measure: (subject, ctx) => measure(subject, ctx, pairs),
    })),
};
