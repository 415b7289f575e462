import type { KickReason, WireErrorCode } from './errors.js';
import type { StateEventFrame, StateRequestMap } from './state-frames.js';
import type { MediaRequestMap, WireFileMessage, WireImageMessage } from './media-frames.js';

export type * from './state-frames.js';
export type * from './media-frames.js';

/** A message body on the wire. RAW bytes and media thumbnails travel as the binary attachment of the frame (see codec.ts). */
export type WireMessage =
  | { type: 'TEXT'; text: string }
  | { type: 'RAW'; description: string; data: Uint8Array }
  | WireImageMessage
  | WireFileMessage;

export type PresenceState = 'ONLINE' | 'UNREACHABLE' | 'OFFLINE';

export type CallSignalKind = 'invite' | 'accept' | 'accept-ack' | 'refuse' | 'cancel';

/** A call-invitation signal. The server only routes it; invitation state and timers live in the clients. */
export interface CallSignal {
  kind: CallSignalKind;
  /** Chosen by the caller, shared by every signal of one invitation. */
  callId: string;
  /** Channel ID carried for legacy Signaling interop ('' when unset); nobody joins it. */
  channel: string;
  /** Invitation content (invite, cancel) or response (accept, refuse); ≤ 8 KB. */
  extra: string;
}

/** Every request the client can make: its parameters and the data of a successful reply. */
export interface RequestMap extends StateRequestMap, MediaRequestMap {
  login: {
    params: { v: number; appId: string; uid: string; token?: string; instance: string; resume?: string };
    result: { session: string; resumed: boolean; serverTime: number; heartbeatMs: number };
  };
  logout: { params: object; result: object };
  'peer.send': {
    params: { to: string; msg: WireMessage; offline?: boolean; history?: boolean };
    result: { delivered: boolean; cached: boolean; ts: number };
  };
  /** Routed like a peer message and acknowledged end to end by the receiver's `peer.ack`. */
  'call.send': { params: { to: string; signal: CallSignal }; result: { delivered: boolean; ts: number } };
  'ch.join': { params: { ch: string }; result: { count: number } };
  'ch.leave': { params: { ch: string }; result: object };
  'ch.send': { params: { ch: string; msg: WireMessage; history?: boolean }; result: { ts: number } };
  'ch.members': { params: { ch: string }; result: { members: string[] } };
  'ch.count': { params: { chs: string[] }; result: { counts: Record<string, number> } };
  'status.query': { params: { uids: string[] }; result: { online: Record<string, boolean> } };
  'status.sub': { params: { uids: string[] }; result: { states: Record<string, PresenceState> } };
  'status.unsub': { params: { uids: string[] }; result: object };
}

export type RequestType = keyof RequestMap;
export type RequestParams<T extends RequestType> = RequestMap[T]['params'];
export type RequestResult<T extends RequestType> = RequestMap[T]['result'];

export type RequestFrame = { [T in RequestType]: { t: T; id: number } & RequestParams<T> }[RequestType];
export type RequestFrameOf<T extends RequestType> = Extract<RequestFrame, { t: T }>;

/** Frames a client sends that expect no reply. */
export type ClientNoticeFrame =
  | { t: 'ping' }
  /** Receiver's acknowledgement of a peer message: makes `hasPeerReceived` true at the sender. */
  | { t: 'peer.ack'; mid: string };

export type ClientFrame = RequestFrame | ClientNoticeFrame;

export type ReplyFrame =
  | { t: 'res'; id: number; data: object }
  | { t: 'err'; id: number | null; code: WireErrorCode; message: string };

/** Server pushes. */
export type EventFrame =
  | { t: 'pong'; ts: number }
  | { t: 'peer.msg'; mid: string; from: string; ts: number; msg: WireMessage; offline?: boolean }
  | { t: 'call.msg'; mid: string; from: string; ts: number; signal: CallSignal }
  | { t: 'ch.msg'; ch: string; mid: string; from: string; ts: number; msg: WireMessage }
  | { t: 'ch.member'; ch: string; uid: string; joined: boolean }
  | { t: 'ch.count'; ch: string; count: number }
  | { t: 'status'; uid: string; state: PresenceState }
  | { t: 'kick'; reason: KickReason }
  | StateEventFrame;

export type ServerFrame = ReplyFrame | EventFrame;

export const REQUEST_TYPES: readonly RequestType[] = [
  'login',
  'logout',
  'peer.send',
  'call.send',
  'ch.join',
  'ch.leave',
  'ch.send',
  'ch.members',
  'ch.count',
  'status.query',
  'status.sub',
  'status.unsub',
  // RTM core part 2 (state-frames.ts)
  'token.renew',
  'uattr.write',
  'uattr.get',
  'cattr.write',
  'cattr.get',
  'meta.write',
  'meta.get',
  'meta.sub',
  'meta.unsub',
  // RTM core part 3 (media-frames.ts)
  'media.ticket',
];

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
