import { LIMITS } from '../../protocol/limits.js';
import type { Connection } from '../connection.js';
import type { ChMsgFrame, PeerMsgFrame, SessionRef } from '../engine/types.js';
import type { RateLimits } from '../options.js';
import { SlidingWindow } from '../rate-limit.js';
import { SessionData } from './session-data.js';

/**
 * live: has a socket. grace: the socket dropped, the session waits for a resume (still online, still in its
 * channels, messages queued). closed: gone for good.
 */
export type SessionState = 'live' | 'grace' | 'closed';

/** Receiver-side memory of delivered peer messages awaiting `peer.ack`; oldest entries are evicted past this. */
const AWAITING_ACK_MAX = 4096;

interface PendingSend {
  settle(delivered: boolean): void;
}

/** One logged-in (appId, uid) on this node; outlives its transport during the presence grace period. */
export class Session {
  readonly sid = crypto.randomUUID();
  /** Given to the client; presenting it on a new login within the grace period resumes this session. */
  readonly resumeId = crypto.randomUUID();
  readonly ref: SessionRef;
  state: SessionState = 'live';
  conn: Connection | null = null;
  readonly channels = new Set<string>();
  readonly watching = new Set<string>();
  graceTimer: NodeJS.Timeout | null = null;
  /** Sender side: peer.send requests waiting for the receiver's ack, by mid. */
  readonly pendingSends = new Map<string, PendingSend>();
  /** Receiver side: delivered peer messages → the sending session to notify on `peer.ack`. */
  private readonly awaitingAck = new Map<string, SessionRef>();
  private peerQueue: PeerMsgFrame[] = [];
  private channelQueue = new Map<string, { at: number; frame: ChMsgFrame }[]>();
  private readonly sendRate: SlidingWindow;
  private readonly joinAnyRate: SlidingWindow;
  private readonly joinSameRate = new Map<string, number[]>();
  /** Attribute/metadata rate windows, metadata subscriptions and token timers (RTM core part 2). */
  readonly data: SessionData;

  constructor(
    readonly appId: string,
    readonly uid: string,
    nodeId: string,
    private readonly limits: RateLimits,
  ) {
    this.ref = { node: nodeId, sid: this.sid };
    this.sendRate = new SlidingWindow(limits.messageCount, limits.messageWindowMs);
    this.joinAnyRate = new SlidingWindow(limits.joinAnyChannelCount, limits.joinAnyChannelWindowMs);
    this.data = new SessionData(limits);
  }

  takeSend(now: number): boolean {
    return this.sendRate.tryTake(now);
  }

  /** Both join limits of rtm-1x §5: same channel, and any channel. */
  takeJoin(ch: string, now: number): boolean {
    const window = this.limits.joinSameChannelWindowMs;
    const recent = (this.joinSameRate.get(ch) ?? []).filter((at) => now - at < window);
    if (recent.length >= this.limits.joinSameChannelCount) return false;
    if (!this.joinAnyRate.tryTake(now)) return false;
    recent.push(now);
    this.joinSameRate.set(ch, recent);
    if (this.joinSameRate.size > 128) {
      for (const [key, stamps] of this.joinSameRate) if (stamps.every((at) => now - at >= window)) this.joinSameRate.delete(key);
    }
    return true;
  }

  expectAck(mid: string, sender: SessionRef): void {
    if (this.awaitingAck.size >= AWAITING_ACK_MAX) {
      const oldest = this.awaitingAck.keys().next();
      if (!oldest.done) this.awaitingAck.delete(oldest.value);
    }
    this.awaitingAck.set(mid, sender);
  }

  takeAck(mid: string): SessionRef | undefined {
    const sender = this.awaitingAck.get(mid);
    if (sender) this.awaitingAck.delete(mid);
    return sender;
  }

  queuePeer(frame: PeerMsgFrame): void {
    this.peerQueue.push(frame);
    if (this.peerQueue.length > this.limits.peerQueueMax) this.peerQueue.shift();
  }

  queueChannel(frame: ChMsgFrame, now: number): void {
    let queue = this.channelQueue.get(frame.ch);
    if (!queue) this.channelQueue.set(frame.ch, (queue = []));
    queue.push({ at: now, frame });
    if (queue.length > LIMITS.resumeChannelMessagesMax) queue.shift();
  }

  /** What a resume delivers: every queued peer message, then channel messages of the last 30 s in arrival order. */
  drainQueued(now: number): (PeerMsgFrame | ChMsgFrame)[] {
    const cutoff = now - LIMITS.resumeChannelMessagesWindowMs;
    const channel: { at: number; frame: ChMsgFrame }[] = [];
    for (const [ch, queue] of this.channelQueue) {
      if (this.channels.has(ch)) for (const item of queue) if (item.at >= cutoff) channel.push(item);
    }
    channel.sort((a, b) => a.at - b.at);
    const out: (PeerMsgFrame | ChMsgFrame)[] = [...this.peerQueue, ...channel.map((item) => item.frame)];
    this.peerQueue = [];
    this.channelQueue = new Map();
    return out;
  }

  clearTimers(): void {
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.graceTimer = null;
    this.data.clearTokenTimers();
    for (const pending of [...this.pendingSends.values()]) pending.settle(false);
  }
}
