/**
 * Frames of RTM core part 2: token renewal, user and channel attributes, metadata (1.6.0). Merged into
 * `RequestMap` and `EventFrame` in frames.ts.
 */

/** set: replace all · merge: add or update · delete: remove keys · clear: remove all. */
export type AttrOp = 'set' | 'merge' | 'delete' | 'clear';

/** Metadata operations (rtm-1x.md §3.10). */
export type MetaOp = 'set' | 'add' | 'update' | 'delete' | 'clear';

export interface WireChannelAttribute {
  value: string;
  /** lastUpdateUserId */
  by: string;
  /** lastUpdateTs, ms */
  ts: number;
}

export type WireChannelAttributes = Record<string, WireChannelAttribute>;

/** A stored metadata item. `ts` is 0 and `by` is '' unless the writer asked to record them. */
export interface WireMetaItem {
  key: string;
  value: string;
  rev: number;
  ts: number;
  by: string;
}

/** A metadata set: its items and its major revision (0 for a set never written). */
export interface WireMetadata {
  major: number;
  items: WireMetaItem[];
}

/** An item in a write. `rev` ≥ 0 is a compare-and-set on the item's revision (0 = "must not exist"); < 0 = no check. */
export interface WireMetaItemWrite {
  key: string;
  value: string | null;
  rev: number;
}

export interface StateRequestMap {
  /** Replaces the session's token (renewToken). */
  'token.renew': { params: { token: string }; result: { expiresAt: number | null } };
  /** Writes the session's own user attributes. There is no uid field: a session can only write its own. */
  'uattr.write': { params: { op: AttrOp; attrs?: Record<string, string>; keys?: string[] }; result: object };
  /** Reads the attributes of an online user of the same app (all of them, or `keys`). */
  'uattr.get': { params: { uid: string; keys?: string[] }; result: { attrs: Record<string, string> } };
  /** Writes channel attributes; no membership needed. `notify` pushes `cattr.update` to every member. */
  'cattr.write': {
    params: { ch: string; op: AttrOp; attrs?: Record<string, string>; keys?: string[]; notify?: boolean };
    result: object;
  };
  'cattr.get': { params: { ch: string; keys?: string[] }; result: { attrs: WireChannelAttributes } };
  /** Writes the session's own user metadata, or (with `ch`) the metadata of a channel the session joined. */
  'meta.write': {
    params: { ch?: string; op: MetaOp; items: WireMetaItemWrite[]; major: number; recordTs?: boolean; recordUser?: boolean };
    result: { major: number };
  };
  /** Reads user metadata (`uid`, any user of the app) or channel metadata (`ch`, joined channels only). */
  'meta.get': { params: { uid?: string; ch?: string }; result: { data: WireMetadata } };
  'meta.sub': { params: { uid: string }; result: object };
  'meta.unsub': { params: { uid: string }; result: object };
}

export type StateEventFrame =
  /** The login privilege of the session's token ends at `expiresAt` (ms): renew it. */
  | { t: 'token.expiring'; expiresAt: number }
  /** The full attribute set of a joined channel, after a write with `notify`. */
  | { t: 'cattr.update'; ch: string; attrs: WireChannelAttributes }
  /** The full metadata of a subscribed user (`uid`) or of a joined channel (`ch`) after a change. */
  | { t: 'meta.update'; uid?: string; ch?: string; data: WireMetadata };
