/**
 * The legacy Session: one RTM client and one connection per `signal.login()`, the 0/1/2/3 login state, peer
 * messages, calls and the one current channel. Reconnection follows 1.4.x on purpose: while the RTM client
 * reconnects the session is in state 3; when it is back, the old channel is left (1.4.x never re-joined) and
 * `onLoginSuccess` fires again, so apps that join inside `onLoginSuccess` re-join by themselves.
 */
import { attempt } from './attempt.js';
import { callArgument, fireCallback, initCallbackProperties, type FireHooks } from './callback-property.js';
import { Call, CallRegistry } from './call.js';
import { parseCallSignal } from './call-signal.js';
import { Channel, type ChannelHost } from './channel.js';
import type { ShimContext } from './context.js';
import { LOGOUT_E_KICKED, LOGOUT_E_NET, LOGOUT_E_USER } from './errors.js';
import { loginFailureCode } from './failure.js';
import { runInvoke } from './invoke.js';
import type { InvokeCallback, LegacyCallback, LegacyCall, LegacySession } from './legacy-types.js';
import { Disposers, listen } from './listen.js';
import { reconnectBudgetMs } from './reconnect.js';
import type { RemoteInvitationLike, RtmClientLike, RtmReceivedMessageLike } from './rtm-types.js';
import {
  LOGIN_STATE_LOGINED,
  LOGIN_STATE_LOGINING,
  LOGIN_STATE_NOT_LOGIN,
  LOGIN_STATE_RECONNECTING,
  type LoginState,
} from './status.js';
import { legacyMessage, legacyString, receivedText } from './text.js';

export const SESSION_CALLBACKS = [
  'onLoginSuccess',
  'onLoginFailed',
  'onLogout',
  'onMessageInstantReceive',
  'onInviteReceived',
  'onError',
] as const;

/** Session callbacks the Web SDK never called (see the API map): assigning one is what counts as its use. */
export const SILENT_SESSION_CALLBACKS = ['onError'] as const satisfies readonly (typeof SESSION_CALLBACKS)[number][];

/** Legacy uids were server numbers the docs call "fixed 0"; RTM has none, so every uid the shim reports is 0. */
export const LEGACY_UID = 0;

let lineCounter = 0;

export interface SessionOptions {
  account: unknown;
  token: unknown;
  reconnectCount: unknown;
  reconnectTime: unknown;
}

export class Session implements LegacySession {
  readonly #account: string;
  #state: LoginState = LOGIN_STATE_LOGINING;
  #line = '';

  declare onLoginSuccess: LegacyCallback<(uid: number) => void>;
  declare onLoginFailed: LegacyCallback<(ecode: number) => void>;
  declare onLogout: LegacyCallback<(ecode: number) => void>;
  declare onMessageInstantReceive: LegacyCallback<(account: string, uid: number, msg: string) => void>;
  declare onInviteReceived: LegacyCallback<(call: LegacyCall) => void>;
  declare onError: LegacyCallback<(...args: never[]) => void>;

  readonly #ctx: ShimContext;
  /** Firing hooks of this kind of object, looked up once (every received message fires through them). */
  readonly #hooks: FireHooks;
  readonly #client: RtmClientLike | null;
  readonly #listeners = new Disposers();
  readonly #calls = new CallRegistry();
  readonly #budgetMs: number;
  #channel: Channel | null = null;
  #giveUpTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(ctx: ShimContext, options: SessionOptions) {
    initCallbackProperties(this, SESSION_CALLBACKS, { names: SILENT_SESSION_CALLBACKS, assigned: (name) => ctx.useNamed('Session', name) });
    this.#ctx = ctx;
    this.#hooks = ctx.hooks('Session');
    this.#account = legacyString(options.account);
    this.#budgetMs = reconnectBudgetMs(options.reconnectCount, options.reconnectTime);
    let client: RtmClientLike | null = null;
    try {
      client = ctx.createClient(ctx.appId);
    } catch (error) {
      ctx.log.warn('could not create the RTM client:', error);
    }
    this.#client = client;
    if (!client) {
      setTimeout(() => this.#loginFailed(undefined), 0);
      return;
    }
    this.#listeners.add(
      listen(client, 'ConnectionStateChanged', (state: string, reason: string) => this.#connectionChanged(state, reason)),
      listen(client, 'MessageFromPeer', (message: RtmReceivedMessageLike, peerId: string) => this.#peerMessage(message, peerId)),
      listen(client, 'RemoteInvitationReceived', (invitation: RemoteInvitationLike) => this.#inviteReceived(invitation)),
    );
    const token = typeof options.token === 'string' && options.token !== '' ? options.token : undefined;
    ctx.log.debug('login', this.#account);
    attempt(() => client.login(token === undefined ? { uid: this.#account } : { uid: this.#account, token })).then(
      () => this.#loggedIn(),
      (error: unknown) => this.#loginFailed(error),
    );
  }

  /* --- readable properties (accessors, so reading one counts as using it) --- */

  get account(): string {
    this.#ctx.use('SIG_SESSION_ACCOUNT');
    return this.#account;
  }

  get uid(): number {
    this.#ctx.use('SIG_SESSION_UID');
    return LEGACY_UID;
  }

  get state(): LoginState {
    this.#ctx.use('SIG_SESSION_STATE');
    return this.#state;
  }

  get line(): string {
    this.#ctx.use('SIG_SESSION_LINE');
    return this.#line;
  }

  /** ≤1.3.0 apps set `session.dbg = true` to log to the console. */
  get dbg(): boolean {
    return this.#ctx.log.enabled;
  }

  set dbg(enabled: boolean) {
    this.#ctx.use('SIG_SESSION_DBG');
    this.#ctx.log.configure(enabled, 'DEBUG');
  }

  getStatus(): LoginState {
    this.#ctx.use('SIG_GET_STATUS');
    return this.#state;
  }

  logout(): void {
    this.#ctx.use('SIG_LOGOUT');
    if (this.#state === LOGIN_STATE_LOGINING) {
      this.#end();
      return;
    }
    // 1.4.3: only a logged-in session with an onLogout handler logs out; otherwise the call does nothing.
    if (this.#state !== LOGIN_STATE_LOGINED || !this.onLogout) {
      this.#ctx.log.debug('logout ignored in state', this.#state, this.onLogout ? '' : '(no onLogout handler)');
      return;
    }
    this.#end();
    this.#fire('onLogout', LOGOUT_E_USER);
  }

  messageInstantSend(peer: string, msg: string, cb?: LegacyCallback<(isError: boolean) => void>): void {
    this.#ctx.use('SIG_MESSAGE_INSTANT_SEND');
    const done = (isError: boolean): void => callArgument(cb, [isError], this.#hooks);
    const client = this.#client;
    if (!client || this.#state !== LOGIN_STATE_LOGINED) {
      setTimeout(() => done(true), 0);
      return;
    }
    attempt(() => client.sendMessageToPeer({ text: legacyMessage(msg) }, legacyString(peer))).then(
      () => done(false),
      (error: unknown) => {
        this.#ctx.log.debug('messageInstantSend failed:', error);
        done(true);
      },
    );
  }

  invoke(func: string, args?: Record<string, unknown>, cb?: LegacyCallback<InvokeCallback>): void {
    this.#ctx.use('SIG_INVOKE');
    runInvoke(this.#ctx, this.#channelHost, func, args, cb);
  }

  channelJoin(name: string): Channel | undefined {
    this.#ctx.use('SIG_CHANNEL_JOIN');
    if (this.#state !== LOGIN_STATE_LOGINED || !this.#client) {
      this.#ctx.log.info('You should log in first.');
      return undefined;
    }
    const previous = this.#channel;
    const channel = new Channel(this.#ctx, this.#channelHost, legacyString(name), previous);
    this.#channel = channel;
    return channel;
  }

  channelInviteUser2(channelID: string, peer: string, extra?: string): Call {
    this.#ctx.use('SIG_CHANNEL_INVITE_USER2');
    return Call.outgoing(this.#ctx, this.#callHost, legacyString(channelID), legacyString(peer), extra === undefined ? '' : legacyMessage(extra));
  }

  /* --- what channels, calls and invoke see of the session --- */

  readonly #channelHost: ChannelHost = {
    account: () => this.#account,
    client: () => this.#client,
    line: () => this.#line,
    loggedIn: () => this.#state === LOGIN_STATE_LOGINED,
    currentChannel: () => this.#channel,
    released: (channel) => {
      if (this.#channel === channel) this.#channel = null;
    },
  };

  readonly #callHost = {
    client: () => this.#client,
    calls: this.#calls,
  };

  /* --- connection life cycle --- */

  #loggedIn(): void {
    if (this.#state !== LOGIN_STATE_LOGINING) return;
    this.#state = LOGIN_STATE_LOGINED;
    this.#line = nextLine(this.#account);
    this.#fire('onLoginSuccess', LEGACY_UID);
  }

  #loginFailed(error: unknown): void {
    if (this.#state !== LOGIN_STATE_LOGINING) return;
    this.#ctx.log.debug('login failed:', error);
    this.#end();
    this.#fire('onLoginFailed', loginFailureCode(error));
  }

  #connectionChanged(state: string, reason: string): void {
    this.#ctx.log.debug('connection', state, reason);
    if (this.#state !== LOGIN_STATE_LOGINED && this.#state !== LOGIN_STATE_RECONNECTING) return;
    switch (state) {
      case 'RECONNECTING':
        if (this.#state === LOGIN_STATE_LOGINED) this.#startReconnecting();
        return;
      case 'CONNECTED':
        if (this.#state === LOGIN_STATE_RECONNECTING) void this.#reconnected();
        return;
      case 'ABORTED':
        this.#lost(reason === 'REMOTE_LOGIN' ? LOGOUT_E_KICKED : LOGOUT_E_NET);
        return;
      case 'DISCONNECTED':
        this.#lost(LOGOUT_E_NET);
        return;
      default:
        return;
    }
  }

  #startReconnecting(): void {
    this.#state = LOGIN_STATE_RECONNECTING;
    this.#line = '';
    if (this.#budgetMs === 0) {
      this.#lost(LOGOUT_E_NET);
      return;
    }
    this.#giveUpTimer = setTimeout(() => this.#lost(LOGOUT_E_NET), this.#budgetMs);
  }

  /** The give-up timer keeps running until the session is back in state 2, in case the link drops again meanwhile. */
  async #reconnected(): Promise<void> {
    const stale = this.#channel;
    this.#channel = null;
    if (stale) await stale.detach();
    if (this.#state !== LOGIN_STATE_RECONNECTING) return;
    clearTimeout(this.#giveUpTimer);
    this.#state = LOGIN_STATE_LOGINED;
    this.#line = nextLine(this.#account);
    this.#fire('onLoginSuccess', LEGACY_UID);
  }

  #lost(code: number): void {
    if (this.#state !== LOGIN_STATE_LOGINED && this.#state !== LOGIN_STATE_RECONNECTING) return;
    this.#end();
    this.#fire('onLogout', code);
  }

  /** Back to state 0: drop every listener, forget the channel and calls, close the RTM connection. */
  #end(): void {
    this.#state = LOGIN_STATE_NOT_LOGIN;
    this.#line = '';
    clearTimeout(this.#giveUpTimer);
    this.#listeners.drain();
    const channel = this.#channel;
    this.#channel = null;
    channel?.abandon();
    this.#calls.abandonAll();
    const client = this.#client;
    if (client) attempt(() => client.logout()).catch((error: unknown) => this.#ctx.log.debug('RTM logout:', error));
  }

  /* --- incoming --- */

  #peerMessage(message: RtmReceivedMessageLike, peerId: string): void {
    if (this.#state !== LOGIN_STATE_LOGINED) return;
    const text = receivedText(message);
    const signal = parseCallSignal(text);
    if (signal === 'drop') return;
    if (signal) {
      this.#calls.deliver(signal, peerId);
      return;
    }
    this.#fire('onMessageInstantReceive', peerId, LEGACY_UID, text);
  }

  #inviteReceived(invitation: RemoteInvitationLike): void {
    if (this.#state !== LOGIN_STATE_LOGINED) return;
    const call = Call.incoming(this.#ctx, this.#callHost, invitation);
    this.#fire('onInviteReceived', call);
  }

  #fire(name: (typeof SESSION_CALLBACKS)[number], ...args: unknown[]): void {
    fireCallback(this, name, args, this.#hooks);
  }
}

function nextLine(account: string): string {
  lineCounter += 1;
  return `${account}@resignal:${Date.now().toString(36)}:${lineCounter}`;
}
