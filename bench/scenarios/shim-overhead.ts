/**
 * Shim overhead: the same peer and channel workloads against resignal's server, once with the native RTM client
 * and once through the legacy Signaling API (the shim, on that same client). The shim runs in the client, so the
 * figure is the load generators' CPU per message. RTM clients may send 180 messages per 3 s (peer and channel
 * together), so every sender is paced below that instead of sending as fast as acknowledgements allow.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunContext } from '../context.js';
import { RTM_SEND_INTERVAL_MS, type ClientKind } from '../load/clients/types.js';
import { openClients, spread, uidList, workerIndexOf } from '../load/pool.js';
import { corePercent, measureWindow, type Window } from '../measure.js';
import { collect, drain } from './fanout.js';
import { bySize, sendWindowMs } from './sizes.js';
import type { Scenario } from './types.js';
import { withServer } from './with-server.js';

const BYTES = 100;
/** 40 messages/s per sender: under the client's 60/s with room for timer jitter. */
const INTERVAL_MS = RTM_SEND_INTERVAL_MS;
const CHANNEL = 'shim-overhead';
const PUBLISHERS = 4;
/** Smoke runs stop by count. */
const SMOKE_MESSAGES = 20;
/**
 * The paced load keeps the generators mostly idle, so a few milliseconds of scheduling noise move the CPU per
 * message by several percent: this scenario sends three times as long as the others (6 s in a full run).
 */
const WINDOW_FACTOR = 3;

/** Unmeasured sending first, so neither client is measured while its code is still being compiled. */
const WARM_UP_MS = 1000;

/**
 * Before a window: a full collection in every generator, so the garbage of the previous round's clients (which
 * ran the other client kind) is not collected on this round's account.
 */
async function settle(ctx: RunContext): Promise<void> {
  await Promise.all(ctx.workers.map((worker) => worker.rpc.call('usage', { gc: true })));
}

function windowMs(ctx: RunContext): number {
  const base = sendWindowMs(ctx.options);
  return ctx.options.smoke ? base : base * WINDOW_FACTOR;
}

/** Subject → the client the load generators run: the native RTM client, or the legacy API on top of it. */
const CLIENTS: Readonly<Record<string, ClientKind>> = { native: 'resignal-sdk', shim: 'resignal-shim' };

function clientOf(subject: string): ClientKind {
  const kind = CLIENTS[subject];
  if (kind === undefined) throw new Error(`unknown shim-overhead subject ${subject}`);
  return kind;
}

function figures(window: Window, messages: number, failed: number): Record<string, number> {
  return {
    messages,
    messagesPerSec: (messages / window.wallMs) * 1000,
    clientCpuMicrosPerMessage: window.generatorCpuMicros / messages,
    clientUserCpuMicrosPerMessage: window.generatorUserCpuMicros / messages,
    clientCpuPercent: corePercent(window.generatorCpuMicros, window.wallMs),
    serverCpuPercent: corePercent(window.serverCpuMicros, window.wallMs),
    otherCpuPercent: corePercent(window.otherCpuMicros, window.wallMs),
    failed,
  };
}

/** P pairs (a0 ↔ b0 in different workers), every client sending acknowledged peer messages to its partner. */
async function peer(subject: string, ctx: RunContext, pairs: number): Promise<Record<string, number>> {
  const smoke = ctx.options.smoke;
  return withServer(ctx, 'resignal', async (server) => {
    const uids = Array.from({ length: pairs }, (_, i) => [`a${i}`, `b${i}`]).flat();
    await openClients(ctx, clientOf(subject), server.url, uids, { concurrency: 50 });
    const shares = spread(
      uids.map((uid): [string, string] => [uid, uid.startsWith('a') ? `b${uid.slice(1)}` : `a${uid.slice(1)}`]),
      ctx,
    );
    if (!smoke) {
      await Promise.all(
        ctx.workers.map((worker, index) => worker.rpc.call('peerLoop', { pairs: shares[index]!, bytes: BYTES, durationMs: WARM_UP_MS, intervalMs: INTERVAL_MS })),
      );
    }
    await settle(ctx);
    const { window, value: results } = await measureWindow(ctx, server, () =>
      Promise.all(
        ctx.workers.map((worker, index) =>
          worker.rpc.call('peerLoop', {
            pairs: shares[index]!,
            bytes: BYTES,
            durationMs: windowMs(ctx),
            intervalMs: smoke ? 1 : INTERVAL_MS,
            ...(smoke ? { maxMessagesPerSender: SMOKE_MESSAGES } : {}),
          }),
        ),
      ),
    );
    const acked = results.reduce((n, r) => n + r.acked, 0);
    return figures(window, acked, results.reduce((n, r) => n + r.undelivered + r.failed, 0));
  });
}

/** N subscribers and a few publishers in one channel; every member but the sender receives each message. */
async function channel(subject: string, ctx: RunContext, subscribers: number): Promise<Record<string, number>> {
  const smoke = ctx.options.smoke;
  const publishers = uidList('pub', smoke ? 2 : PUBLISHERS);
  return withServer(ctx, 'resignal', async (server) => {
    const kind = clientOf(subject);
    await openClients(ctx, kind, server.url, publishers, { channel: CHANNEL, concurrency: 50 });
    await openClients(ctx, kind, server.url, uidList('sub', subscribers), { channel: CHANNEL, concurrency: 50 });
    if (!smoke) {
      await Promise.all(
        publishers.map((from, index) =>
          ctx.workers[workerIndexOf(index, ctx)]!.rpc.call('publish', { from, channel: CHANNEL, bytes: BYTES, durationMs: WARM_UP_MS, window: 2, intervalMs: INTERVAL_MS }),
        ),
      );
      await sleep(200); // the warm-up's last deliveries
    }
    await settle(ctx);
    await Promise.all(ctx.workers.map((worker) => worker.rpc.call('resetCounters', null)));
    const receivers = subscribers + publishers.length - 1;
    const { window, value: published } = await measureWindow(ctx, server, async () => {
      const results = await Promise.all(
        publishers.map((from, index) =>
          ctx.workers[workerIndexOf(index, ctx)]!.rpc.call('publish', {
            from,
            channel: CHANNEL,
            bytes: BYTES,
            durationMs: windowMs(ctx),
            window: 2,
            intervalMs: smoke ? 1 : INTERVAL_MS,
            ...(smoke ? { maxMessages: SMOKE_MESSAGES } : {}),
          }),
        ),
      );
      const sent = results.reduce((n, r) => n + r.sent, 0);
      await drain(ctx, sent * receivers);
      return { sent, failed: results.reduce((n, r) => n + r.failed, 0) };
    });
    const { deliveries } = await collect(ctx);
    return figures(window, deliveries, published.failed + published.sent * receivers - deliveries);
  });
}

export const shimOverheadScenario: Scenario = {
  id: 'shim-overhead',
  title: 'Shim overhead',
  description: `The same workloads against resignal's server through the legacy Signaling API (\`resignal/shim\`: \`Signal(appId).login()\`, \`session.messageInstantSend(peer, msg, cb)\`, \`channel.messageChannelSend(msg, cb)\`, callback properties) and through the native RTM client the shim runs on. Peer: P pairs, every client sending ${BYTES}-byte peer messages to its partner, each acknowledged end to end before the next. Channel: ${PUBLISHERS} publishers and N subscribers in one channel; every other member receives each message. RTM clients may send 180 messages per 3 s, so every sender sends at most one message per ${INTERVAL_MS} ms, for three times the other scenarios' send window (the paced load leaves the generators mostly idle, so short windows are noisy), after 1 s of unmeasured sending and a full garbage collection in the generators. The shim runs in the client: the figure is the load generators' CPU per message received (sender and receiver side included); extra CPU compares the shim's median with the native client's. *Of it user space* is the generators' user CPU alone: the shim is JavaScript, while the kernel's socket work (system CPU) is the same frames for both clients and only adds noise at this paced, mostly idle load. Target: at most 10 % extra CPU (checked on both).`,
  metrics: [
    { key: 'messagesPerSec', label: 'messages/s', unit: '/s', digits: 0 },
    { key: 'clientCpuMicrosPerMessage', label: 'client CPU/message', unit: 'µs', digits: 1 },
    { key: 'clientUserCpuMicrosPerMessage', label: 'of it user space', unit: 'µs', digits: 1 },
    { key: 'clientCpuPercent', label: 'client CPU', unit: '%', digits: 0 },
    { key: 'serverCpuPercent', label: 'server CPU', unit: '%', digits: 0 },
    { key: 'otherCpuPercent', label: 'other CPU', unit: '%', digits: 0 },
    { key: 'failed', label: 'lost/failed', unit: '', digits: 0 },
  ],
  cases: (options) => {
    const pairs = bySize(options, { smoke: 3, quick: 50, full: 250 });
    const subscribers = bySize(options, { smoke: 5, quick: 50, full: 250 });
    return [
      { label: `peer, P=${pairs}`, subjects: Object.keys(CLIENTS), measure: (subject, ctx) => peer(subject, ctx, pairs) },
      { label: `channel, N=${subscribers}`, subjects: Object.keys(CLIENTS), measure: (subject, ctx) => channel(subject, ctx, subscribers) },
    ];
  },
};
