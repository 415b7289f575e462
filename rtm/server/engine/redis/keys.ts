import type { SessionRef } from '../types.js';

/**
 * Key and pub/sub channel names of the Redis engine. App IDs are exactly 32 letters/digits, so `app:id` never
 * collides across apps; index entries join fields with NUL, which IDs never contain.
 */
export class RedisKeys {
  constructor(readonly prefix: string) {}

  /** The ref of the live session of (app, uid). */
  session(app: string, uid: string): string {
    return `${this.prefix}s:${app}:${uid}`;
  }
  presence(app: string, uid: string): string {
    return `${this.prefix}p:${app}:${uid}`;
  }
  /** Hash uid → ref of the holding session. */
  members(app: string, ch: string): string {
    return `${this.prefix}m:${app}:${ch}`;
  }
  /** Set of refs watching uid. */
  watchers(app: string, uid: string): string {
    return `${this.prefix}w:${app}:${uid}`;
  }

  /** A JSON document (attributes, metadata). */
  doc(kind: string, app: string, id: string): string {
    return `${this.prefix}d:${kind}:${app}:${id}`;
  }
  /** Set of refs subscribed to a topic (user-metadata subscribers). */
  topic(app: string, topic: string): string {
    return `${this.prefix}t:${app}:${topic}`;
  }

  /** Per-node indexes, so that the survivors of a dead node can find what it held. */
  nodeSessions(node: string): string {
    return `${this.prefix}n:${node}:s`;
  }
  nodeMembers(node: string): string {
    return `${this.prefix}n:${node}:m`;
  }
  nodeWatches(node: string): string {
    return `${this.prefix}n:${node}:w`;
  }
  nodeTopics(node: string): string {
    return `${this.prefix}n:${node}:t`;
  }

  /** Every node that attached and has not been reaped. */
  nodes(): string {
    return `${this.prefix}nodes`;
  }
  /** Exists while the node heartbeats (TTL). */
  alive(node: string): string {
    return `${this.prefix}alive:${node}`;
  }
  /** Set when the node was found dead; the grace key expires when its sessions may be reaped. */
  dead(node: string): string {
    return `${this.prefix}dead:${node}`;
  }
  grace(node: string): string {
    return `${this.prefix}grace:${node}`;
  }
  /** Held by the one survivor reaping a node. */
  reaping(node: string): string {
    return `${this.prefix}reaping:${node}`;
  }
  /** Tells a node that comes back that its state was reaped and must be written again. */
  reaped(node: string): string {
    return `${this.prefix}reaped:${node}`;
  }

  /** Pub/sub: messages for one node. */
  nodeTopic(node: string): string {
    return `${this.prefix}to:${node}`;
  }
  /** Pub/sub: messages for every node with members of a channel. */
  channelTopic(app: string, ch: string): string {
    return `${this.prefix}ch:${app}:${ch}`;
  }
}

/** `sid@node`: sids are UUIDs (no `@`), node ids may contain anything. */
export function encodeRef(ref: SessionRef): string {
  return `${ref.sid}@${ref.node}`;
}

export function decodeRef(value: string): SessionRef {
  const at = value.indexOf('@');
  return { sid: value.slice(0, at), node: value.slice(at + 1) };
}

export const sessionEntry = (app: string, uid: string, sid: string): string => `${app}\u0000${uid}\u0000${sid}`;
export const memberEntry = (app: string, ch: string, uid: string, sid: string): string => `${app}\u0000${ch}\u0000${uid}\u0000${sid}`;
export const watchEntry = sessionEntry;
export const topicEntry = sessionEntry;

export function splitEntry(entry: string): string[] {
  return entry.split('\u0000');
}
