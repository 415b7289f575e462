/**
 * TypeScript declarations of the native flat Signaling API (iOS `AgoraAPI`, Android `AgoraAPIOnlySignal`, C++
 * `IAgoraAPI`, legacy-signaling.md §10) as the shim offers it. Callbacks have their native argument lists.
 */
import type { LegacyCallback } from '../legacy-types.js';
import type { RtmClientFactory } from '../rtm-types.js';

export type AttrChangeType = 'update' | 'del' | 'clear';

/** Every flat callback with its native arguments (one row each in the API map, owner 'Flat'). */
export interface FlatCallbacks {
  onLoginSuccess(uid: number, fd: number): void;
  onLoginFailed(ecode: number): void;
  onLogout(ecode: number): void;
  onReconnecting(nretry: number): void;
  onReconnected(fd: number): void;
  onError(name: string, ecode: number, desc: string): void;
  onLog(txt: string): void;
  onDbg(a: string, b: string): void;
  onMessageSendSuccess(messageID: string): void;
  onMessageSendError(messageID: string, ecode: number): void;
  onMessageSendProgress(account: string, messageID: string, type: string, info: string): void;
  onMessageInstantReceive(account: string, uid: number, msg: string): void;
  onMessageChannelReceive(channelID: string, account: string, uid: number, msg: string): void;
  onMessageAppReceived(msg: string): void;
  onMsg(from: string, t: string, msg: string): void;
  onBCCall_result(reason: string, json_ret: string, callID: string): void;
  onQueryUserStatusResult(name: string, status: '1' | '0'): void;
  onUserAttrResult(account: string, name: string, value: string): void;
  onUserAttrAllResult(account: string, valueJSON: string): void;
  onChannelQueryUserNumResult(channelID: string, ecode: number, num: number): void;
  onChannelQueryUserIsIn(channelID: string, account: string, isIn: number): void;
  onInvokeRet(callID: string, err: string, resp: string): void;
  onChannelJoined(channelID: string): void;
  onChannelJoinFailed(channelID: string, ecode: number): void;
  onChannelLeaved(channelID: string, ecode: number): void;
  onChannelUserJoined(account: string, uid: number): void;
  onChannelUserLeaved(account: string, uid: number): void;
  onChannelUserList(accounts: string[], uids: number[]): void;
  onChannelAttrUpdated(channelID: string, name: string, value: string, type: AttrChangeType): void;
  onInviteReceived(channelID: string, account: string, uid: number, extra: string): void;
  onInviteReceivedByPeer(channelID: string, account: string, uid: number): void;
  onInviteAcceptedByPeer(channelID: string, account: string, uid: number, extra: string): void;
  onInviteRefusedByPeer(channelID: string, account: string, uid: number, extra: string): void;
  onInviteFailed(channelID: string, account: string, uid: number, ecode: number, extra: string): void;
  onInviteEndByPeer(channelID: string, account: string, uid: number, extra: string): void;
  onInviteEndByMyself(channelID: string, account: string, uid: number): void;
  onInviteMsg(channelID: string, account: string, uid: number, msgType: string, msgData: string, extra: string): void;
}

export type FlatCallbackName = keyof FlatCallbacks;

/** iOS block properties: assign a function (or `''`/`null`/`undefined` to unset); read when the event fires. */
export type FlatCallbackProperties = { [K in FlatCallbackName]: LegacyCallback<FlatCallbacks[K]> };

/** Android `AgoraAPI.CallBack` / C++ `ICallBack`: an object whose methods are (some of) the callbacks. */
export type FlatCallbackObject = Partial<FlatCallbacks>;

/** A channel message sent on behalf of a user who has not joined the channel (`messageChannelSendForce`). */
export interface ForcedChannelMessage {
  appId: string;
  from: string;
  channelID: string;
  text: string;
}

export type ForcedChannelSender = (message: ForcedChannelMessage) => Promise<void>;

/** Where the flat API connects and which RTM 1.x client it runs on. */
export interface FlatOptions {
  /** resignal server URL for the default client (`http(s)://` or `ws(s)://`). */
  endpoint?: string;
  /** Build the RTM 1.x client of each login, e.g. `(appId) => OtherRTM.createInstance(appId)`. */
  createInstance?: RtmClientFactory;
  /**
   * How `messageChannelSendForce` reaches a channel this user has not joined. RTM 1.x clients cannot; resignal's
   * server can, through its REST API (see `restChannelSender`). Without it, forced sends to other channels fail.
   */
  forceChannelSend?: ForcedChannelSender;
  /** Longest time one login attempt of `login`/`login2` may take before the next retry (ms, default 10000). */
  loginAttemptTimeoutMs?: number;
}
