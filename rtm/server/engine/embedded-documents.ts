import type { EventFrame } from '../../protocol/frames.js';
import type { DocKind, DocTypes, DocumentEngine } from './documents.js';
import { appKey } from './keys.js';
import type { NodeMessage, SessionRef } from './types.js';

const docKey = (appId: string, kind: DocKind, id: string): string => `${kind}\u0000${appKey(appId, id)}`;
const refKey = (ref: SessionRef): string => `${ref.node}\u0000${ref.sid}`;

/** In-memory documents and topic subscriptions of the embedded engine. */
export class EmbeddedDocuments implements DocumentEngine {
  private readonly docs = new Map<string, unknown>();
  private readonly expiries = new Map<string, NodeJS.Timeout>();
  /** appKey(appId, topic) → refKey → subscriber */
  private readonly topics = new Map<string, Map<string, SessionRef>>();

  constructor(private readonly sendToNode: (node: string, message: NodeMessage) => void) {}

  readDoc<K extends DocKind>(appId: string, kind: K, id: string): Promise<DocTypes[K] | null> {
    return Promise.resolve((this.docs.get(docKey(appId, kind, id)) as DocTypes[K] | undefined) ?? null);
  }

  updateDoc<K extends DocKind>(appId: string, kind: K, id: string, change: (current: DocTypes[K] | null) => DocTypes[K] | null): Promise<DocTypes[K] | null> {
    const key = docKey(appId, kind, id);
    try {
      const next = change((this.docs.get(key) as DocTypes[K] | undefined) ?? null);
      if (next === null) this.docs.delete(key);
      else this.docs.set(key, next);
      return Promise.resolve(next);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  deleteDoc(appId: string, kind: DocKind, id: string): Promise<void> {
    this.docs.delete(docKey(appId, kind, id));
    return Promise.resolve();
  }

  expireDoc(appId: string, kind: DocKind, id: string, ttlMs: number | null): Promise<void> {
    const key = docKey(appId, kind, id);
    const previous = this.expiries.get(key);
    if (previous) clearTimeout(previous);
    this.expiries.delete(key);
    if (ttlMs !== null) {
      const timer = setTimeout(() => {
        this.expiries.delete(key);
        this.docs.delete(key);
      }, ttlMs);
      timer.unref();
      this.expiries.set(key, timer);
    }
    return Promise.resolve();
  }

  subscribeTopic(appId: string, topic: string, ref: SessionRef): Promise<void> {
    const key = appKey(appId, topic);
    let subscribers = this.topics.get(key);
    if (!subscribers) this.topics.set(key, (subscribers = new Map<string, SessionRef>()));
    subscribers.set(refKey(ref), ref);
    return Promise.resolve();
  }

  unsubscribeTopic(appId: string, topics: readonly string[], ref: SessionRef): Promise<void> {
    for (const topic of topics) {
      const key = appKey(appId, topic);
      const subscribers = this.topics.get(key);
      subscribers?.delete(refKey(ref));
      if (subscribers?.size === 0) this.topics.delete(key);
    }
    return Promise.resolve();
  }

  publishToTopic(appId: string, topic: string, frame: EventFrame): void {
    const subscribers = this.topics.get(appKey(appId, topic));
    if (!subscribers) return;
    const byNode = new Map<string, string[]>();
    for (const ref of subscribers.values()) byNode.set(ref.node, [...(byNode.get(ref.node) ?? []), ref.sid]);
    for (const [node, sids] of byNode) this.sendToNode(node, { k: 'push', sids, frame });
  }

  /** Forgets the topic subscriptions of a node's sessions. */
  detachNode(nodeId: string): void {
    for (const [key, subscribers] of this.topics) {
      for (const [k, ref] of subscribers) if (ref.node === nodeId) subscribers.delete(k);
      if (subscribers.size === 0) this.topics.delete(key);
    }
  }

  clear(): void {
    for (const timer of this.expiries.values()) clearTimeout(timer);
    this.expiries.clear();
    this.docs.clear();
    this.topics.clear();
  }
}
