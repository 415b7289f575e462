/**
 * The flat API object of the native Signaling SDKs (legacy-signaling.md §10) on the RTM 1.x client: one object
 * with every call, results through callbacks with native argument lists (block properties or `callbackSet`).
 * Each call and each callback that fires reports its API-map ID to the deprecation registry.
 */
import type { ApiId } from '../api-map.js';
import { resignalClientFactory } from '../default-client.js';
import { LOGIN_E_ALREADY_LOGIN, LEAVECHANNEL_E_DISCONN, LEAVECHANNEL_E_LOGOUT, LOGOUT_E_ALREADY_LOGOUT, LOGOUT_E_USER } from '../errors.js';
import { LOGIN_STATE_LOGINED, LOGIN_STATE_NOT_LOGIN, SIGNALING_SDK_VERSION_INT, type LoginState } from '../status.js';
import { legacyMessage, legacyString } from '../text.js';
import { noteUse } from '../usage.js';
import { FlatCalls } from './calls.js';
import { FlatChannels } from './channels.js';
import { FLAT_UID, later, type FlatCore } from './core.js';
import { FlatDispatcher } from './dispatch.js';
import { FlatInvoke } from './invoke.js';
import { FlatLogger } from './log.js';
import { FlatSession } from './login.js';
import { FlatMessages } from './messages.js';
import { dtmfSendFails, phoneInviteFails } from './phone.js';
import { FlatQueries } from './queries.js';
import { DEFAULT_LOGIN_ATTEMPT_TIMEOUT_MS, retryPolicy } from './retry-policy.js';
import type { FlatCallbackObject, FlatOptions } from './types.js';

const text = (value: unknown): string => (value === undefined || value === null ? '' : legacyMessage(value));

export class FlatApi {
  readonly #appId: string;
  readonly #options: FlatOptions;
  readonly #log: FlatLogger;
  readonly #dispatcher: FlatDispatcher;
  readonly #session: FlatSession;
  readonly #channels: FlatChannels;
  readonly #calls: FlatCalls;
  readonly #messages: FlatMessages;
  readonly #queries: FlatQueries;
  readonly #invoke: FlatInvoke;
  readonly #onDestroy: (api: FlatApi) => void;
  readonly #core: FlatCore;
  #loginAppId: string;
  #destroyed = false;

  constructor(appId: string, options: FlatOptions = {}, onDestroy: (api: FlatApi) => void = () => undefined) {
    this.#appId = legacyString(appId ?? '');
    this.#loginAppId = this.#appId;
    this.#options = { ...options };
    this.#onDestroy = onDestroy;
    this.#dispatcher = new FlatDispatcher(this, (...parts) => this.#log.error(...parts));
    this.#log = new FlatLogger((line) => this.#dispatcher.log(line));
    const core: FlatCore = {
      log: this.#log,
      fire: (name, ...args) => {
        if (!this.#destroyed) this.#dispatcher.fire(name, ...args);
      },
      client: () => this.#session.client,
      account: () => this.#session.account,
      loggedIn: () => this.#session.state === LOGIN_STATE_LOGINED,
      appId: () => this.#loginAppId,
    };
    this.#core = core;
    const createClient = this.#options.createInstance ?? resignalClientFactory(this.#options.endpoint);
    this.#session = new FlatSession(createClient, {
      loggedIn: () => core.fire('onLoginSuccess', FLAT_UID, 0),
      loginFailed: (ecode) => core.fire('onLoginFailed', ecode),
      reconnecting: (nretry) => core.fire('onReconnecting', nretry),
      reconnected: () => core.fire('onReconnected', 0),
      ended: (ecode) => {
        if (ecode !== LOGOUT_E_ALREADY_LOGOUT) {
          this.#channels.abandon(ecode === LOGOUT_E_USER ? LEAVECHANNEL_E_LOGOUT : LEAVECHANNEL_E_DISCONN);
          this.#calls.abandonAll();
        }
        core.fire('onLogout', ecode);
      },
      peerMessage: (message, peerId) => this.#messages.received(message, peerId),
      inviteReceived: (invitation) => this.#calls.incoming(invitation),
    }, this.#log);
    this.#channels = new FlatChannels(core);
    this.#calls = new FlatCalls(core);
    this.#messages = new FlatMessages(core, this.#channels, this.#calls, () => this.#options.forceChannelSend);
    this.#queries = new FlatQueries(core, this.#channels);
    this.#invoke = new FlatInvoke(core, this.#channels, this.#queries);
  }

  /** The App ID given at construction. */
  get appId(): string {
    return this.#appId;
  }

  /** Android/C++ style: an object whose methods are the callbacks, read at fire time. Block properties win. */
  callbackSet(callback: FlatCallbackObject | null): void {
    if (!this.#use('SIG_FLAT_CALLBACK_SET')) return;
    this.#dispatcher.callbackObject = callback;
  }

  /* --- session --- */

  login(appId: string, account: string, token: string, uid: number = 0, deviceID: string | null = null): void {
    if (!this.#use('SIG_FLAT_LOGIN')) return;
    this.#login(appId, account, token, retryPolicy(undefined, undefined), uid, deviceID);
  }

  login2(appId: string, account: string, token: string, uid: number, deviceID: string | null, retry_time_in_s: number = 30, retry_count: number = 3): void {
    if (!this.#use('SIG_FLAT_LOGIN2')) return;
    this.#login(appId, account, token, retryPolicy(retry_time_in_s, retry_count), uid, deviceID);
  }

  logout(): void {
    if (!this.#use('SIG_FLAT_LOGOUT')) return;
    this.#session.logout();
  }

  /** Logs out without callbacks, drops every listener, and refuses further calls. */
  destroy(): void {
    if (!this.#use('SIG_FLAT_DESTROY')) return;
    this.#destroyed = true;
    this.#dispatcher.callbackObject = null;
    this.#channels.abandon(0);
    this.#calls.abandonAll();
    this.#session.dispose();
    this.#onDestroy(this);
  }

  getStatus(): LoginState {
    if (!this.#use('SIG_FLAT_GET_STATUS')) return LOGIN_STATE_NOT_LOGIN;
    return this.#session.state;
  }

  isOnline(): 0 | 1 {
    if (!this.#use('SIG_FLAT_IS_ONLINE')) return 0;
    return this.#session.state === LOGIN_STATE_LOGINED ? 1 : 0;
  }

  getSdkVersion(): number {
    noteUse('SIG_FLAT_GET_SDK_VERSION');
    return SIGNALING_SDK_VERSION_INT;
  }

  dbg(a: string, b: string): void {
    if (this.#use('SIG_FLAT_DBG')) this.#log.debug('dbg ignored:', a, b);
  }

  setBackground(bOut: number): void {
    if (this.#use('SIG_FLAT_SET_BACKGROUND')) this.#log.debug('setBackground ignored:', bOut);
  }

  setNetworkStatus(bOut: number): void {
    if (this.#use('SIG_FLAT_SET_NETWORK_STATUS')) this.#log.debug('setNetworkStatus ignored:', bOut);
  }

  ping(): void {
    if (this.#use('SIG_FLAT_PING')) this.#log.debug('ping ignored: RTM sends heartbeats itself');
  }

  start(): void {
    if (this.#use('SIG_FLAT_START')) this.#log.debug('start ignored');
  }

  stop(): void {
    if (this.#use('SIG_FLAT_STOP')) this.#log.debug('stop ignored');
  }

  /* --- messages --- */

  messageInstantSend(account: string, uid: number, msg: string, msgID: string = ''): void {
    if (this.#use('SIG_FLAT_MESSAGE_INSTANT_SEND')) this.#messages.instantSend(account, msg, msgID);
  }

  /** `options` (a JSON string in the natives) has no RTM counterpart and is ignored. */
  messageInstantSend2(account: string, uid: number, msg: string, msgID: string, options?: unknown): void {
    if (!this.#use('SIG_FLAT_MESSAGE_INSTANT_SEND2')) return;
    if (options !== undefined && options !== null && options !== '') this.#log.debug('messageInstantSend2 options ignored:', options);
    this.#messages.instantSend(account, msg, msgID);
  }

  messageChannelSend(channelID: string, msg: string, msgID: string = ''): void {
    if (this.#use('SIG_FLAT_MESSAGE_CHANNEL_SEND')) this.#messages.channelSend(channelID, msg, msgID);
  }

  messageChannelSend2(channelID: string, msg: string, msgID: string, extra?: unknown): void {
    if (!this.#use('SIG_FLAT_MESSAGE_CHANNEL_SEND2')) return;
    if (extra !== undefined && extra !== null && extra !== '') this.#log.debug('messageChannelSend2 extra ignored:', extra);
    this.#messages.channelSend(channelID, msg, msgID);
  }

  messageChannelSendForce(channelID: string, msg: string, msgID: string = ''): void {
    if (this.#use('SIG_FLAT_MESSAGE_CHANNEL_SEND_FORCE')) this.#messages.channelSendForce(channelID, msg, msgID);
  }

  messageAppSend(msg: string, msgID: string = ''): void {
    if (this.#use('SIG_FLAT_MESSAGE_APP_SEND')) this.#messages.unsupported('messageAppSend', msgID);
  }

  messagePushSend(account: string, uid: number, msg: string, msgID: string = ''): void {
    if (this.#use('SIG_FLAT_MESSAGE_PUSH_SEND')) this.#messages.unsupported('messagePushSend', msgID);
  }

  messageChatSend(account: string, uid: number, msg: string, msgID: string = ''): void {
    if (this.#use('SIG_FLAT_MESSAGE_CHAT_SEND')) this.#messages.unsupported('messageChatSend', msgID);
  }

  messageDTMFSend(_channelID: string, _phoneNum: string, _dtmf: string): void {
    if (this.#use('SIG_FLAT_MESSAGE_DTMF_SEND')) dtmfSendFails(this.#core, 'messageDTMFSend');
  }

  /* --- queries and user attributes --- */

  queryUserStatus(account: string): void {
    if (this.#use('SIG_FLAT_QUERY_USER_STATUS')) this.#queries.queryUserStatus(legacyString(account));
  }

  /** An empty value deletes the attribute (RTM rejects empty values). */
  setAttr(name: string, value: string): void {
    if (this.#use('SIG_FLAT_SET_ATTR')) this.#queries.setAttr(legacyString(name), value);
  }

  getAttr(name: string): void {
    if (this.#use('SIG_FLAT_GET_ATTR')) this.#queries.getUserAttr('getAttr', this.#session.account, legacyString(name));
  }

  getAttrAll(): void {
    if (this.#use('SIG_FLAT_GET_ATTR_ALL')) this.#queries.getUserAttrAll('getAttrAll', this.#session.account);
  }

  getUserAttr(account: string, name: string): void {
    if (this.#use('SIG_FLAT_GET_USER_ATTR')) this.#queries.getUserAttr('getUserAttr', legacyString(account), legacyString(name));
  }

  getUserAttrAll(account: string): void {
    if (this.#use('SIG_FLAT_GET_USER_ATTR_ALL')) this.#queries.getUserAttrAll('getUserAttrAll', legacyString(account));
  }

  invoke(name: string, reqJSON: string, callID: string): void {
    if (this.#use('SIG_FLAT_INVOKE')) this.#invoke.run(name, reqJSON, callID);
  }

  /* --- channels --- */

  channelJoin(channelID: string): void {
    if (this.#use('SIG_FLAT_CHANNEL_JOIN')) this.#channels.join(legacyString(channelID));
  }

  channelLeave(channelID: string): void {
    if (this.#use('SIG_FLAT_CHANNEL_LEAVE')) this.#channels.leave(legacyString(channelID));
  }

  channelQueryUserNum(channelID: string): void {
    if (this.#use('SIG_FLAT_CHANNEL_QUERY_USER_NUM')) this.#queries.channelQueryUserNum(legacyString(channelID));
  }

  channelQueryUserIsIn(channelID: string, account: string): void {
    if (this.#use('SIG_FLAT_CHANNEL_QUERY_USER_IS_IN')) this.#queries.channelQueryUserIsIn(legacyString(channelID), legacyString(account));
  }

  channelSetAttr(channelID: string, name: string, value: string): void {
    if (this.#use('SIG_FLAT_CHANNEL_SET_ATTR')) this.#channels.setAttr(legacyString(channelID), legacyString(name), text(value));
  }

  channelDelAttr(channelID: string, name: string): void {
    if (this.#use('SIG_FLAT_CHANNEL_DEL_ATTR')) this.#channels.delAttr(legacyString(channelID), legacyString(name));
  }

  channelClearAttr(channelID: string): void {
    if (this.#use('SIG_FLAT_CHANNEL_CLEAR_ATTR')) this.#channels.clearAttr(legacyString(channelID));
  }

  /* --- calls --- */

  channelInviteUser(channelID: string, account: string, _uid: number = 0): void {
    if (this.#use('SIG_FLAT_CHANNEL_INVITE_USER')) this.#calls.invite(legacyString(channelID), legacyString(account), '');
  }

  channelInviteUser2(channelID: string, account: string, extra: string = ''): void {
    if (this.#use('SIG_FLAT_CHANNEL_INVITE_USER2')) this.#calls.invite(legacyString(channelID), legacyString(account), text(extra));
  }

  channelInvitePhone(channelID: string, phoneNum: string, _uid: number = 0): void {
    if (this.#use('SIG_FLAT_CHANNEL_INVITE_PHONE')) phoneInviteFails(this.#core, 'channelInvitePhone', legacyString(channelID), legacyString(phoneNum));
  }

  channelInvitePhone2(channelID: string, phoneNum: string, _sourcesNum: string): void {
    if (this.#use('SIG_FLAT_CHANNEL_INVITE_PHONE2')) phoneInviteFails(this.#core, 'channelInvitePhone2', legacyString(channelID), legacyString(phoneNum));
  }

  channelInvitePhone3(channelID: string, phoneNum: string, _sourcesNum: string, _extra: string = ''): void {
    if (this.#use('SIG_FLAT_CHANNEL_INVITE_PHONE3')) phoneInviteFails(this.#core, 'channelInvitePhone3', legacyString(channelID), legacyString(phoneNum));
  }

  channelInviteDTMF(channelID: string, phoneNum: string, _dtmf: string): void {
    if (this.#use('SIG_FLAT_CHANNEL_INVITE_DTMF')) phoneInviteFails(this.#core, 'channelInviteDTMF', legacyString(channelID), legacyString(phoneNum));
  }

  channelInviteAccept(channelID: string, account: string, _uid: number = 0, extra: string = ''): void {
    if (this.#use('SIG_FLAT_CHANNEL_INVITE_ACCEPT')) this.#calls.accept(legacyString(channelID), legacyString(account), text(extra));
  }

  channelInviteRefuse(channelID: string, account: string, _uid: number = 0, extra: string = ''): void {
    if (this.#use('SIG_FLAT_CHANNEL_INVITE_REFUSE')) this.#calls.refuse(legacyString(channelID), legacyString(account), text(extra));
  }

  channelInviteEnd(channelID: string, account: string, _uid: number = 0): void {
    if (this.#use('SIG_FLAT_CHANNEL_INVITE_END')) this.#calls.end(legacyString(channelID), legacyString(account));
  }

  /* --- internals --- */

  #login(appId: unknown, account: unknown, token: unknown, policy: ReturnType<typeof retryPolicy>, uid: unknown, deviceID: unknown): void {
    if (this.#session.state !== LOGIN_STATE_NOT_LOGIN) {
      this.#log.info('login ignored: already logging in or logged in');
      later(() => this.#core.fire('onLoginFailed', LOGIN_E_ALREADY_LOGIN));
      return;
    }
    const given = appId === undefined || appId === null ? '' : legacyString(appId);
    this.#loginAppId = given === '' ? this.#appId : given;
    if (uid !== undefined && uid !== null && uid !== 0) this.#log.debug('login: the numeric uid has no RTM counterpart and is ignored:', uid);
    if (deviceID !== undefined && deviceID !== null && deviceID !== '') this.#log.debug('login: deviceID ignored:', deviceID);
    this.#session.start({
      appId: this.#loginAppId,
      account: legacyString(account),
      token: typeof token === 'string' && token !== '' ? token : undefined,
      policy,
      attemptTimeoutMs: this.#options.loginAttemptTimeoutMs ?? DEFAULT_LOGIN_ATTEMPT_TIMEOUT_MS,
    });
  }

  /** Counts the use; false (and a log line) once destroyed. */
  #use(id: ApiId): boolean {
    noteUse(id);
    if (!this.#destroyed) return true;
    this.#log.warn(`${id}: this flat API object was destroyed; create a new one.`);
    return false;
  }
}
