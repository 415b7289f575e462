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

/**
 * A peer message handed to this session's socket and not acknowledged yet: kept so that a resume can write it again
 * when the socket dies first. `sender` is told on `peer.ack` (null: the sender was already answered, e.g. the
 * message was queued during the grace period).
 */
export interface PeerDelivery {
  readonly frame: PeerMsgFrame;
  readonly sender: SessionRef | null;
}

interface PendingSend {
  settle(delivered: boolean): void;
}

/**
 * A UUID as one flat string: randomUUID() builds it from ~20 concatenated pieces, a rope of ~0.5 KB that a
 * long-lived session would otherwise hold. Copying through a Buffer yields a sequential string.
 */
function flatUuid(): string {
  return Buffer.from(crypto.randomUUID(), 'latin1').toString('latin1');
}

/**
 * One logged-in (appId, uid) on this node; outlives its transport during the presence grace period.
 * Most sessions sit idle: every collection and rate window is created on first use (a Map or Set costs ~150
 * bytes even when empty), which keeps an idle session small.
 */
export class Session {
  readonly sid = flatUuid();
  /** Given to the client; presenting it on a new login within the grace period resumes this session. */
  readonly resumeId = flatUuid();
  readonly ref: SessionRef;
  state: SessionState = 'live';
  conn: Connection | null = null;
  graceTimer: NodeJS.Timeout | null = null;
  private channelSet: Set<string> | null = null;
  private watchingSet: Set<string> | null = null;
  private pendingSendMap: Map<string, PendingSend> | null = null;
  /**
   * Receiver side: peer messages written to the socket and not acknowledged yet, by mid, in the order written
   * (at most LIMITS.resumePeerUnackedMax; the oldest is forgotten beyond). A resume writes them again first.
   */
  private unacked: Map<string, PeerDelivery> | null = null;
  /** Peer messages waiting for the socket (grace period, or a resume/login whose queue is not flushed yet). */
  private peerQueue: PeerDelivery[] = [];
  /**
   * Between a (re)attach and the flush of the queues: new peer and channel messages are queued behind what is
   * already queued instead of overtaking it on the socket.
   */
  holding = true;
  private channelQueue: Map<string, { at: number; frame: ChMsgFrame }[]> | null = null;
  private sendRate: SlidingWindow | null = null;
  private joinAnyRate: SlidingWindow | null = null;
  private joinSameRate: Map<string, number[]> | null = null;
  /** Attribute/metadata rate windows, metadata subscriptions and token timers (RTM core part 2). */
  readonly data: SessionData;

  constructor(
    readonly appId: string,
    readonly uid: string,
    nodeId: string,
    private readonly limits: RateLimits,
  ) {
    this.ref = { node: nodeId, sid: this.sid };
    this.data = new SessionData(limits);
  }

  /** Joined channels (created on first access). */
  get channels(): Set<string> {
    return (this.channelSet ??= new Set());
  }

  /** Users whose status this session subscribed to (created on first access). */
  get watching(): Set<string> {
    return (this.watchingSet ??= new Set());
  }

  /** Sender side: peer.send requests waiting for the receiver's ack, by mid (created on first access). */
  get pendingSends(): Map<string, PendingSend> {
    return (this.pendingSendMap ??= new Map());
  }

  takeSend(now: number): boolean {
    this.sendRate ??= new SlidingWindow(this.limits.messageCount, this.limits.messageWindowMs);
    return this.sendRate.tryTake(now);
  }

  /** Both join limits of rtm-1x §5: same channel, and any channel. */
  takeJoin(ch: string, now: number): boolean {
    const window = this.limits.joinSameChannelWindowMs;
    const joinSameRate = (this.joinSameRate ??= new Map<string, number[]>());
    const recent = (joinSameRate.get(ch) ?? []).filter((at) => now - at < window);
    if (recent.length >= this.limits.joinSameChannelCount) return false;
    this.joinAnyRate ??= new SlidingWindow(this.limits.joinAnyChannelCount, this.limits.joinAnyChannelWindowMs);
    if (!this.joinAnyRate.tryTake(now)) return false;
    recent.push(now);
    joinSameRate.set(ch, recent);
    if (joinSameRate.size > 128) {
      for (const [key, stamps] of joinSameRate) if (stamps.every((at) => now - at >= window)) joinSameRate.delete(key);
    }
    return true;
  }

  /** A peer message goes to the socket now; kept until its `peer.ack` (for the sender, and for a replay on resume). */
  expectAck(delivery: PeerDelivery): void {
    const unacked = (this.unacked ??= new Map<string, PeerDelivery>());
    if (unacked.size >= LIMITS.resumePeerUnackedMax) {
      const oldest = unacked.keys().next();
      if (!oldest.done) unacked.delete(oldest.value);
    }
    unacked.set(delivery.frame.mid, delivery);
  }

  /** The client acknowledged `mid`: forgets it; returns the sender to tell, if any. */
  takeAck(mid: string): SessionRef | null | undefined {
    const delivery = this.unacked?.get(mid);
    if (delivery) this.unacked!.delete(mid);
    return delivery?.sender;
  }

  queuePeer(delivery: PeerDelivery): void {
    this.peerQueue.push(delivery);
    if (this.peerQueue.length > this.limits.peerQueueMax) this.peerQueue.shift();
  }

  queueChannel(frame: ChMsgFrame, now: number): void {
    const channelQueue = (this.channelQueue ??= new Map<string, { at: number; frame: ChMsgFrame }[]>());
    let queue = channelQueue.get(frame.ch);
    if (!queue) channelQueue.set(frame.ch, (queue = []));
    queue.push({ at: now, frame });
    if (queue.length > LIMITS.resumeChannelMessagesMax) queue.shift();
  }

  /**
   * What a resume delivers, in order: peer messages written to the previous socket but never acknowledged (the
   * client drops the mids it did see), every queued peer message, then channel messages of the last 30 s in
   * arrival order. The peer messages stay in `unacked` until acknowledged, so a drop during the replay replays
   * them again. Ends the hold: later messages go straight to the socket.
   */
  drainQueued(now: number): (PeerMsgFrame | ChMsgFrame)[] {
    this.holding = false;
    const cutoff = now - LIMITS.resumeChannelMessagesWindowMs;
    const channel: { at: number; frame: ChMsgFrame }[] = [];
    for (const [ch, queue] of this.channelQueue ?? []) {
      if (this.channelSet?.has(ch)) for (const item of queue) if (item.at >= cutoff) channel.push(item);
    }
    channel.sort((a, b) => a.at - b.at);
    const out: (PeerMsgFrame | ChMsgFrame)[] = [];
    for (const delivery of this.unacked?.values() ?? []) out.push(delivery.frame);
    for (const delivery of this.peerQueue) {
      this.expectAck(delivery);
      out.push(delivery.frame);
    }
    for (const item of channel) out.push(item.frame);
    this.peerQueue = [];
    this.channelQueue = null;
    return out;
  }

  clearTimers(): void {
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.graceTimer = null;
    this.data.clearTokenTimers();
    for (const pending of [...(this.pendingSendMap?.values() ?? [])]) pending.settle(false);
  }
}
