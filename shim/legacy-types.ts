/**
 * TypeScript declarations of the legacy Signaling Web API (SDK 1.4.3), so TypeScript apps type-check against
 * the shim. The runtime classes implement these interfaces. Callback properties accept what apps assign in
 * practice: a function, or `""`/`null`/`undefined` to unset it.
 */
import type { RtmClientFactory } from './rtm-types.js';
import type { ChannelState, LoginState } from './status.js';

export type LegacyCallback<F extends (...args: never[]) => unknown> = F | '' | null | undefined;

/** The `(err, ret)` callback of `session.invoke`: `err === ''` on success. */
export type InvokeCallback = (err: string, ret: InvokeResult) => void;

export interface InvokeResult {
  result: string;
  reason?: string;
  [field: string]: unknown;
}

export interface LegacyCall {
  readonly channelName: string;
  readonly peer: string;
  readonly extra: string;
  channelInviteUser2(): void;
  channelInviteAccept(extra?: string): void;
  channelInviteRefuse(extra?: string): void;
  channelInviteEnd(extra?: string): void;
  channelInviteDTMF(dtmf: string): void;
  onInviteReceivedByPeer: LegacyCallback<(extra: string) => void>;
  onInviteAcceptedByPeer: LegacyCallback<(extra: string) => void>;
  onInviteRefusedByPeer: LegacyCallback<(extra: string) => void>;
  onInviteFailed: LegacyCallback<(extra: string) => void>;
  onInviteEndByPeer: LegacyCallback<(extra: string) => void>;
  onInviteEndByMyself: LegacyCallback<(extra: string) => void>;
  onInviteMsg: LegacyCallback<(extra: string) => void>;
}

export interface LegacyChannel {
  readonly name: string;
  readonly state: ChannelState;
  m_channel_msgid: number;
  messageChannelSend(msg: string, cb?: LegacyCallback<() => void>): void;
  channelLeave(cb?: LegacyCallback<() => void>): void;
  channelSetAttr(name: string, value: string, cb?: LegacyCallback<() => void>): void;
  channelDelAttr(name: string, cb?: LegacyCallback<() => void>): void;
  channelClearAttr(cb?: LegacyCallback<() => void>): void;
  onChannelJoined: LegacyCallback<() => void>;
  onChannelJoinFailed: LegacyCallback<(err: string) => void>;
  onChannelLeaved: LegacyCallback<(ecode: number) => void>;
  onChannelUserList: LegacyCallback<(users: [account: string, uid: number][]) => void>;
  onChannelUserJoined: LegacyCallback<(account: string, uid: number) => void>;
  onChannelUserLeaved: LegacyCallback<(account: string, uid: number) => void>;
  onChannelAttrUpdated: LegacyCallback<(name: string, value: string, type: 'update' | 'del' | 'clear') => void>;
  onMessageChannelReceive: LegacyCallback<(account: string, uid: number, msg: string) => void>;
}

export interface LegacySession {
  readonly account: string;
  readonly uid: number;
  readonly state: LoginState;
  readonly line: string;
  logout(): void;
  getStatus(): LoginState;
  messageInstantSend(peer: string, msg: string, cb?: LegacyCallback<(isError: boolean) => void>): void;
  invoke(func: string, args?: Record<string, unknown>, cb?: LegacyCallback<InvokeCallback>): void;
  channelJoin(name: string): LegacyChannel | undefined;
  channelInviteUser2(channelID: string, peer: string, extra?: string): LegacyCall;
  onLoginSuccess: LegacyCallback<(uid: number) => void>;
  onLoginFailed: LegacyCallback<(ecode: number) => void>;
  onLogout: LegacyCallback<(ecode: number) => void>;
  onMessageInstantReceive: LegacyCallback<(account: string, uid: number, msg: string) => void>;
  onInviteReceived: LegacyCallback<(call: LegacyCall) => void>;
  /** Never called (the Web SDK never called it either); kept as a slot apps may assign. */
  onError: LegacyCallback<(...args: never[]) => void>;
}

export interface LegacySignal {
  readonly appid: string;
  login(account: string, token: string, reconnect_count?: number, reconnect_time?: number): LegacySession;
  setDoLog(isEnabled?: boolean, level?: 'DEBUG' | 'WARNING' | 'INFO'): void;
  getSDKVersion(): string;
  getSDKVersion_int(): number;
  setup_debugging(name: string, value: unknown): void;
  setUpDebugging(name: string, value: unknown): void;
}

/** Where the shim's sessions connect, or which RTM 1.x client they run on. */
export interface SignalOptions {
  /** resignal server URL (`ws://`, `wss://`, `http://` or `https://`) for the default client. */
  endpoint?: string;
  /** Build one RTM 1.x client per session, e.g. `(appId) => OtherRTM.createInstance(appId)`. */
  createInstance?: RtmClientFactory;
}

export interface SignalFactory {
  (appid: string, options?: SignalOptions): LegacySignal;
  new (appid: string, options?: SignalOptions): LegacySignal;
  /** Defaults for every later `Signal(appid)` that passes no options (how a drop-in app is pointed at a server). */
  configure(options: SignalOptions): void;
}
