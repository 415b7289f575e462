import type { EventFrame, PresenceState } from '../../protocol/frames.js';
import type { DocKind, DocTypes } from './documents.js';
import { EmbeddedDocuments } from './embedded-documents.js';
import { appKey } from './keys.js';
import type { ChannelMessage, Engine, EngineNode, NodeMessage, SessionRef } from './types.js';

const refKey = (ref: SessionRef): string => `${ref.node}\u0000${ref.sid}`;

/**
 * In-memory engine for one process. Several servers in the same process may share one instance; it then routes
 * between them like a cluster engine would (handy for testing multi-node behaviour without Redis).
 */
export class EmbeddedEngine implements Engine {
  readonly name = 'embedded';
  private readonly nodes = new Map<string, EngineNode>();
  private readonly sessions = new Map<string, SessionRef>();
  private readonly presence = new Map<string, PresenceState>();
  /** appKey(appId, ch) → uid → holding session */
  private readonly channels = new Map<string, Map<string, SessionRef>>();
  /** appKey(appId, uid) → refKey → watcher */
  private readonly watchers = new Map<string, Map<string, SessionRef>>();
  /** Attributes, metadata and topic subscriptions (RTM core part 2). */
  private readonly documents = new EmbeddedDocuments((node, message) => this.sendToNode(node, message));

  attach(node: EngineNode): Promise<void> {
    this.nodes.set(node.nodeId, node);
    return Promise.resolve();
  }

  detach(node: EngineNode): Promise<void> {
    this.nodes.delete(node.nodeId);
    this.documents.detachNode(node.nodeId);
    const mine = (ref: SessionRef): boolean => ref.node === node.nodeId;
    for (const [key, ref] of this.sessions) {
      if (mine(ref)) {
        this.sessions.delete(key);
        this.presence.delete(key);
      }
    }
    for (const [key, members] of this.channels) {
      for (const [uid, ref] of members) if (mine(ref)) members.delete(uid);
      if (members.size === 0) this.channels.delete(key);
    }
    for (const [key, watching] of this.watchers) {
      for (const [k, ref] of watching) if (mine(ref)) watching.delete(k);
      if (watching.size === 0) this.watchers.delete(key);
    }
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.nodes.clear();
    this.sessions.clear();
    this.presence.clear();
    this.channels.clear();
    this.watchers.clear();
    this.documents.clear();
    return Promise.resolve();
  }

  claimSession(appId: string, uid: string, ref: SessionRef): Promise<SessionRef | null> {
    const key = appKey(appId, uid);
    const previous = this.sessions.get(key) ?? null;
    this.sessions.set(key, ref);
    return Promise.resolve(previous && refKey(previous) !== refKey(ref) ? previous : null);
  }

  releaseSession(appId: string, uid: string, ref: SessionRef): Promise<boolean> {
    const key = appKey(appId, uid);
    const holder = this.sessions.get(key);
    if (!holder || refKey(holder) !== refKey(ref)) return Promise.resolve(false);
    this.sessions.delete(key);
    return Promise.resolve(true);
  }

  findSession(appId: string, uid: string): Promise<SessionRef | null> {
    return Promise.resolve(this.sessions.get(appKey(appId, uid)) ?? null);
  }

  setPresence(appId: string, uid: string, state: PresenceState): Promise<PresenceState> {
    const key = appKey(appId, uid);
    const previous = this.presence.get(key) ?? 'OFFLINE';
    if (state === 'OFFLINE') this.presence.delete(key);
    else this.presence.set(key, state);
    return Promise.resolve(previous);
  }

  getPresence(appId: string, uids: readonly string[]): Promise<PresenceState[]> {
    return Promise.resolve(uids.map((uid) => this.presence.get(appKey(appId, uid)) ?? 'OFFLINE'));
  }

  watch(appId: string, uids: readonly string[], watcher: SessionRef): Promise<void> {
    for (const uid of uids) {
      const key = appKey(appId, uid);
      let watching = this.watchers.get(key);
      if (!watching) this.watchers.set(key, (watching = new Map<string, SessionRef>()));
      watching.set(refKey(watcher), watcher);
    }
    return Promise.resolve();
  }

  unwatch(appId: string, uids: readonly string[], watcher: SessionRef): Promise<void> {
    const k = refKey(watcher);
    for (const uid of uids) {
      const key = appKey(appId, uid);
      const watching = this.watchers.get(key);
      if (!watching) continue;
      watching.delete(k);
      if (watching.size === 0) this.watchers.delete(key);
    }
    return Promise.resolve();
  }

  publishPresence(appId: string, uid: string, state: PresenceState): void {
    const watching = this.watchers.get(appKey(appId, uid));
    if (!watching) return;
    const byNode = new Map<string, string[]>();
    for (const ref of watching.values()) {
      const sids = byNode.get(ref.node);
      if (sids) sids.push(ref.sid);
      else byNode.set(ref.node, [ref.sid]);
    }
    for (const [node, sids] of byNode) this.sendToNode(node, { k: 'status', sids, frame: { t: 'status', uid, state } });
  }

  addMember(appId: string, ch: string, uid: string, ref: SessionRef): Promise<{ added: boolean; count: number }> {
    const key = appKey(appId, ch);
    let members = this.channels.get(key);
    if (!members) this.channels.set(key, (members = new Map<string, SessionRef>()));
    const previous = members.get(uid);
    members.set(uid, ref);
    return Promise.resolve({ added: previous === undefined, count: members.size });
  }

  removeMember(appId: string, ch: string, uid: string, ref: SessionRef): Promise<{ removed: boolean; count: number }> {
    const key = appKey(appId, ch);
    const members = this.channels.get(key);
    const holder = members?.get(uid);
    if (!members || !holder || refKey(holder) !== refKey(ref)) return Promise.resolve({ removed: false, count: members?.size ?? 0 });
    members.delete(uid);
    if (members.size === 0) this.channels.delete(key);
    return Promise.resolve({ removed: true, count: members.size });
  }

  listMembers(appId: string, ch: string, max: number): Promise<string[]> {
    const members = this.channels.get(appKey(appId, ch));
    if (!members) return Promise.resolve([]);
    const uids = [...members.keys()];
    if (uids.length <= max) return Promise.resolve(uids);
    // Partial Fisher–Yates: a uniform random subset of `max` uids.
    for (let i = 0; i < max; i++) {
      const j = i + Math.floor(Math.random() * (uids.length - i));
      [uids[i], uids[j]] = [uids[j]!, uids[i]!];
    }
    return Promise.resolve(uids.slice(0, max));
  }

  countMembers(appId: string, chs: readonly string[]): Promise<number[]> {
    return Promise.resolve(chs.map((ch) => this.channels.get(appKey(appId, ch))?.size ?? 0));
  }

  sendToNode(node: string, message: NodeMessage): void {
    this.nodes.get(node)?.onNodeMessage(message);
  }

  publishToChannel(_ch: string, message: ChannelMessage): void {
    // Every node filters by its local members; with one node this is a direct call.
    for (const node of this.nodes.values()) node.onChannelMessage(message);
  }
  // ── documents and topics (RTM core part 2) ─────────────────────────────

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
}
