import type { ProcessUsage, UsageParams } from '../servers/control.js';
import type { HistogramData } from '../stats/histogram.js';
import type { ClientKind } from './clients/types.js';

export interface OpenParams {
  kind: ClientKind;
  url: string;
  uids: string[];
  /** Join this channel right after login. */
  channel?: string;
  /** Connections in flight at once; 0 opens them all at once. */
  concurrency: number;
}

export interface OpenResult {
  opened: number;
  failed: number;
  firstError?: string;
  /** Per client: connect start to logged in. */
  loginMs: number[];
  startedAtMs: number;
  finishedAtMs: number;
}

export interface Counters {
  channelDeliveries: number;
  peerReceived: number;
  /** End-to-end latency of channel deliveries. */
  latency: HistogramData;
}

export interface PublishParams {
  from: string;
  channel: string;
  bytes: number;
  durationMs: number;
  /** Sends awaiting the server's acknowledgement at once. */
  window: number;
  /** Stop after this many sends (smoke tests); unlimited when absent. */
  maxMessages?: number;
  /** At least this many ms between two sends of the publisher (a client's send limit); unpaced when absent. */
  intervalMs?: number;
}

export interface PublishResult {
  sent: number;
  failed: number;
}

export interface PeerLoopParams {
  pairs: [from: string, to: string][];
  bytes: number;
  durationMs: number;
  maxMessagesPerSender?: number;
  /** At least this many ms between two sends of each sender; unpaced when absent. */
  intervalMs?: number;
}

export interface PeerLoopResult {
  acked: number;
  /** Completed sends the server reported as not received. */
  undelivered: number;
  failed: number;
  ackLatency: HistogramData;
}

export interface PeerOpenLoopParams {
  /** Senders, taken in turn: message i goes from pairs[i % n][0] to pairs[i % n][1]. */
  pairs: [from: string, to: string][];
  bytes: number;
  /** Messages per second this worker sends, on a fixed schedule. */
  ratePerSec: number;
  durationMs: number;
  /** Send this many instead of rate × duration (smoke tests). */
  maxMessages?: number;
}

export interface PeerOpenLoopResult {
  sent: number;
  acked: number;
  undelivered: number;
  failed: number;
  /** Sends with no outcome when the drain timeout passed. */
  unanswered: number;
  /** How far the generator fell behind its schedule at worst (ms): large values mean the generator was the limit. */
  maxLagMs: number;
  /** Scheduled send time to acknowledgement. */
  latency: HistogramData;
}

export type WorkerApi = {
  open(params: OpenParams): Promise<OpenResult>;
  resetCounters(params: null): void;
  counters(params: null): Counters;
  publish(params: PublishParams): Promise<PublishResult>;
  peerLoop(params: PeerLoopParams): Promise<PeerLoopResult>;
  peerOpenLoop(params: PeerOpenLoopParams): Promise<PeerOpenLoopResult>;
  usage(params: UsageParams): ProcessUsage;
  closeAll(params: null): void;
};
