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
  /** Receiver side: delivered peer messages → the sending session to notify on `peer.ack`. */
  private awaitingAck: Map<string, SessionRef> | null = null;
  private peerQueue: PeerMsgFrame[] = [];
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

  expectAck(mid: string, sender: SessionRef): void {
    const awaitingAck = (this.awaitingAck ??= new Map<string, SessionRef>());
    if (awaitingAck.size >= AWAITING_ACK_MAX) {
      const oldest = awaitingAck.keys().next();
      if (!oldest.done) awaitingAck.delete(oldest.value);
    }
    awaitingAck.set(mid, sender);
  }

  takeAck(mid: string): SessionRef | undefined {
    const sender = this.awaitingAck?.get(mid);
    if (sender) this.awaitingAck!.delete(mid);
    return sender;
  }

  queuePeer(frame: PeerMsgFrame): void {
    this.peerQueue.push(frame);
    if (this.peerQueue.length > this.limits.peerQueueMax) this.peerQueue.shift();
  }

  queueChannel(frame: ChMsgFrame, now: number): void {
    const channelQueue = (this.channelQueue ??= new Map<string, { at: number; frame: ChMsgFrame }[]>());
    let queue = channelQueue.get(frame.ch);
    if (!queue) channelQueue.set(frame.ch, (queue = []));
    queue.push({ at: now, frame });
    if (queue.length > LIMITS.resumeChannelMessagesMax) queue.shift();
  }

  /** What a resume delivers: every queued peer message, then channel messages of the last 30 s in arrival order. */
  drainQueued(now: number): (PeerMsgFrame | ChMsgFrame)[] {
    const cutoff = now - LIMITS.resumeChannelMessagesWindowMs;
    const channel: { at: number; frame: ChMsgFrame }[] = [];
    for (const [ch, queue] of this.channelQueue ?? []) {
      if (this.channelSet?.has(ch)) for (const item of queue) if (item.at >= cutoff) channel.push(item);
    }
    channel.sort((a, b) => a.at - b.at);
    const out: (PeerMsgFrame | ChMsgFrame)[] = [...this.peerQueue, ...channel.map((item) => item.frame)];
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
