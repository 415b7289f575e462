import type { PresenceState } from '../../../protocol/frames.js';
import { appKey } from '../keys.js';
import type { SessionRef } from '../types.js';

export interface HeldSession {
  readonly app: string;
  readonly uid: string;
  readonly ref: SessionRef;
  presence: PresenceState;
  readonly channels: Set<string>;
  readonly watches: Set<string>;
  readonly topics: Set<string>;
}

/**
 * What this process wrote to Redis for its own sessions. If Redis loses data (restart without persistence) or
 * the survivors reap this node after a long partition, the node writes it back instead of keeping sessions
 * that the rest of the cluster no longer sees.
 */
export class LocalMirror {
  private readonly bySid = new Map<string, HeldSession>();
  private readonly byUid = new Map<string, HeldSession>();

  get sessions(): IterableIterator<HeldSession> {
    return this.bySid.values();
  }

  claimed(app: string, uid: string, ref: SessionRef): void {
    const held: HeldSession = { app, uid, ref, presence: 'ONLINE', channels: new Set(), watches: new Set(), topics: new Set() };
    this.bySid.set(ref.sid, held);
    this.byUid.set(appKey(app, uid), held);
  }

  forget(sid: string): void {
    const held = this.bySid.get(sid);
    if (!held) return;
    this.bySid.delete(sid);
    const key = appKey(held.app, held.uid);
    if (this.byUid.get(key) === held) this.byUid.delete(key);
  }

  presence(app: string, uid: string, state: PresenceState): void {
    const held = this.byUid.get(appKey(app, uid));
    if (held) held.presence = state;
  }

  joined(sid: string, ch: string): void {
    this.bySid.get(sid)?.channels.add(ch);
  }

  left(sid: string, ch: string): void {
    this.bySid.get(sid)?.channels.delete(ch);
  }

  watched(sid: string, uids: readonly string[], on: boolean): void {
    const held = this.bySid.get(sid);
    if (!held) return;
    for (const uid of uids) {
      if (on) held.watches.add(uid);
      else held.watches.delete(uid);
    }
  }

  sidsOf(node: string): string[] {
    return [...this.bySid.values()].filter((held) => held.ref.node === node).map((held) => held.ref.sid);
  }

  topics(sid: string, topics: readonly string[], on: boolean): void {
    const held = this.bySid.get(sid);
    if (!held) return;
    for (const topic of topics) {
      if (on) held.topics.add(topic);
      else held.topics.delete(topic);
    }
  }

  /** Forgets every session of a node (detach). */
  forgetNode(node: string): void {
    for (const held of [...this.bySid.values()]) if (held.ref.node === node) this.forget(held.ref.sid);
  }
}
