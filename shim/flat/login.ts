/**
 * The flat API's login state (0 not logged in, 1 logging in, 2 logged in, 3 reconnecting) on one RTM client per
 * login attempt. `login2`'s retry policy: a login attempt that fails for network reasons is retried until
 * `retry_count` retries or `retry_time_in_s` are used up, then `onLoginFailed(201)`; a lost connection is
 * reported as `onReconnecting(1..n)` while RTM reconnects by itself, and given up with `onLogout(102)` at
 * either limit. A generation counter makes late results of an abandoned attempt harmless.
 */
import { attempt } from '../attempt.js';
import { LOGIN_E_CANCEL, LOGIN_E_NET, LOGOUT_E_ALREADY_LOGOUT, LOGOUT_E_KICKED, LOGOUT_E_NET, LOGOUT_E_USER } from '../errors.js';
import { loginFailureCode } from '../failure.js';
import { Disposers, listen } from '../listen.js';
import type { RemoteInvitationLike, RtmClientFactory, RtmClientLike, RtmReceivedMessageLike } from '../rtm-types.js';
import { LOGIN_STATE_LOGINED, LOGIN_STATE_LOGINING, LOGIN_STATE_NOT_LOGIN, LOGIN_STATE_RECONNECTING, type LoginState } from '../status.js';
import type { FlatLogger } from './log.js';
import { loginRetryDelayMs, reconnectAttemptMs, type RetryPolicy } from './retry-policy.js';

export interface SessionEvents {
  loggedIn(): void;
  loginFailed(ecode: number): void;
  reconnecting(nretry: number): void;
  reconnected(): void;
  /** Back in state 0 after being logged in (or a logout() while logged out): the API fires onLogout(ecode). */
  ended(ecode: number): void;
  peerMessage(message: RtmReceivedMessageLike, peerId: string): void;
  inviteReceived(invitation: RemoteInvitationLike): void;
}

export interface LoginRequest {
  appId: string;
  account: string;
  token: string | undefined;
  policy: RetryPolicy;
  attemptTimeoutMs: number;
}

const TIMED_OUT = Symbol('timed out');

export class FlatSession {
  #state: LoginState = LOGIN_STATE_NOT_LOGIN;
  #account = '';
  #client: RtmClientLike | null = null;
  #policy: RetryPolicy = { timeMs: 0, count: 0 };
  #generation = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #reconnectAttempt = 0;
  #reconnectDeadline = 0;
  readonly #listeners = new Disposers();
  readonly #createClient: RtmClientFactory;
  readonly #events: SessionEvents;
  readonly #log: FlatLogger;

  constructor(createClient: RtmClientFactory, events: SessionEvents, log: FlatLogger) {
    this.#createClient = createClient;
    this.#events = events;
    this.#log = log;
  }

  get state(): LoginState {
    return this.#state;
  }

  get account(): string {
    return this.#account;
  }

  /** The RTM client while logged in or reconnecting. */
  get client(): RtmClientLike | null {
    return this.#state === LOGIN_STATE_LOGINED || this.#state === LOGIN_STATE_RECONNECTING ? this.#client : null;
  }

  /** Starts logging in; false (and nothing changes) unless logged out. Results always arrive asynchronously. */
  start(request: LoginRequest): boolean {
    if (this.#state !== LOGIN_STATE_NOT_LOGIN) return false;
    this.#state = LOGIN_STATE_LOGINING;
    this.#account = request.account;
    this.#policy = request.policy;
    const generation = ++this.#generation;
    const deadline = Date.now() + request.policy.timeMs;
    this.#timer = setTimeout(() => void this.#attempt(generation, request, 0, deadline), 0);
    return true;
  }

  logout(): void {
    switch (this.#state) {
      case LOGIN_STATE_NOT_LOGIN:
        setTimeout(() => this.#events.ended(LOGOUT_E_ALREADY_LOGOUT), 0);
        return;
      case LOGIN_STATE_LOGINING:
        void this.#reset();
        setTimeout(() => this.#events.loginFailed(LOGIN_E_CANCEL), 0);
        return;
      default: {
        const done = this.#reset();
        void done.then(() => this.#events.ended(LOGOUT_E_USER));
      }
    }
  }

  /** destroy(): back to state 0 without any callback. */
  dispose(): void {
    void this.#reset();
  }

  /* --- login attempts --- */

  async #attempt(generation: number, request: LoginRequest, retry: number, deadline: number): Promise<void> {
    if (generation !== this.#generation) return;
    let client: RtmClientLike;
    try {
      client = this.#createClient(request.appId);
    } catch (error) {
      this.#log.warn('could not create the RTM client:', error);
      void this.#reset();
      this.#events.loginFailed(LOGIN_E_NET);
      return;
    }
    this.#client = client;
    this.#watch(client, generation);
    const remaining = deadline - Date.now();
    // The first attempt always runs, even with retry_time_in_s = 0; every attempt ends by the time limit.
    const timeoutMs = retry === 0 && remaining <= 0 ? request.attemptTimeoutMs : Math.min(request.attemptTimeoutMs, remaining);
    this.#log.debug('login attempt', retry + 1, 'as', request.account);
    const outcome = await this.#loginWithin(client, request, Math.max(timeoutMs, 1));
    if (generation !== this.#generation) return;
    if (outcome === true) {
      this.#state = LOGIN_STATE_LOGINED;
      this.#events.loggedIn();
      return;
    }
    this.#log.debug('login attempt', retry + 1, 'failed:', outcome === TIMED_OUT ? 'timed out' : outcome);
    void this.#drop();
    const code = outcome === TIMED_OUT ? LOGIN_E_NET : loginFailureCode(outcome);
    const delay = loginRetryDelayMs(retry);
    if (code !== LOGIN_E_NET || retry >= request.policy.count || Date.now() + delay >= deadline) {
      void this.#reset();
      this.#events.loginFailed(code);
      return;
    }
    this.#timer = setTimeout(() => void this.#attempt(generation, request, retry + 1, deadline), delay);
  }

  /** true on success, the RTM error, or TIMED_OUT (the attempt is then cancelled through logout()). */
  async #loginWithin(client: RtmClientLike, request: LoginRequest, timeoutMs: number): Promise<unknown> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<typeof TIMED_OUT>((resolve) => {
      timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
    });
    const options = request.token === undefined ? { uid: request.account } : { uid: request.account, token: request.token };
    const login = attempt(() => client.login(options)).then(
      () => true as const,
      (error: unknown) => error,
    );
    const outcome = await Promise.race([login, timedOut]);
    clearTimeout(timer);
    return outcome;
  }

  /* --- the connection once logged in --- */

  #watch(client: RtmClientLike, generation: number): void {
    const current = (): boolean => generation === this.#generation && client === this.#client;
    this.#listeners.add(
      listen(client, 'ConnectionStateChanged', (state: string, reason: string) => {
        if (current()) this.#connectionChanged(state, reason);
      }),
      listen(client, 'MessageFromPeer', (message: RtmReceivedMessageLike, peerId: string) => {
        if (current() && this.#state === LOGIN_STATE_LOGINED) this.#events.peerMessage(message, peerId);
      }),
      listen(client, 'RemoteInvitationReceived', (invitation: RemoteInvitationLike) => {
        if (current() && this.#state === LOGIN_STATE_LOGINED) this.#events.inviteReceived(invitation);
      }),
    );
  }

  #connectionChanged(state: string, reason: string): void {
    this.#log.debug('connection', state, reason);
    if (this.#state !== LOGIN_STATE_LOGINED && this.#state !== LOGIN_STATE_RECONNECTING) return;
    switch (state) {
      case 'RECONNECTING':
        if (this.#state === LOGIN_STATE_LOGINED) this.#startReconnecting();
        return;
      case 'CONNECTED':
        if (this.#state !== LOGIN_STATE_RECONNECTING) return;
        clearTimeout(this.#timer);
        this.#state = LOGIN_STATE_LOGINED;
        this.#events.reconnected();
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
    if (this.#policy.count === 0) {
      this.#lost(LOGOUT_E_NET);
      return;
    }
    this.#reconnectDeadline = Date.now() + this.#policy.timeMs;
    this.#reconnectAttempt = 1;
    this.#events.reconnecting(1);
    this.#scheduleReconnectTick();
  }

  #scheduleReconnectTick(): void {
    const delay = Math.max(0, Math.min(reconnectAttemptMs(this.#reconnectAttempt), this.#reconnectDeadline - Date.now()));
    this.#timer = setTimeout(() => {
      if (this.#state !== LOGIN_STATE_RECONNECTING) return;
      if (this.#reconnectAttempt >= this.#policy.count || Date.now() >= this.#reconnectDeadline) {
        this.#log.debug('reconnecting gave up after', this.#reconnectAttempt, 'attempts');
        this.#lost(LOGOUT_E_NET);
        return;
      }
      this.#reconnectAttempt += 1;
      this.#events.reconnecting(this.#reconnectAttempt);
      this.#scheduleReconnectTick();
    }, delay);
  }

  #lost(code: number): void {
    void this.#reset();
    this.#events.ended(code);
  }

  /* --- teardown --- */

  /** Forgets the current client (listeners and connection) without changing the state. */
  #drop(): Promise<void> {
    this.#listeners.drain();
    const client = this.#client;
    this.#client = null;
    if (!client) return Promise.resolve();
    return attempt(() => client.logout()).catch((error: unknown) => this.#log.debug('RTM logout:', error));
  }

  /** Back to state 0 at once; resolves when the RTM client has logged out. */
  #reset(): Promise<void> {
    this.#generation += 1;
    clearTimeout(this.#timer);
    this.#state = LOGIN_STATE_NOT_LOGIN;
    return this.#drop();
  }
}
