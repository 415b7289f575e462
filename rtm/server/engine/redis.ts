import { Redis, type RedisOptions } from 'ioredis';
import { LIMITS } from '../../protocol/limits.js';
import type { EventFrame, PresenceState } from '../../protocol/frames.js';
import { silentLogger, type Logger } from '../logger.js';
import type { DurableStore } from '../storage/types.js';
import type { DocKind, DocTypes } from './documents.js';
import { RedisDocuments } from './redis/documents.js';
import { decodeRef, encodeRef, memberEntry, RedisKeys, sessionEntry, watchEntry } from './redis/keys.js';
import { NodeLiveness } from './redis/liveness.js';
import { LocalMirror, type HeldSession } from './redis/mirror.js';
import { decodeBatch, originOf, Outbox } from './redis/outbox.js';
import { defineScripts, type ScriptRunner } from './redis/scripts.js';
import type { ChannelMessage, Engine, EngineNode, NodeMessage, SessionRef } from './types.js';

export interface RedisEngineOptions {
  /** redis://[user:password@]host:port[/db] (rediss:// for TLS). */
  url: string;
  /** Prepended to every key and pub/sub channel, so several systems (or tests) can share one Redis. Default `resignal:`. */
  prefix?: string;
  /** How long a dead node's users stay online before the survivors remove them; use the servers' presence grace. */
  presenceGraceMs?: number;
  /** Channel attributes and metadata of a channel that the reaper leaves empty expire after this long. Default 300000. */
  channelAttributesTtlMs?: number;
  /** A node that has not refreshed its heartbeat for this long is suspected dead (confirmed one sweep later). Default 5000. */
  nodeTtlMs?: number;
  logger?: Logger;
  /** The durable store whose REST event logs get the Leave and Logout events of a dead node's users. */
  eventLog?: Pick<DurableStore, 'appendUserEvent' | 'appendChannelEvent'>;
  /** Extra ioredis options (TLS, timeouts). */
  redis?: RedisOptions;
}

const presenceStates = new Set<string>(['ONLINE', 'UNREACHABLE']);

/**
 * The cluster engine: shared state in Redis data structures, routing through Redis pub/sub (one topic per node
 * for directed messages, one topic per app channel for fan-out, subscribed only by nodes with local members).
 * One instance may serve several nodes of one process, like the embedded engine.
 */
export class RedisEngine implements Engine {
  readonly name = 'redis';
  readonly keys: RedisKeys;
  /** Commands and publishing. */
  readonly redis: Redis;
  /** Subscriptions only (a subscribed connection cannot run commands). */
  private readonly sub: Redis;
  private readonly scripts: ScriptRunner;
  private readonly outbox: Outbox;
  private readonly liveness: NodeLiveness;
  private readonly mirror = new LocalMirror();
  private readonly documents: RedisDocuments;
  private readonly nodes = new Map<string, EngineNode>();
  private readonly nodeByTopic = new Map<string, EngineNode>();
  /** Channel topic → local sessions that are members: the topic is subscribed while this is non-empty. */
  private readonly channelSubs = new Map<string, Set<string>>();
  private readonly log: Logger;
  /** Identifies this process' batches on pub/sub: local nodes already got them synchronously. */
  private readonly instanceId = crypto.randomUUID();
  private connecting: Promise<void> | null = null;
  private readyOnce = false;
  private closed = false;

  constructor(options: RedisEngineOptions) {
    this.keys = new RedisKeys(options.prefix ?? 'resignal:');
    this.log = options.logger ?? silentLogger;
    const redisOptions: RedisOptions = {
      lazyConnect: true,
      // Queue commands through a short outage, fail them after ~8 s rather than hang a login forever.
      maxRetriesPerRequest: 20,
      retryStrategy: (times) => Math.min(50 * times, 500),
      ...options.redis,
    };
    this.redis = new Redis(options.url, redisOptions);
    this.sub = new Redis(options.url, redisOptions);
    this.redis.on('error', (error: Error) => this.log.debug(`redis engine: ${error.message}`));
    this.sub.on('error', (error: Error) => this.log.debug(`redis engine (subscriber): ${error.message}`));
    this.redis.on('ready', () => this.onReady());
    this.sub.on('messageBuffer', (topic: Buffer, payload: Buffer) => this.dispatch(topic.toString('utf8'), payload));
    this.scripts = defineScripts(this.redis);
    let lastPublishWarning = 0;
    this.outbox = new Outbox(this.instanceId, this.redis, (error) => {
      // Once per 5 s: during an outage every event-loop turn with traffic fails the same way.
      if (Date.now() - lastPublishWarning < 5000) return;
      lastPublishWarning = Date.now();
      this.log.warn('redis engine: publishing to other nodes failed (messages to them are lost meanwhile)', error);
    });
    this.liveness = new NodeLiveness({
      redis: this.redis,
      keys: this.keys,
      scripts: this.scripts,
      nodeTtlMs: options.nodeTtlMs ?? 5000,
      presenceGraceMs: options.presenceGraceMs ?? LIMITS.presenceGraceMs,
      channelAttributesTtlMs: options.channelAttributesTtlMs ?? 300_000,
      log: this.log,
      localNodes: () => this.nodes.keys(),
      restore: (node) => this.restore(node),
      publishPresence: (app, uid, state) => this.publishPresence(app, uid, state),
      eventLog: options.eventLog ?? null,
      publishToChannel: (ch, message) => this.publishToChannel(ch, message),
    });
    this.documents = new RedisDocuments(
      this.redis,
      this.keys,
      this.scripts,
      (node, message) => this.sendToNode(node, message),
      (ref, _appId, topics, on) => this.mirror.topics(ref.sid, topics, on),
    );
  }

  private connect(): Promise<void> {
    this.connecting ??= Promise.all([this.redis.connect(), this.sub.connect()]).then(() => undefined);
    return this.connecting;
  }

  /** After a reconnect, state Redis may have lost (restart without persistence) is written back. */
  private onReady(): void {
    if (!this.readyOnce) {
      this.readyOnce = true;
      return;
    }
    this.log.warn('redis engine: reconnected to Redis');
    for (const node of this.nodes.keys()) {
      this.liveness
        .heartbeat(node)
        .then(() => this.restore(node))
        .catch((error: unknown) => this.log.warn('redis engine: restore after reconnect failed', error));
    }
  }

  async attach(node: EngineNode): Promise<void> {
    if (this.closed) throw new Error('The Redis engine is closed.');
    await this.connect();
    const topic = this.keys.nodeTopic(node.nodeId);
    this.nodes.set(node.nodeId, node);
    this.nodeByTopic.set(topic, node);
    await this.sub.subscribe(topic);
    await this.liveness.heartbeat(node.nodeId);
    this.liveness.start();
    void this.liveness.sweep();
  }

  async detach(node: EngineNode): Promise<void> {
    if (this.nodes.get(node.nodeId) !== node) return;
    this.nodes.delete(node.nodeId);
    const topic = this.keys.nodeTopic(node.nodeId);
    this.nodeByTopic.delete(topic);
    if (this.nodes.size === 0) this.liveness.stop();
    const sids = new Set(this.mirror.sidsOf(node.nodeId));
    this.mirror.forgetNode(node.nodeId);
    for (const [channelTopic, members] of this.channelSubs) {
      for (const sid of sids) members.delete(sid);
      if (members.size > 0) continue;
      this.channelSubs.delete(channelTopic);
      void this.sub.unsubscribe(channelTopic).catch(() => undefined);
    }
    this.outbox.flush();
    await this.sub.unsubscribe(topic);
    // Its users reconnect elsewhere within the grace; what they leave behind is reaped by the survivors.
    await this.liveness.retire(node.nodeId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.liveness.stop();
    for (const node of [...this.nodes.values()]) await this.detach(node).catch(() => undefined);
    this.outbox.flush();
    await Promise.allSettled([this.redis.quit(), this.sub.quit()]);
    this.redis.disconnect();
    this.sub.disconnect();
  }

  // ── sessions and presence ──────────────────────────────────────────────

  async claimSession(appId: string, uid: string, ref: SessionRef): Promise<SessionRef | null> {
    const k = this.keys;
    const entry = sessionEntry(appId, uid, ref.sid);
    const previous = await this.scripts.claim([k.session(appId, uid), k.nodeSessions(ref.node)], [encodeRef(ref), entry, k.prefix, appId, uid]);
    if (this.nodes.has(ref.node)) this.mirror.claimed(appId, uid, ref);
    if (typeof previous !== 'string') return null;
    const kicked = decodeRef(previous);
    // The previous holder is about to be kicked: if it lives in this process it is no longer ours to restore.
    this.mirror.forget(kicked.sid);
    return kicked;
  }

  async releaseSession(appId: string, uid: string, ref: SessionRef): Promise<boolean> {
    this.mirror.forget(ref.sid);
    const k = this.keys;
    const released = await this.scripts.release([k.session(appId, uid), k.nodeSessions(ref.node)], [encodeRef(ref), sessionEntry(appId, uid, ref.sid)]);
    return released === 1;
  }

  async findSession(appId: string, uid: string): Promise<SessionRef | null> {
    const value = await this.redis.get(this.keys.session(appId, uid));
    return value === null ? null : decodeRef(value);
  }

  async setPresence(appId: string, uid: string, state: PresenceState): Promise<PresenceState> {
    this.mirror.presence(appId, uid, state);
    const previous = await this.scripts.presence([this.keys.presence(appId, uid)], [state]);
    return asPresence(previous);
  }

  async getPresence(appId: string, uids: readonly string[]): Promise<PresenceState[]> {
    if (uids.length === 0) return [];
    const values = await this.redis.mget(uids.map((uid) => this.keys.presence(appId, uid)));
    return values.map(asPresence);
  }

  async watch(appId: string, uids: readonly string[], watcher: SessionRef): Promise<void> {
    if (uids.length === 0) return;
    this.mirror.watched(watcher.sid, uids, true);
    const ref = encodeRef(watcher);
    const multi = this.redis.multi();
    for (const uid of uids) multi.sadd(this.keys.watchers(appId, uid), ref);
    multi.sadd(this.keys.nodeWatches(watcher.node), ...uids.map((uid) => watchEntry(appId, uid, watcher.sid)));
    await multi.exec();
  }

  async unwatch(appId: string, uids: readonly string[], watcher: SessionRef): Promise<void> {
    if (uids.length === 0) return;
    this.mirror.watched(watcher.sid, uids, false);
    const ref = encodeRef(watcher);
    const multi = this.redis.multi();
    for (const uid of uids) multi.srem(this.keys.watchers(appId, uid), ref);
    multi.srem(this.keys.nodeWatches(watcher.node), ...uids.map((uid) => watchEntry(appId, uid, watcher.sid)));
    await multi.exec();
  }

  publishPresence(appId: string, uid: string, state: PresenceState): void {
    // Replies arrive in command order, so successive changes of one uid are published in order.
    this.redis.smembers(this.keys.watchers(appId, uid)).then(
      (refs) => {
        const byNode = new Map<string, string[]>();
        for (const value of refs) {
          const ref = decodeRef(value);
          const sids = byNode.get(ref.node);
          if (sids) sids.push(ref.sid);
          else byNode.set(ref.node, [ref.sid]);
        }
        for (const [node, sids] of byNode) this.sendToNode(node, { k: 'status', sids, frame: { t: 'status', uid, state } });
      },
      (error: unknown) => this.log.warn('redis engine: presence publish failed', error),
    );
  }

  // ── channels ───────────────────────────────────────────────────────────

  async addMember(appId: string, ch: string, uid: string, ref: SessionRef): Promise<{ added: boolean; count: number }> {
    const k = this.keys;
    const subscribed = this.nodes.has(ref.node) ? this.subscribeChannel(k.channelTopic(appId, ch), ref.sid) : Promise.resolve();
    this.mirror.joined(ref.sid, ch);
    const [reply] = await Promise.all([
      this.scripts.addMember([k.members(appId, ch), k.nodeMembers(ref.node)], [uid, encodeRef(ref), memberEntry(appId, ch, uid, ref.sid)]),
      subscribed,
    ]);
    const [added = 0, count = 0] = reply as number[];
    return { added: added === 1, count };
  }

  async removeMember(appId: string, ch: string, uid: string, ref: SessionRef): Promise<{ removed: boolean; count: number }> {
    const k = this.keys;
    this.mirror.left(ref.sid, ch);
    const reply = await this.scripts.removeMember([k.members(appId, ch), k.nodeMembers(ref.node)], [uid, encodeRef(ref), memberEntry(appId, ch, uid, ref.sid)]);
    if (this.nodes.has(ref.node)) await this.unsubscribeChannel(k.channelTopic(appId, ch), ref.sid);
    const [removed = 0, count = 0] = reply as number[];
    return { removed: removed === 1, count };
  }

  async listMembers(appId: string, ch: string, max: number): Promise<string[]> {
    const key = this.keys.members(appId, ch);
    if ((await this.redis.hlen(key)) <= max) return this.redis.hkeys(key);
    // A positive count returns distinct random fields.
    return (await this.redis.hrandfield(key, max)) as string[];
  }

  async countMembers(appId: string, chs: readonly string[]): Promise<number[]> {
    return Promise.all(chs.map((ch) => this.redis.hlen(this.keys.members(appId, ch))));
  }

  private async subscribeChannel(topic: string, sid: string): Promise<void> {
    let sids = this.channelSubs.get(topic);
    if (!sids) {
      this.channelSubs.set(topic, (sids = new Set()));
      sids.add(sid);
      await this.sub.subscribe(topic);
      return;
    }
    sids.add(sid);
  }

  private async unsubscribeChannel(topic: string, sid: string): Promise<void> {
    const sids = this.channelSubs.get(topic);
    if (!sids?.delete(sid) || sids.size > 0) return;
    this.channelSubs.delete(topic);
    await this.sub.unsubscribe(topic);
  }

  // ── documents and topics ───────────────────────────────────────────

  readDoc<K extends DocKind>(appId: string, kind: K, id: string): Promise<DocTypes[K] | null> {
    return this.documents.readDoc(appId, kind, id);
  }

  updateDoc<K extends DocKind>(appId: string, kind: K, id: string, change: (current: DocTypes[K] | null) => DocTypes[K] | null): Promise<DocTypes[K] | null> {
    return this.documents.updateDoc(appId, kind, id, change);
  }

  deleteDoc(appId: string, kind: DocKind, id: string): Promise<void> {
    return this.documents.deleteDoc(appId, kind, id);
  }

  expireDoc(appId: string, kind: DocKind, id: string, ttlMs: number | null): Promise<void> {
    return this.documents.expireDoc(appId, kind, id, ttlMs);
  }

  subscribeTopic(appId: string, topic: string, ref: SessionRef): Promise<void> {
    return this.documents.subscribeTopic(appId, topic, ref);
  }

  unsubscribeTopic(appId: string, topics: readonly string[], ref: SessionRef): Promise<void> {
    return this.documents.unsubscribeTopic(appId, topics, ref);
  }

  publishToTopic(appId: string, topic: string, frame: EventFrame): void {
    this.documents.publishToTopic(appId, topic, frame);
  }

  // ── routing ────────────────────────────────────────────────────────────

  /**
   * Nodes of this process are served synchronously, as by the embedded engine (a node sees its own joins and
   * sends in call order); other nodes through Redis.
   */
  sendToNode(node: string, message: NodeMessage): void {
    const local = this.nodes.get(node);
    if (local) this.deliverToNode(local, message);
    else this.outbox.publish(this.keys.nodeTopic(node), message);
  }

  publishToChannel(ch: string, message: ChannelMessage): void {
    for (const local of this.nodes.values()) local.onChannelMessage(message);
    this.outbox.publish(this.keys.channelTopic(message.appId, ch), message);
  }

  private deliverToNode(node: EngineNode, message: NodeMessage): void {
    // A kicked session is no longer ours to restore.
    if (message.k === 'kick') this.mirror.forget(message.sid);
    node.onNodeMessage(message);
  }

  private dispatch(topic: string, payload: Buffer): void {
    if (originOf(payload) === this.instanceId) return;
    let messages: unknown[];
    try {
      messages = decodeBatch(payload);
    } catch (error) {
      this.log.error(`redis engine: undecodable payload on ${topic}`, error);
      return;
    }
    const node = this.nodeByTopic.get(topic);
    if (node) {
      for (const message of messages as NodeMessage[]) this.deliverToNode(node, message);
      return;
    }
    if (!this.channelSubs.has(topic)) return;
    for (const message of messages as ChannelMessage[]) for (const local of this.nodes.values()) local.onChannelMessage(message);
  }

  // ── recovery ───────────────────────────────────────────────────────────

  /** Writes this node's sessions, memberships and watches back; sessions superseded meanwhile are kicked. */
  private async restore(nodeId: string): Promise<void> {
    const node = this.nodes.get(nodeId);
    if (!node) return;
    const held = [...this.mirror.sessions].filter((session) => session.ref.node === nodeId);
    // In slices: the calls of one slice pipeline on the connection.
    for (let i = 0; i < held.length; i += 200) await Promise.all(held.slice(i, i + 200).map((session) => this.restoreSession(node, session)));
  }

  private async restoreSession(node: EngineNode, held: HeldSession): Promise<void> {
    const k = this.keys;
    const { app, uid, ref } = held;
    const kept = await this.scripts.restoreSession(
      [k.session(app, uid), k.presence(app, uid), k.nodeSessions(node.nodeId)],
      [encodeRef(ref), sessionEntry(app, uid, ref.sid), held.presence],
    );
    if (kept !== 1) {
      this.mirror.forget(ref.sid);
      node.onNodeMessage({ k: 'kick', sid: ref.sid, reason: 'REMOTE_LOGIN' });
      return;
    }
    await Promise.all([
      ...[...held.channels].map((ch) =>
        this.scripts.restoreMember([k.members(app, ch), k.nodeMembers(node.nodeId)], [uid, encodeRef(ref), memberEntry(app, ch, uid, ref.sid)]),
      ),
      held.watches.size > 0 ? this.watch(app, [...held.watches], ref) : Promise.resolve(),
      ...[...held.topics].map((topic) => this.subscribeTopic(app, topic, ref)),
    ]);
  }
}

function asPresence(value: unknown): PresenceState {
  return typeof value === 'string' && presenceStates.has(value) ? (value as PresenceState) : 'OFFLINE';
}
