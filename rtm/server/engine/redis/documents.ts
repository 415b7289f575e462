import type { Redis } from 'ioredis';
import type { EventFrame } from '../../../protocol/frames.js';
import type { DocKind, DocTypes, DocumentEngine } from '../documents.js';
import type { NodeMessage, SessionRef } from '../types.js';
import { decodeRef, encodeRef, topicEntry, type RedisKeys } from './keys.js';
import type { ScriptRunner } from './scripts.js';

/** Optimistic updates give up after this many conflicting writers in a row (a hot document). */
const MAX_ATTEMPTS = 50;

export class DocumentConflictError extends Error {
  readonly code = 'DOCUMENT_CONFLICT';
}

/**
 * Documents as JSON strings; `updateDoc` reads, applies `change` locally and writes with a compare-and-set
 * script (retrying on conflict), so the change function never runs inside Redis. Writes keep a pending expiry.
 */
export class RedisDocuments implements DocumentEngine {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly scripts: ScriptRunner,
    private readonly sendToNode: (node: string, message: NodeMessage) => void,
    private readonly onTopicChange: (ref: SessionRef, appId: string, topics: readonly string[], on: boolean) => void,
  ) {}

  async readDoc<K extends DocKind>(appId: string, kind: K, id: string): Promise<DocTypes[K] | null> {
    const raw = await this.redis.get(this.keys.doc(kind, appId, id));
    return raw === null ? null : (JSON.parse(raw) as DocTypes[K]);
  }

  async updateDoc<K extends DocKind>(appId: string, kind: K, id: string, change: (current: DocTypes[K] | null) => DocTypes[K] | null): Promise<DocTypes[K] | null> {
    const key = this.keys.doc(kind, appId, id);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const raw = await this.redis.get(key);
      const next = change(raw === null ? null : (JSON.parse(raw) as DocTypes[K]));
      // ARGV: expected ('' = absent, else '=' + value), new ('' = delete, else '=' + value).
      const written = await this.scripts.compareAndSet([key], [raw === null ? '' : `=${raw}`, next === null ? '' : `=${JSON.stringify(next)}`]);
      if (written === 1) return next;
    }
    throw new DocumentConflictError(`Too many concurrent writers of ${kind} ${id}.`);
  }

  async deleteDoc(appId: string, kind: DocKind, id: string): Promise<void> {
    await this.redis.del(this.keys.doc(kind, appId, id));
  }

  async expireDoc(appId: string, kind: DocKind, id: string, ttlMs: number | null): Promise<void> {
    const key = this.keys.doc(kind, appId, id);
    if (ttlMs === null) await this.redis.persist(key);
    else await this.redis.pexpire(key, Math.max(1, Math.round(ttlMs)));
  }

  async subscribeTopic(appId: string, topic: string, ref: SessionRef): Promise<void> {
    this.onTopicChange(ref, appId, [topic], true);
    await this.redis.multi().sadd(this.keys.topic(appId, topic), encodeRef(ref)).sadd(this.keys.nodeTopics(ref.node), topicEntry(appId, topic, ref.sid)).exec();
  }

  async unsubscribeTopic(appId: string, topics: readonly string[], ref: SessionRef): Promise<void> {
    if (topics.length === 0) return;
    this.onTopicChange(ref, appId, topics, false);
    const multi = this.redis.multi();
    for (const topic of topics) multi.srem(this.keys.topic(appId, topic), encodeRef(ref));
    multi.srem(this.keys.nodeTopics(ref.node), ...topics.map((topic) => topicEntry(appId, topic, ref.sid)));
    await multi.exec();
  }

  publishToTopic(appId: string, topic: string, frame: EventFrame): void {
    this.redis.smembers(this.keys.topic(appId, topic)).then(
      (refs) => {
        const byNode = new Map<string, string[]>();
        for (const value of refs) {
          const ref = decodeRef(value);
          byNode.set(ref.node, [...(byNode.get(ref.node) ?? []), ref.sid]);
        }
        for (const [node, sids] of byNode) this.sendToNode(node, { k: 'push', sids, frame });
      },
      () => undefined,
    );
  }
}
