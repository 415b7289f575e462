import type { KickReason } from '../../protocol/errors.js';
import { CLOSE_CODES } from '../../protocol/errors.js';
import type { PresenceState } from '../../protocol/frames.js';
import { LIMITS } from '../../protocol/limits.js';
import type { Connection } from '../connection.js';
import { appKey } from '../engine/keys.js';
import type { ChannelMessage, ChMsgFrame, Engine, EngineNode, NodeMessage, PeerMsgFrame, SessionRef } from '../engine/types.js';
import type { Logger } from '../logger.js';
import type { MetricsSink } from '../web/metrics.js';
import type { RateLimits } from '../options.js';
import { encodeOnce, type Encoded } from '../outbound.js';
import type { DurableStore } from '../storage/types.js';
import { MemberCountPusher } from './member-counts.js';
import { OfflineMessages } from './offline.js';
import { Session } from './session.js';
import { StateLifecycle, type StateLifecycleOptions } from './state-lifecycle.js';

export interface HubOptions extends Omit<StateLifecycleOptions, 'now'> {
  nodeId: string;
  presenceGraceMs: number;
  peerAckTimeoutMs: number;
  memberCountIntervalMs: number;
  rateLimits: RateLimits;
  now: () => number;
  logger: Logger;
  /** The offline-message cap per receiver (how many stored messages a login delivers). */
  storeLimits?: { offlinePerReceiver: number };
  /** Counts peer deliveries and channel fan-out for `/metrics`. */
  metrics?: MetricsSink;
}

/** The sender `sid` of peer messages sent by the server itself (REST API); never a session id (those are UUIDs). */
const SERVER_SENDER_SID = 'server';

/** Sessions of this node that joined one channel. */
interface LocalChannel {
  readonly appId: string;
  readonly ch: string;
  readonly members: Set<Session>;
}

/**
 * Node-local side of the system: sessions and their sockets, grace timers, resume queues and channel fan-out.
 * Shared state (who is online where, channel membership, watchers) lives in the engine.
 */
export class Hub implements EngineNode {
  readonly nodeId: string;
  private readonly sessions = new Map<string, Session>();
  private readonly byResumeId = new Map<string, Session>();
  private readonly channels = new Map<string, LocalChannel>();
  private readonly counts: MemberCountPusher;
  private closed = false;
  readonly offline: OfflineMessages;
  /** Peer messages sent through the REST API waiting for their outcome, by mid. */
  private readonly serverSends = new Map<string, (delivered: boolean) => void>();
  /** Lifetimes of attributes, metadata and tokens (RTM core part 2). */
  readonly stateLifecycle: StateLifecycle;

  constructor(
    readonly engine: Engine,
    private readonly options: HubOptions,
    /** Durable data: offline and historical messages, REST user/channel events, media. */
    readonly store: DurableStore,
  ) {
    this.nodeId = options.nodeId;
    const offlineTake = Math.min(10_000, Math.max(1, options.storeLimits?.offlinePerReceiver ?? 200));
    this.offline = new OfflineMessages(store, offlineTake, options.logger);
    this.counts = new MemberCountPusher(options.memberCountIntervalMs, options.now, (key) => this.pushCount(key));
    this.stateLifecycle = new StateLifecycle(engine, options, (session) => this.background('token expiry', this.expireToken(session)));
  }

  get sessionCount(): number {
    return this.sessions.size;
  }

  /** Channels with at least one member on this node. */
  get channelCount(): number {
    return this.channels.size;
  }

  private get log(): Logger {
    return this.options.logger;
  }

  /** Runs a background task; failures are logged, never thrown into a socket callback. */
  private background(what: string, task: Promise<unknown>): void {
    task.catch((error: unknown) => this.log.error(`hub: ${what} failed`, error));
  }

  // ── sessions ────────────────────────────────────────────────────────────

  /** A fresh login: claims (appId, uid), kicking any older session, and marks the uid online. */
  async login(conn: Connection, appId: string, uid: string): Promise<Session> {
    const session = new Session(appId, uid, this.nodeId, this.options.rateLimits);
    this.sessions.set(session.sid, session);
    this.byResumeId.set(session.resumeId, session);
    try {
      const previous = await this.engine.claimSession(appId, uid, session.ref);
      if (previous) await this.kickRef(previous, 'REMOTE_LOGIN');
      await this.stateLifecycle.freshLogin(session);
      await this.markPresence(session, 'ONLINE');
      this.background('login event', this.store.appendUserEvent({ appId, uid, type: 'Login', ms: this.options.now() }));
    } catch (error) {
      this.background('failed login cleanup', this.end(session, true));
      throw error;
    }
    // Attached last: if the socket closed meanwhile, attach() moves the session straight into its grace period.
    this.attach(session, conn);
    return session;
  }

  /** The session a login with `resume` re-attaches to, if it still exists here. */
  findResumable(resumeId: string, appId: string, uid: string): Session | null {
    const session = this.byResumeId.get(resumeId);
    if (!session || session.state === 'closed' || session.appId !== appId || session.uid !== uid) return null;
    return session;
  }

  async resume(session: Session, conn: Connection): Promise<void> {
    if (session.graceTimer) clearTimeout(session.graceTimer);
    session.graceTimer = null;
    const old = session.conn;
    if (old && old !== conn) {
      // A half-open socket of the same client that the server has not noticed yet.
      old.session = null;
      old.close(CLOSE_CODES.NORMAL, 'resumed on another connection');
    }
    // Until flushQueued: new messages queue behind the ones kept for this resume instead of overtaking them.
    session.holding = true;
    this.attach(session, conn);
    await this.markPresence(session, 'ONLINE');
  }

  /**
   * Replays what a resumed (or just logged-in) session missed, with the original mids: peer messages the previous
   * socket never acknowledged, queued peer messages, recent channel messages. Ends the session's hold.
   */
  flushQueued(session: Session): void {
    const conn = session.conn;
    if (!conn) return;
    for (const frame of session.drainQueued(this.options.now())) {
      if (frame.t === 'peer.msg' && frame.offline) this.offline.sent(session, frame.mid);
      conn.send(frame);
      if (frame.t === 'peer.msg' || frame.t === 'ch.msg') this.options.metrics?.delivered(frame.t === 'peer.msg' ? 'peer' : 'channel', 1);
    }
  }

  /** Offline messages loaded from the store at a fresh login; each is deleted from the store on its ack. */
  deliverStored(session: Session, frames: readonly PeerMsgFrame[]): void {
    const conn = session.conn;
    if (!conn) return;
    for (const frame of frames) {
      this.offline.sent(session, frame.mid);
      conn.send(frame);
    }
    this.options.metrics?.delivered('peer', frames.filter((frame) => frame.t === 'peer.msg').length);
  }

  private attach(session: Session, conn: Connection): void {
    session.conn = conn;
    session.state = 'live';
    conn.session = session;
    conn.loggedIn();
    // The socket may have closed while the login was being processed.
    if (!conn.isOpen) this.transportClosed(conn);
  }

  /** The transport dropped without logout: keep the session for the grace period. */
  transportClosed(conn: Connection): void {
    const session = conn.session;
    conn.session = null;
    if (!session || session.conn !== conn || session.state !== 'live') return;
    session.conn = null;
    session.state = 'grace';
    session.graceTimer = setTimeout(() => {
      session.graceTimer = null;
      this.background('grace expiry', this.end(session, true));
    }, this.options.presenceGraceMs);
    this.background('mark unreachable', this.markPresence(session, 'UNREACHABLE'));
  }

  async logout(session: Session): Promise<void> {
    const conn = session.conn;
    if (conn) conn.session = null;
    session.conn = null;
    await this.end(session, true);
  }

  private async kickRef(ref: SessionRef, reason: KickReason): Promise<void> {
    if (ref.node !== this.nodeId) {
      this.engine.sendToNode(ref.node, { k: 'kick', sid: ref.sid, reason });
      return;
    }
    const session = this.sessions.get(ref.sid);
    if (session) await this.kick(session, reason);
  }

  private async kick(session: Session, reason: KickReason): Promise<void> {
    const conn = session.conn;
    if (conn) {
      conn.session = null;
      conn.send({ t: 'kick', reason });
      conn.close(CLOSE_CODES.REMOTE_LOGIN, reason);
    }
    session.conn = null;
    // The uid stays online through its new session: no OFFLINE for watchers.
    await this.end(session, false);
  }

  /** The session's token expired (expiredTokenPolicy 'kick'): kick TOKEN_EXPIRED, close 4003, the uid goes offline. */
  private async expireToken(session: Session): Promise<void> {
    if (session.state === 'closed') return;
    const conn = session.conn;
    if (conn) {
      conn.session = null;
      conn.send({ t: 'kick', reason: 'TOKEN_EXPIRED' });
      conn.close(CLOSE_CODES.TOKEN_EXPIRED, 'token expired');
    }
    session.conn = null;
    await this.end(session, true);
  }

  /** Removes a session everywhere; `offline` also releases its uid and tells watchers OFFLINE. */
  private async end(session: Session, offline: boolean): Promise<void> {
    if (session.state === 'closed') return;
    session.state = 'closed';
    session.clearTimers();
    this.sessions.delete(session.sid);
    this.byResumeId.delete(session.resumeId);
    const channels = [...session.channels];
    session.channels.clear();
    for (const ch of channels) {
      this.removeLocal(session, ch);
      await this.leaveShared(session, ch);
    }
    if (session.watching.size > 0) {
      const uids = [...session.watching];
      session.watching.clear();
      await this.engine.unwatch(session.appId, uids, session.ref);
    }
    const released = offline && (await this.engine.releaseSession(session.appId, session.uid, session.ref));
    await this.stateLifecycle.ended(session, released);
    if (released) {
      await this.engine.setPresence(session.appId, session.uid, 'OFFLINE');
      this.engine.publishPresence(session.appId, session.uid, 'OFFLINE');
      this.background('logout event', this.store.appendUserEvent({ appId: session.appId, uid: session.uid, type: 'Logout', ms: this.options.now() }));
    }
  }

  private async markPresence(session: Session, state: PresenceState): Promise<void> {
    // Only the current holder of the uid speaks for its presence.
    const holder = await this.engine.findSession(session.appId, session.uid);
    if (!holder || holder.sid !== session.sid || holder.node !== this.nodeId) return;
    const before = await this.engine.setPresence(session.appId, session.uid, state);
    if (before !== state) this.engine.publishPresence(session.appId, session.uid, state);
  }

  // ── channels ────────────────────────────────────────────────────────────

  async join(session: Session, ch: string): Promise<number> {
    session.channels.add(ch);
    this.addLocal(session, ch);
    const { added, count } = await this.engine.addMember(session.appId, ch, session.uid, session.ref);
    if (added && count === 1) await this.stateLifecycle.channelOccupied(session.appId, ch);
    if (added) {
      this.engine.publishToChannel(ch, { k: 'ch.membership', appId: session.appId, ch, uid: session.uid, sid: session.sid, joined: true, count });
      this.channelEvent(session, ch, 'Join');
    }
    if (session.state === 'closed' && session.channels.has(ch)) {
      // Ended while joining: undo.
      session.channels.delete(ch);
      this.removeLocal(session, ch);
      await this.leaveShared(session, ch);
    }
    return count;
  }

  async leave(session: Session, ch: string): Promise<void> {
    session.channels.delete(ch);
    this.removeLocal(session, ch);
    await this.leaveShared(session, ch);
  }

  private async leaveShared(session: Session, ch: string): Promise<void> {
    const { removed, count } = await this.engine.removeMember(session.appId, ch, session.uid, session.ref);
    if (removed && count === 0) await this.stateLifecycle.channelEmpty(session.appId, ch);
    if (removed) {
      this.engine.publishToChannel(ch, { k: 'ch.membership', appId: session.appId, ch, uid: session.uid, sid: session.sid, joined: false, count });
      this.channelEvent(session, ch, 'Leave');
    }
  }

  private channelEvent(session: Session, channel: string, type: 'Join' | 'Leave'): void {
    const event = { appId: session.appId, channel, uid: session.uid, type, ms: this.options.now() };
    this.background('channel event', this.store.appendChannelEvent(event));
  }

  private addLocal(session: Session, ch: string): void {
    const key = appKey(session.appId, ch);
    let local = this.channels.get(key);
    if (!local) this.channels.set(key, (local = { appId: session.appId, ch, members: new Set() }));
    local.members.add(session);
  }

  private removeLocal(session: Session, ch: string): void {
    const key = appKey(session.appId, ch);
    const local = this.channels.get(key);
    if (!local) return;
    local.members.delete(session);
    if (local.members.size === 0) {
      this.channels.delete(key);
      this.counts.forget(key);
    }
  }

  sendToChannel(session: Session, frame: ChMsgFrame): void {
    this.engine.publishToChannel(frame.ch, { k: 'ch.msg', appId: session.appId, frame, exceptSid: session.sid });
  }

  /** Sends `ch.count` to one session (right after its join). */
  async sendCountTo(session: Session, ch: string): Promise<void> {
    const [count = 0] = await this.engine.countMembers(session.appId, [ch]);
    session.conn?.send({ t: 'ch.count', ch, count });
  }

  private pushCount(key: string): void {
    const local = this.channels.get(key);
    if (!local) return;
    this.background(
      'member count push',
      this.engine.countMembers(local.appId, [local.ch]).then(([count = 0]) => {
        this.broadcastLocal(local, null, { t: 'ch.count', ch: local.ch, count });
      }),
    );
  }

  /** Encodes once and writes to every live local member except `exceptSid`. */
  private broadcastLocal(local: LocalChannel, exceptSid: string | null, frame: Parameters<typeof encodeOnce>[0]): void {
    let encoded: Encoded | undefined;
    for (const member of local.members) {
      if (member.sid === exceptSid || !member.conn) continue;
      encoded ??= encodeOnce(frame);
      member.conn.sendEncoded(encoded);
    }
  }

  // ── peer messages ───────────────────────────────────────────────────────

  /** Routes a peer message; resolves whether the receiver acknowledged it in time. */
  async sendToPeer(session: Session, to: string, frame: PeerMsgFrame): Promise<boolean> {
    const target = await this.engine.findSession(session.appId, to);
    if (!target || this.closed) return false;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => settle(false), this.options.peerAckTimeoutMs);
      const settle = (delivered: boolean): void => {
        clearTimeout(timer);
        session.pendingSends.delete(frame.mid);
        resolve(delivered);
      };
      session.pendingSends.set(frame.mid, { settle });
      this.engine.sendToNode(target.node, { k: 'peer', sid: target.sid, frame, sender: session.ref });
    });
  }

  /**
   * A peer message the server sends on behalf of a user (REST API). `null`: the receiver has no session;
   * `'queued'`: it is in its presence grace (kept for its resume); `'timeout'`: no ack within `timeoutMs`.
   */
  async sendAsServer(appId: string, to: string, frame: PeerMsgFrame, timeoutMs: number): Promise<'delivered' | 'queued' | 'timeout' | null> {
    const target = await this.engine.findSession(appId, to);
    if (!target || this.closed) return null;
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle('timeout'), timeoutMs);
      const settle = (outcome: 'delivered' | 'queued' | 'timeout'): void => {
        clearTimeout(timer);
        this.serverSends.delete(frame.mid);
        resolve(outcome);
      };
      this.serverSends.set(frame.mid, (delivered) => settle(delivered ? 'delivered' : 'queued'));
      this.engine.sendToNode(target.node, { k: 'peer', sid: target.sid, frame, sender: { node: this.nodeId, sid: SERVER_SENDER_SID } });
    });
  }

  /** The receiving client acknowledged a peer message. */
  peerAcked(session: Session, mid: string): void {
    const sender = session.takeAck(mid);
    if (sender) this.engine.sendToNode(sender.node, { k: 'peer.result', sid: sender.sid, mid, delivered: true });
  }

  // ── engine callbacks ────────────────────────────────────────────────────

  onNodeMessage(message: NodeMessage): void {
    try {
      this.handleNodeMessage(message);
    } catch (error) {
      this.log.error('hub: node message failed', error);
    }
  }

  private handleNodeMessage(message: NodeMessage): void {
    switch (message.k) {
      case 'peer': {
        const receiver = this.sessions.get(message.sid);
        const delivered = (value: boolean): void =>
          this.engine.sendToNode(message.sender.node, { k: 'peer.result', sid: message.sender.sid, mid: message.frame.mid, delivered: value });
        if (!receiver || receiver.state === 'closed') return delivered(false);
        if (!receiver.conn) {
          // Grace period: the sender is answered now (hasPeerReceived false); the resume delivers the message.
          receiver.queuePeer({ frame: message.frame, sender: null });
          return delivered(false);
        }
        // Live but its resume queue is not flushed yet: behind the queue; the sender waits for the ack as usual.
        if (receiver.holding) return receiver.queuePeer(message);
        receiver.expectAck(message);
        if (message.frame.t === 'peer.msg' && message.frame.offline) this.offline.sent(receiver, message.frame.mid);
        receiver.conn.send(message.frame);
        if (message.frame.t === 'peer.msg') this.options.metrics?.delivered('peer', 1);
        return;
      }
      case 'peer.result':
        if (message.sid === SERVER_SENDER_SID) this.serverSends.get(message.mid)?.(message.delivered);
        else this.sessions.get(message.sid)?.pendingSends.get(message.mid)?.settle(message.delivered);
        return;
      case 'kick': {
        const session = this.sessions.get(message.sid);
        if (session) this.background('kick', this.kick(session, message.reason));
        return;
      }
      case 'push':
      case 'status': {
        let encoded: Encoded | undefined;
        for (const sid of message.sids) {
          const conn = this.sessions.get(sid)?.conn;
          if (!conn) continue;
          encoded ??= encodeOnce(message.frame);
          conn.sendEncoded(encoded);
        }
        return;
      }
    }
  }

  onChannelMessage(message: ChannelMessage): void {
    try {
      this.handleChannelMessage(message);
    } catch (error) {
      this.log.error('hub: channel message failed', error);
    }
  }

  private handleChannelMessage(message: ChannelMessage): void {
    switch (message.k) {
      case 'ch.msg': {
        const local = this.channels.get(appKey(message.appId, message.frame.ch));
        if (!local) return;
        let encoded: Encoded | undefined;
        let written = 0;
        const now = this.options.now();
        for (const member of local.members) {
          if (member.sid === message.exceptSid) continue;
          if (member.conn && !member.holding) {
            encoded ??= encodeOnce(message.frame);
            member.conn.sendEncoded(encoded);
            written++;
          } else if (member.state !== 'closed') {
            // Grace period, or a resume whose queue is not flushed yet.
            member.queueChannel(message.frame, now);
          }
        }
        this.options.metrics?.delivered('channel', written);
        return;
      }
      case 'ch.membership': {
        const key = appKey(message.appId, message.ch);
        const local = this.channels.get(key);
        if (!local) return;
        const sizeForEvents = message.joined ? message.count : message.count + 1;
        if (sizeForEvents <= LIMITS.memberEventsMaxMembers) {
          this.broadcastLocal(local, message.sid, { t: 'ch.member', ch: message.ch, uid: message.uid, joined: message.joined });
        }
        this.counts.changed(key, message.count);
        return;
      }
      case 'ch.push': {
        const local = this.channels.get(appKey(message.appId, message.ch));
        if (local) this.broadcastLocal(local, null, message.frame);
        return;
      }
    }
  }

  /** Stops timers and forgets this node's state in the engine. Sockets are closed by the gateway. */
  async close(): Promise<void> {
    this.closed = true;
    for (const settle of [...this.serverSends.values()]) settle(false);
    this.counts.close();
    for (const session of this.sessions.values()) {
      session.state = 'closed';
      session.clearTimers();
      if (session.conn) session.conn.session = null;
      session.conn = null;
    }
    this.sessions.clear();
    this.byResumeId.clear();
    this.channels.clear();
    await this.engine.detach(this);
  }
}
