/** Load generator child: holds a share of the clients and runs the send loops the parent asks for. */
import { serveRpc } from '../proc/rpc.js';
import { hrtimeMs, readUsage } from '../servers/control.js';
import { Histogram } from '../stats/histogram.js';
import { ageOf, stampedBody } from './body.js';
import { CLIENT_FACTORIES } from './clients/index.js';
import type { BenchClient, ClientHandlers } from './clients/types.js';
import { forEachLimited } from './limit.js';
import { Pacer } from './pace.js';
import { runPeerOpenLoop } from './open-loop.js';
import type { OpenResult, PeerLoopResult, PublishResult, WorkerApi } from './worker-api.js';

const clients = new Map<string, BenchClient>();
let channelDeliveries = 0;
let peerReceived = 0;
let latency = new Histogram();

const handlers: ClientHandlers = {
  onChannelMessage: (body) => {
    channelDeliveries++;
    latency.record(ageOf(body));
  },
  onPeerMessage: () => {
    peerReceived++;
  },
};

function client(uid: string): BenchClient {
  const found = clients.get(uid);
  if (!found) throw new Error(`no client ${uid} in this worker`);
  return found;
}

const api: WorkerApi = {
  async open({ kind, url, uids, channel, concurrency }) {
    const connect = CLIENT_FACTORIES[kind];
    const result: OpenResult = { opened: 0, failed: 0, loginMs: [], startedAtMs: hrtimeMs(), finishedAtMs: 0 };
    await forEachLimited(uids, concurrency > 0 ? concurrency : uids.length, async (uid) => {
      const started = hrtimeMs();
      try {
        const opened = await connect(url, uid, handlers);
        result.loginMs.push(hrtimeMs() - started);
        clients.set(uid, opened);
        if (channel !== undefined) await opened.join(channel);
        result.opened++;
      } catch (error) {
        result.failed++;
        result.firstError ??= error instanceof Error ? error.message : String(error);
      }
    });
    result.finishedAtMs = hrtimeMs();
    return result;
  },

  resetCounters() {
    channelDeliveries = 0;
    peerReceived = 0;
    latency = new Histogram();
  },

  counters: () => ({ channelDeliveries, peerReceived, latency: latency.toData() }),

  async publish({ from, channel, bytes, durationMs, window, maxMessages, intervalMs }) {
    const publisher = client(from);
    const result: PublishResult = { sent: 0, failed: 0 };
    const limit = maxMessages ?? Number.POSITIVE_INFINITY;
    const end = hrtimeMs() + durationMs;
    const pacer = new Pacer(intervalMs);
    let started = 0;
    const lane = async (): Promise<void> => {
      while (started < limit && hrtimeMs() < end) {
        started++;
        await pacer.wait();
        try {
          await publisher.publish(channel, stampedBody(bytes));
          result.sent++;
        } catch {
          result.failed++;
        }
      }
    };
    await Promise.all(Array.from({ length: window }, lane));
    return result;
  },

  async peerLoop({ pairs, bytes, durationMs, maxMessagesPerSender, intervalMs }) {
    const result: PeerLoopResult = { acked: 0, undelivered: 0, failed: 0, ackLatency: [] };
    const acks = new Histogram();
    const limit = maxMessagesPerSender ?? Number.POSITIVE_INFINITY;
    const end = hrtimeMs() + durationMs;
    const sender = async ([from, to]: [string, string]): Promise<void> => {
      const source = client(from);
      const pacer = new Pacer(intervalMs);
      for (let sent = 0; sent < limit && hrtimeMs() < end; sent++) {
        await pacer.wait();
        const started = hrtimeMs();
        try {
          if (await source.sendPeer(to, stampedBody(bytes))) {
            result.acked++;
            acks.record(hrtimeMs() - started);
          } else {
            result.undelivered++;
          }
        } catch {
          result.failed++;
        }
      }
    };
    await Promise.all(pairs.map(sender));
    result.ackLatency = acks.toData();
    return result;
  },

  peerOpenLoop: (params) => runPeerOpenLoop(params, client),

  usage: readUsage,

  closeAll() {
    for (const open of clients.values()) open.close();
    clients.clear();
  },
};

serveRpc(api);
