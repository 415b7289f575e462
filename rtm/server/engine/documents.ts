/**
 * The part of the engine contract added by RTM core part 2: app-scoped JSON documents (user and channel
 * attributes, user and channel metadata) and topic subscriptions (user-metadata subscribers).
 * Documents are plain JSON values so a Redis engine can store them as strings.
 */
import type { EventFrame, WireChannelAttributes, WireMetadata } from '../../protocol/frames.js';
import type { SessionRef } from './types.js';

export interface DocTypes {
  /** attributes of an online user: key → value */
  uattr: Record<string, string>;
  /** attributes of a channel */
  cattr: WireChannelAttributes;
  /** metadata of a user */
  umeta: WireMetadata;
  /** metadata of a channel */
  cmeta: WireMetadata;
}

export type DocKind = keyof DocTypes;

export interface DocumentEngine {
  readDoc<K extends DocKind>(appId: string, kind: K, id: string): Promise<DocTypes[K] | null>;
  /**
   * Atomic read-modify-write of one document: `change` gets the current value (null when absent) and returns
   * the new one (null deletes), or throws to abort (the error is the rejection). A Redis engine may call
   * `change` more than once (optimistic retry), so it must be pure. Resolves the stored value.
   */
  updateDoc<K extends DocKind>(appId: string, kind: K, id: string, change: (current: DocTypes[K] | null) => DocTypes[K] | null): Promise<DocTypes[K] | null>;
  deleteDoc(appId: string, kind: DocKind, id: string): Promise<void>;
  /** Deletes the document `ttlMs` from now (rescheduled by a later call), or cancels that with `null`. */
  expireDoc(appId: string, kind: DocKind, id: string, ttlMs: number | null): Promise<void>;

  subscribeTopic(appId: string, topic: string, ref: SessionRef): Promise<void>;
  unsubscribeTopic(appId: string, topics: readonly string[], ref: SessionRef): Promise<void>;
  /** Sends `frame` to every session subscribed to the topic (NodeMessage `push`). */
  publishToTopic(appId: string, topic: string, frame: EventFrame): void;
}
