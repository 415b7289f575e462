/**
 * One logged-in session with the server: the connection state machine, login and automatic reconnect with
 * session resume, heartbeats, and request/reply matching. Knows nothing of channels or messages; the RtmClient
 * builds those on top of `request`, `notify` and the `events` it receives.
 */
import {
  CLOSE_CODES,
  LIMITS,
  PROTOCOL_VERSION,
  SUBPROTOCOL,
  decodeServerFrame,
  encodeFrame,
  type ClientNoticeFrame,
  type EventFrame,
  type KickReason,
  type RequestParams,
  type RequestResult,
  type RequestType,
  type WireErrorCode,
} from '../protocol/index.js';
import { backoffDelay, type BackoffOptions } from './backoff.js';
import { ConnectionChangeReason, ConnectionState } from './enums.js';
import { defaultSocketFactory, toFrameData, type SocketFactory, type SocketLike } from './socket.js';

/** A request the server answered with an `err` frame. */
export class WireError extends Error {
  constructor(
    readonly code: WireErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WireError';
  }
}

/** A request that got no answer: timed out, or its transport was lost before the reply. */
export class NoReplyError extends Error {
  constructor(readonly reason: 'timeout' | 'transport') {
    super(reason === 'timeout' ? 'request timed out' : 'connection lost before the reply');
    this.name = 'NoReplyError';
  }
}

/**
 * Logs a re-sync step after a reconnect that failed (re-joining a channel, re-subscribing, re-uploading). A request
 * cut off because the connection dropped again is not logged: it is not a final failure, the next reconnect repeats
 * the step (on a flapping link this used to print one warning per channel per drop). A refusal by the server, or a
 * timeout on a live connection, is.
 */
export function warnResyncFailure(what: string, error: unknown): void {
  if (error instanceof NoReplyError && error.reason === 'transport') return;
  console.warn(`[resignal] ${what} failed:`, error);
}

export interface ConnectionOptions {
  appId: string;
  instance: string;
  urls: string[];
  backoff: BackoffOptions;
  socketFactory?: SocketFactory;
  loginTimeoutMs: number;
  /** Client ping interval until the server announces its own. */
  heartbeatMs: number;
}

export interface ConnectionHooks {
  stateChanged(state: ConnectionState, reason: ConnectionChangeReason): void;
  event(frame: EventFrame): void;
  /** After every successful re-login of a reconnect (`resumed` = the server kept the session). */
  reconnected(resumed: boolean): void;
  tokenExpired(): void;
}

interface Pending {
  resolve(data: object): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

type LoginOutcome = { ok: true; resumed: boolean } | { ok: false; error: Error; retryable: boolean };

const KICK_BY_CLOSE_CODE: Partial<Record<number, KickReason>> = {
  [CLOSE_CODES.REMOTE_LOGIN]: 'REMOTE_LOGIN',
  [CLOSE_CODES.TOKEN_EXPIRED]: 'TOKEN_EXPIRED',
  [CLOSE_CODES.BANNED]: 'BANNED',
};

const REASON_BY_KICK: Record<KickReason, ConnectionChangeReason> = {
  REMOTE_LOGIN: ConnectionChangeReason.REMOTE_LOGIN,
  TOKEN_EXPIRED: ConnectionChangeReason.TOKEN_EXPIRED,
  BANNED: ConnectionChangeReason.BANNED_BY_SERVER,
};

/** Wire errors on login that retrying cannot fix. */
const FATAL_LOGIN_ERRORS = new Set<WireErrorCode>([
  'INVALID_APP_ID',
  'INVALID_USER_ID',
  'INVALID_TOKEN',
  'TOKEN_EXPIRED',
  'TOKEN_REQUIRED',
  'TOKEN_NOT_ENABLED',
  'TOKEN_USER_MISMATCH',
  'UNSUPPORTED_VERSION',
  'UNAUTHORIZED',
]);

export class Connection {
  #state = ConnectionState.DISCONNECTED;
  #socket: SocketLike | undefined;
  /** Bumped whenever a socket is abandoned, so late callbacks of an old socket do nothing. */
  #generation = 0;
  #nextRequestId = 1;
  readonly #pending = new Map<number, Pending>();
  #uid = '';
  #token: string | undefined;
  #resumeId: string | undefined;
  #heartbeatMs: number;
  #heartbeatTimer: ReturnType<typeof setInterval> | undefined;
  #lastHeard = 0;
  #reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  #reconnectAttempt = 0;
  #urlIndex = 0;
  /** Set while reconnecting is halted by an expired token, until renewToken supplies a new one. */
  #haltedForToken = false;
  readonly #connectedWaiters = new Set<() => void>();

  constructor(
    private readonly options: ConnectionOptions,
    private readonly hooks: ConnectionHooks,
  ) {
    this.#heartbeatMs = options.heartbeatMs;
  }

  get state(): ConnectionState {
    return this.#state;
  }

  get uid(): string {
    return this.#uid;
  }

  get token(): string | undefined {
    return this.#token;
  }

  /** The WebSocket URL in use (or tried next); HTTP features (media) talk to the same server. */
  get currentUrl(): string {
    return this.options.urls[this.#urlIndex % this.options.urls.length] ?? '';
  }

  /** One place changes state; returns whether anything changed. */
  #setState(state: ConnectionState, reason: ConnectionChangeReason): boolean {
    if (this.#state === state) return false;
    this.#state = state;
    this.hooks.stateChanged(state, reason);
    if (state === ConnectionState.CONNECTED) {
      for (const wake of [...this.#connectedWaiters]) wake();
    }
    if (state === ConnectionState.DISCONNECTED || state === ConnectionState.ABORTED) {
      for (const wake of [...this.#connectedWaiters]) wake();
    }
    return true;
  }

  /** Logs in; resolves when CONNECTED or rejects with the raw cause (the client maps it to an RTM error). */
  async login(uid: string, token: string | undefined): Promise<void> {
    this.#uid = uid;
    this.#token = token;
    this.#resumeId = undefined;
    this.#haltedForToken = false;
    this.#setState(ConnectionState.CONNECTING, ConnectionChangeReason.LOGIN);
    const deadline = Date.now() + this.options.loginTimeoutMs;
    let attempt = 0;
    for (;;) {
      if (this.#state !== ConnectionState.CONNECTING) throw new LoginAbortedError();
      const outcome = await this.#connectAndLogin(deadline);
      if (this.#state !== ConnectionState.CONNECTING) {
        this.#dropSocket(CLOSE_CODES.NORMAL);
        throw new LoginAbortedError();
      }
      if (outcome.ok) {
        this.#reconnectAttempt = 0;
        this.#setState(ConnectionState.CONNECTED, ConnectionChangeReason.LOGIN_SUCCESS);
        return;
      }
      const remaining = deadline - Date.now();
      if (!outcome.retryable || remaining <= 0) {
        this.#dropSocket(CLOSE_CODES.NORMAL);
        const timedOut = outcome.retryable;
        this.#setState(ConnectionState.DISCONNECTED, timedOut ? ConnectionChangeReason.LOGIN_TIMEOUT : ConnectionChangeReason.LOGIN_FAILURE);
        throw timedOut ? new LoginTimeoutError() : outcome.error;
      }
      await sleep(Math.min(remaining, backoffDelay(attempt++, this.options.backoff)));
    }
  }

  /** Logs out: tells the server (so others see the user leave at once) and closes the transport. */
  async logout(): Promise<void> {
    const wasAborted = this.#state === ConnectionState.ABORTED;
    this.#stopReconnecting();
    if (!wasAborted && this.#socket && this.#state === ConnectionState.CONNECTED) {
      try {
        await this.request('logout', {}, 5000);
      } catch {
        // The transport is going away anyway; the server's presence grace covers a lost logout.
      }
    }
    this.#dropSocket(CLOSE_CODES.NORMAL);
    this.#resumeId = undefined;
    this.#haltedForToken = false;
    this.#setState(ConnectionState.DISCONNECTED, ConnectionChangeReason.LOGOUT);
  }

  /** Cancels an in-flight login (logout during CONNECTING). */
  cancelLogin(): void {
    if (this.#state !== ConnectionState.CONNECTING) return;
    this.#dropSocket(CLOSE_CODES.NORMAL);
    this.#setState(ConnectionState.DISCONNECTED, ConnectionChangeReason.LOGOUT);
  }

  /** Replaces the token used for later reconnects; resumes reconnecting if an expired token had halted it. */
  setToken(token: string): void {
    this.#token = token;
    if (this.#haltedForToken && this.#state === ConnectionState.RECONNECTING) {
      this.#haltedForToken = false;
      this.#scheduleReconnect();
    }
  }

  /** Sends a request and resolves with the reply's data. Requires a live socket. */
  request<T extends RequestType>(type: T, params: RequestParams<T>, timeoutMs: number = LIMITS.requestTimeoutMs): Promise<RequestResult<T>> {
    const socket = this.#socket;
    if (!socket || (this.#state !== ConnectionState.CONNECTED && type !== 'login')) {
      return Promise.reject(new NoReplyError('transport'));
    }
    const id = this.#nextRequestId++;
    return new Promise<RequestResult<T>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new NoReplyError('timeout'));
      }, timeoutMs);
      this.#pending.set(id, { resolve, reject, timer });
      this.#sendFrame(socket, { t: type, id, ...params } as never);
    });
  }

  /**
   * Sends a frame that expects no reply; dropped silently when there is no socket. Not gated on CONNECTED: the
   * frames that follow a login reply (offline messages, the resume queue) arrive before the state changes, and
   * their `peer.ack`s must not be lost.
   */
  notify(frame: ClientNoticeFrame): void {
    if (this.#socket) this.#sendFrame(this.#socket, frame);
  }

  /** Resolves true once CONNECTED, false if the deadline passes or the client leaves the reconnect path. */
  waitUntilConnected(timeoutMs: number): Promise<boolean> {
    if (this.#state === ConnectionState.CONNECTED) return Promise.resolve(true);
    if (this.#state !== ConnectionState.RECONNECTING) return Promise.resolve(false);
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.#connectedWaiters.delete(wake);
        resolve(this.#state === ConnectionState.CONNECTED);
      };
      const timer = setTimeout(wake, timeoutMs);
      this.#connectedWaiters.add(wake);
    });
  }

  #sendFrame(socket: SocketLike, frame: Parameters<typeof encodeFrame>[0]): void {
    try {
      socket.send(encodeFrame(frame));
    } catch {
      // A socket that fails to send is dead; its close handler starts the reconnect.
    }
  }

  async #connectAndLogin(deadline: number): Promise<LoginOutcome> {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { ok: false, error: new LoginTimeoutError(), retryable: true };
    let socket: SocketLike;
    try {
      socket = await this.#openSocket(remaining);
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error : new Error(String(error)), retryable: true };
    }
    try {
      const reply = await this.request(
        'login',
        {
          v: PROTOCOL_VERSION,
          appId: this.options.appId,
          uid: this.#uid,
          instance: this.options.instance,
          ...(this.#token !== undefined ? { token: this.#token } : {}),
          ...(this.#resumeId !== undefined ? { resume: this.#resumeId } : {}),
        },
        Math.max(1, deadline - Date.now()),
      );
      if (this.#socket !== socket) return { ok: false, error: new NoReplyError('transport'), retryable: true };
      this.#resumeId = reply.session;
      this.#heartbeatMs = Math.max(1000, Math.min(reply.heartbeatMs, 60_000));
      this.#startHeartbeat();
      return { ok: true, resumed: reply.resumed };
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      const retryable = !(err instanceof WireError && FATAL_LOGIN_ERRORS.has(err.code));
      if (this.#socket === socket) this.#dropSocket(CLOSE_CODES.NORMAL);
      return { ok: false, error: err, retryable };
    }
  }

  async #openSocket(timeoutMs: number): Promise<SocketLike> {
    const factory = this.options.socketFactory ?? (await defaultSocketFactory());
    const url = this.options.urls[this.#urlIndex % this.options.urls.length] ?? '';
    const generation = ++this.#generation;
    const socket = factory(url, SUBPROTOCOL);
    socket.binaryType = 'arraybuffer';
    this.#socket = socket;
    this.#lastHeard = Date.now();
    return new Promise<SocketLike>((resolve, reject) => {
      const timer = setTimeout(() => {
        fail(new Error(`WebSocket to ${url} did not open within ${timeoutMs} ms`));
      }, timeoutMs);
      const fail = (error: Error): void => {
        clearTimeout(timer);
        if (generation === this.#generation) {
          this.#urlIndex++;
          this.#dropSocket(CLOSE_CODES.NORMAL);
        }
        reject(error);
      };
      socket.onopen = () => {
        clearTimeout(timer);
        socket.onclose = (event) => {
          if (generation === this.#generation) this.#onTransportClosed(event.code);
        };
        resolve(socket);
      };
      socket.onerror = () => {
        // Always followed by onclose, which decides what to do.
      };
      socket.onclose = (event) => {
        if (generation === this.#generation) fail(new Error(`WebSocket closed before opening (${event.code})`));
      };
      socket.onmessage = (event) => {
        if (generation === this.#generation) this.#onMessage(event.data);
      };
    });
  }

  #onMessage(data: unknown): void {
    this.#lastHeard = Date.now();
    const frameData = toFrameData(data);
    if (frameData === null) return;
    const decoded = decodeServerFrame(frameData);
    if (!decoded.ok) {
      console.warn(`[resignal] ignored an invalid frame from the server: ${decoded.code} ${decoded.message}`);
      return;
    }
    const frame = decoded.frame;
    switch (frame.t) {
      case 'res':
      case 'err': {
        if (frame.id === null) {
          if (frame.t === 'err') console.warn(`[resignal] server error: ${frame.code} ${frame.message}`);
          return;
        }
        const pending = this.#pending.get(frame.id);
        if (!pending) return;
        this.#pending.delete(frame.id);
        clearTimeout(pending.timer);
        if (frame.t === 'res') pending.resolve(frame.data);
        else pending.reject(new WireError(frame.code, frame.message));
        return;
      }
      case 'pong':
        return;
      case 'kick':
        this.#abort(REASON_BY_KICK[frame.reason] ?? ConnectionChangeReason.BANNED_BY_SERVER, frame.reason === 'TOKEN_EXPIRED');
        return;
      default:
        this.hooks.event(frame);
    }
  }

  #onTransportClosed(code: number): void {
    this.#dropSocket(CLOSE_CODES.NORMAL);
    const kick = KICK_BY_CLOSE_CODE[code];
    if (kick && (this.#state === ConnectionState.CONNECTED || this.#state === ConnectionState.RECONNECTING)) {
      this.#abort(REASON_BY_KICK[kick], kick === 'TOKEN_EXPIRED');
      return;
    }
    if (this.#state === ConnectionState.CONNECTED) {
      this.#setState(ConnectionState.RECONNECTING, ConnectionChangeReason.INTERRUPTED);
      this.#reconnectAttempt = 0;
      this.#scheduleReconnect();
    }
  }

  #abort(reason: ConnectionChangeReason, tokenExpired: boolean): void {
    this.#stopReconnecting();
    this.#dropSocket(CLOSE_CODES.NORMAL);
    this.#resumeId = undefined;
    if (this.#setState(ConnectionState.ABORTED, reason) && tokenExpired) this.hooks.tokenExpired();
  }

  #scheduleReconnect(): void {
    if (this.#reconnectTimer !== undefined || this.#haltedForToken) return;
    const delay = backoffDelay(this.#reconnectAttempt++, this.options.backoff);
    this.#reconnectTimer = setTimeout(() => {
      this.#reconnectTimer = undefined;
      void this.#reconnectOnce();
    }, delay);
  }

  async #reconnectOnce(): Promise<void> {
    if (this.#state !== ConnectionState.RECONNECTING) return;
    const outcome = await this.#connectAndLogin(Date.now() + this.options.loginTimeoutMs);
    if (this.#state !== ConnectionState.RECONNECTING) {
      if (outcome.ok) this.#dropSocket(CLOSE_CODES.NORMAL);
      return;
    }
    if (outcome.ok) {
      this.#reconnectAttempt = 0;
      this.#setState(ConnectionState.CONNECTED, ConnectionChangeReason.LOGIN_SUCCESS);
      this.hooks.reconnected(outcome.resumed);
      return;
    }
    if (outcome.error instanceof WireError && outcome.error.code === 'TOKEN_EXPIRED') {
      // rtm-1x.md §6: state unchanged, TokenExpired emitted, reconnecting halts until renewToken().
      this.#haltedForToken = true;
      this.hooks.tokenExpired();
      return;
    }
    // Keep the resume id: an attempt that failed (network still down) must not turn the next one into a fresh
    // login, which would end the session the server keeps for its grace period (peers would see a leave and a
    // join). A resume id the server no longer knows (e.g. it restarted) just gets a fresh session.
    this.#scheduleReconnect();
  }

  #stopReconnecting(): void {
    if (this.#reconnectTimer !== undefined) clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
  }

  #startHeartbeat(): void {
    this.#stopHeartbeat();
    const generation = this.#generation;
    this.#heartbeatTimer = setInterval(() => {
      if (generation !== this.#generation || !this.#socket) return this.#stopHeartbeat();
      if (Date.now() - this.#lastHeard > this.#heartbeatMs * 3) {
        // Half-open transport: nothing heard for three intervals. Abandon it without waiting for a close.
        this.#onTransportClosed(CLOSE_CODES.HEARTBEAT_TIMEOUT);
        return;
      }
      this.#sendFrame(this.#socket, { t: 'ping' });
    }, this.#heartbeatMs);
  }

  #stopHeartbeat(): void {
    if (this.#heartbeatTimer !== undefined) clearInterval(this.#heartbeatTimer);
    this.#heartbeatTimer = undefined;
  }

  /** Abandons the current socket: later callbacks are ignored and pending requests fail as "transport lost". */
  #dropSocket(code: number): void {
    this.#stopHeartbeat();
    const socket = this.#socket;
    this.#socket = undefined;
    this.#generation++;
    if (socket) {
      socket.onopen = null;
      socket.onmessage = null;
      socket.onclose = null;
      socket.onerror = () => {};
      try {
        socket.close(code);
      } catch {
        // already closing
      }
    }
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      pending.reject(new NoReplyError('transport'));
      this.#pending.delete(id);
    }
  }
}

export class LoginTimeoutError extends Error {
  constructor() {
    super('login timed out');
    this.name = 'LoginTimeoutError';
  }
}

export class LoginAbortedError extends Error {
  constructor() {
    super('login aborted by logout');
    this.name = 'LoginAbortedError';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
