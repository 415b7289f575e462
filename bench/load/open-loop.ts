/**
 * An open-loop (paced) peer-message generator: sends follow a fixed schedule at a given rate whether or not earlier
 * ones were acknowledged, the way independent users load a server. Latency runs from each message's scheduled send
 * time, so a generator or server that falls behind shows up as latency instead of silently sending less
 * (no coordinated omission).
 */
import { hrtimeMs } from '../servers/control.js';
import { Histogram } from '../stats/histogram.js';
import { stampedBody } from './body.js';
import type { BenchClient } from './clients/types.js';
import type { PeerOpenLoopParams, PeerOpenLoopResult } from './worker-api.js';

/** How long to wait for the acknowledgements still outstanding when the schedule ends. */
const DRAIN_TIMEOUT_MS = 10_000;

export async function runPeerOpenLoop(params: PeerOpenLoopParams, client: (uid: string) => BenchClient): Promise<PeerOpenLoopResult> {
  const { pairs, bytes, ratePerSec, durationMs } = params;
  if (!(ratePerSec > 0) || pairs.length === 0) throw new RangeError(`an open loop needs senders and a positive rate, got ${pairs.length} and ${ratePerSec}/s`);
  const total = params.maxMessages ?? Math.floor((durationMs / 1000) * ratePerSec);
  const intervalMs = 1000 / ratePerSec;
  const senders = pairs.map(([from, to]) => ({ source: client(from), to }));
  const latency = new Histogram();
  const result: PeerOpenLoopResult = { sent: 0, acked: 0, undelivered: 0, failed: 0, unanswered: 0, maxLagMs: 0, latency: [] };
  let outstanding = 0;
  let drained: (() => void) | null = null;
  const settle = (): void => {
    outstanding--;
    if (outstanding === 0 && result.sent === total) drained?.();
  };
  const send = (index: number, scheduled: number): void => {
    const { source, to } = senders[index % senders.length]!;
    outstanding++;
    result.sent++;
    source.sendPeer(to, stampedBody(bytes)).then(
      (delivered) => {
        if (delivered) {
          result.acked++;
          latency.record(hrtimeMs() - scheduled);
        } else {
          result.undelivered++;
        }
        settle();
      },
      () => {
        result.failed++;
        settle();
      },
    );
  };
  const start = hrtimeMs();
  await new Promise<void>((resolve) => {
    // A 1 ms timer sends every message whose slot has come: small bursts, never a backlog of the schedule.
    const tick = (): void => {
      const now = hrtimeMs();
      while (result.sent < total && start + result.sent * intervalMs <= now) {
        const scheduled = start + result.sent * intervalMs;
        result.maxLagMs = Math.max(result.maxLagMs, now - scheduled);
        send(result.sent, scheduled);
      }
      if (result.sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  if (outstanding > 0) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, DRAIN_TIMEOUT_MS);
      drained = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  result.unanswered = outstanding;
  result.latency = latency.toData();
  return result;
}
