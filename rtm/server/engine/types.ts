/**
 * The engine holds the state that several server nodes would share (session registry, presence, channel
 * membership, presence watchers) and routes deliveries to the node that holds a session. The hub of each node
 * keeps only node-local things (sockets, timers, queues) and talks to the engine through this interface.
 *
 * Every key is scoped by App ID: two apps never see each other's users or channels.
 * State calls are async (a Redis engine does I/O); publish calls are fire-and-forget and keep per-publisher order.
 */
import type { KickReason } from '../../protocol/errors.js';
import type { EventFrame, PresenceState } from '../../protocol/frames.js';
import type { DocumentEngine } from './documents.js';

export type { DocKind, DocTypes, DocumentEngine } from './documents.js';

/** Where a session lives: the node that holds its socket and its node-local id. */
export interface SessionRef {
  readonly node: string;
  readonly sid: string;
}

/** Peer messages and call signals: routed to one session and acknowledged end to end. */
export type PeerMsgFrame = Extract<EventFrame, { t: 'peer.msg' | 'call.msg' }>;
export type ChMsgFrame = Extract<EventFrame, { t: 'ch.msg' }>;
export type StatusFrame = Extract<EventFrame, { t: 'status' }>;

/** Messages addressed to sessions on one node. */
export type NodeMessage =
  /** A peer message for `sid`; the node answers the sender with a `peer.result`. */
  | { k: 'peer'; sid: string; frame: PeerMsgFrame; sender: SessionRef }
  /** The outcome of a peer message, for the sending session (end-to-end ack). */
  | { k: 'peer.result'; sid: string; mid: string; delivered: boolean }
  /** End session `sid` (another login took over its uid). */
  | { k: 'kick'; sid: string; reason: KickReason }
  /** A presence change for the watching sessions `sids`. */
  | { k: 'status'; sids: string[]; frame: StatusFrame }
  /** Any event for the sessions `sids` (token notices, user-metadata updates). */
  | { k: 'push'; sids: string[]; frame: EventFrame };

/** Messages for every node that has members of a channel. */
export type ChannelMessage =
  | { k: 'ch.msg'; appId: string; frame: ChMsgFrame; exceptSid: string }
  /** Membership changed; `count` is the member count after the change. */
  | { k: 'ch.membership'; appId: string; ch: string; uid: string; sid: string; joined: boolean; count: number }
  /** An event for every member of the channel, the writer included (channel attribute and metadata updates). */
  | { k: 'ch.push'; appId: string; ch: string; frame: EventFrame };

/** Implemented by each node's hub. */
export interface EngineNode {
  readonly nodeId: string;
  onNodeMessage(message: NodeMessage): void;
  onChannelMessage(message: ChannelMessage): void;
}

export interface Engine extends DocumentEngine {
  readonly name: string;
  attach(node: EngineNode): Promise<void>;
  /** Forgets everything the node held (its sessions, memberships, watches). */
  detach(node: EngineNode): Promise<void>;
  close(): Promise<void>;

  /** Makes `ref` the live session of (appId, uid); returns the previous holder (to be kicked), if any. */
  claimSession(appId: string, uid: string, ref: SessionRef): Promise<SessionRef | null>;
  /** Releases (appId, uid) if `ref` still holds it; true when released. */
  releaseSession(appId: string, uid: string, ref: SessionRef): Promise<boolean>;
  findSession(appId: string, uid: string): Promise<SessionRef | null>;

  /** Sets the presence of uid; returns the previous state ('OFFLINE' when unknown). */
  setPresence(appId: string, uid: string, state: PresenceState): Promise<PresenceState>;
  getPresence(appId: string, uids: readonly string[]): Promise<PresenceState[]>;
  watch(appId: string, uids: readonly string[], watcher: SessionRef): Promise<void>;
  unwatch(appId: string, uids: readonly string[], watcher: SessionRef): Promise<void>;
  /** Sends `status {uid, state}` to every session watching uid. */
  publishPresence(appId: string, uid: string, state: PresenceState): void;

  /** Adds uid (held by session sid) to a channel; `added` is false when it was already a member. */
  addMember(appId: string, ch: string, uid: string, ref: SessionRef): Promise<{ added: boolean; count: number }>;
  /** Removes uid if its membership belongs to session `ref` (a newer session of the same uid is left alone). */
  removeMember(appId: string, ch: string, uid: string, ref: SessionRef): Promise<{ removed: boolean; count: number }>;
  /** Up to `max` member uids; a random subset when there are more. */
  listMembers(appId: string, ch: string, max: number): Promise<string[]>;
  countMembers(appId: string, chs: readonly string[]): Promise<number[]>;

  sendToNode(node: string, message: NodeMessage): void;
  publishToChannel(ch: string, message: ChannelMessage): void;
}
