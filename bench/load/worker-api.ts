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
}

export interface PeerLoopResult {
  acked: number;
  /** Completed sends the server reported as not received. */
  undelivered: number;
  failed: number;
  ackLatency: HistogramData;
}

export type WorkerApi = {
  open(params: OpenParams): Promise<OpenResult>;
  resetCounters(params: null): void;
  counters(params: null): Counters;
  publish(params: PublishParams): Promise<PublishResult>;
  peerLoop(params: PeerLoopParams): Promise<PeerLoopResult>;
  usage(params: UsageParams): ProcessUsage;
  closeAll(params: null): void;
};
