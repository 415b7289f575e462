import type { Writable } from 'node:stream';
import type { WebSocket } from 'ws';
import { CLOSE_CODES, type WireErrorCode } from '../protocol/errors.js';
import type { ServerFrame } from '../protocol/frames.js';
import type { Session } from './hub/session.js';
import { encodeOnce, type Encoded } from './outbound.js';
import { FrameRate } from './rate-limit.js';
import type { MetricsSink } from './web/metrics.js';

let nextConnectionId = 1;

/** The raw socket under a WebSocket, as far as coalescing needs it. */
export type Corkable = Pick<Writable, 'cork' | 'uncork'>;

/**
 * Past this many bytes written in one tick the socket is uncorked at once: bounds what a tick holds back, and keeps
 * the send-queue cap measuring the client's real backlog rather than this tick's batch.
 */
const CORK_FLUSH_BYTES = 64 * 1024;

/** Connections corked during this tick; one setImmediate for all of them uncorks them. */
let corked: Connection[] = [];
let uncorkScheduled = false;

function uncorkAll(): void {
  const batch = corked;
  corked = [];
  uncorkScheduled = false;
  for (const conn of batch) conn.uncork();
}

export interface ConnectionLimits {
  maxSendQueueBytes: number;
  maxFramesPerSecond: number;
  maxBadFrames: number;
  closeGraceMs: number;
}

/**
 * One WebSocket transport. Every outgoing frame passes through `sendEncoded`, which coalesces the frames of one
 * tick into one socket write (the raw socket stays corked until the tick ends) and enforces the send-queue cap.
 */
export class Connection {
  readonly id = nextConnectionId++;
  session: Session | null = null;
  /** A login is being processed: a second one is refused. */
  loggingIn = false;
  /** Ids of requests being handled: the first one in a field, a Set only while several overlap. */
  private soloRequest: number | null = null;
  private moreRequests: Set<number> | null = null;
  lastSeen: number;
  private badFrames = 0;
  private readonly frameRate: FrameRate;
  private closing = false;
  private loginTimer: NodeJS.Timeout | null = null;
  private killTimer: NodeJS.Timeout | null = null;
  private goneNotified = false;
  /** Bytes written while corked in this tick; -1 when not corked. */
  private corkedBytes = -1;

  /**
   * `onGone` runs once, as soon as the transport is unusable: when the server starts closing it (messages are then
   * queued for a resume instead of written into a dying socket) or when the peer closed it.
   */
  constructor(
    readonly ws: WebSocket,
    private readonly limits: ConnectionLimits,
    private readonly now: () => number,
    private readonly onGone: (conn: Connection) => void,
    private readonly metrics?: MetricsSink,
    /** The socket `ws` writes to; without it every frame is its own write. */
    private readonly socket?: Corkable,
  ) {
    this.lastSeen = now();
    this.frameRate = new FrameRate(limits.maxFramesPerSecond);
  }

  /** A request with this id is still being handled. */
  isPending(id: number): boolean {
    return this.soloRequest === id || (this.moreRequests?.has(id) ?? false);
  }

  beginRequest(id: number): void {
    if (this.soloRequest === null) this.soloRequest = id;
    else (this.moreRequests ??= new Set()).add(id);
  }

  endRequest(id: number): void {
    if (this.soloRequest === id) this.soloRequest = null;
    else if (this.moreRequests?.delete(id) && this.moreRequests.size === 0) this.moreRequests = null;
  }

  get isOpen(): boolean {
    return !this.closing && this.ws.readyState === this.ws.OPEN;
  }

  startLoginTimer(ms: number): void {
    this.loginTimer = setTimeout(() => {
      this.loginTimer = null;
      if (!this.session) this.close(CLOSE_CODES.LOGIN_TIMEOUT, 'login timeout');
    }, ms);
  }

  loggedIn(): void {
    if (this.loginTimer) clearTimeout(this.loginTimer);
    this.loginTimer = null;
  }

  /** Called for every inbound frame; false when the connection was closed for flooding. */
  countFrame(): boolean {
    this.lastSeen = this.now();
    if (this.frameRate.hit(this.lastSeen)) return true;
    this.close(CLOSE_CODES.FLOODING, 'too many frames');
    return false;
  }

  /** Counts an invalid frame; closes the connection once there were too many. */
  countBadFrame(): void {
    if (++this.badFrames >= this.limits.maxBadFrames) this.close(CLOSE_CODES.TOO_MANY_ERRORS, 'too many invalid frames');
  }

  send(frame: ServerFrame): void {
    if (this.isOpen) this.sendEncoded(encodeOnce(frame));
  }

  sendEncoded(encoded: Encoded): void {
    if (!this.isOpen) return;
    // Each ws.send is one writev (frame header and payload); corked, a whole tick of frames goes out in one writev
    // when uncorkAll runs (at most one setImmediate of delay; a benchmark of acknowledged peer round-trips showed
    // no latency cost).
    if (this.corkedBytes < 0 && this.socket) {
      this.socket.cork();
      this.corkedBytes = 0;
      corked.push(this);
      if (!uncorkScheduled) {
        uncorkScheduled = true;
        setImmediate(uncorkAll);
      }
    }
    this.ws.send(encoded.data, { binary: encoded.binary });
    this.metrics?.frameSent(encoded.data.byteLength);
    if (this.corkedBytes >= 0 && (this.corkedBytes += encoded.data.byteLength) >= CORK_FLUSH_BYTES) this.uncork();
    // Never buffer without bound for a client that does not read. bufferedAmount counts corked bytes too, at most
    // CORK_FLUSH_BYTES of them.
    if (this.ws.bufferedAmount > this.limits.maxSendQueueBytes) this.close(CLOSE_CODES.SLOW_CONSUMER, 'slow consumer');
  }

  /** Hands this tick's frames to the kernel. Also runs early for a big batch; uncorkAll then skips this one. */
  uncork(): void {
    if (this.corkedBytes < 0) return;
    this.corkedBytes = -1;
    this.socket?.uncork();
  }

  reply(id: number, data: object): void {
    this.send({ t: 'res', id, data });
  }

  error(id: number | null, code: WireErrorCode, message: string): void {
    this.metrics?.errorSent(code);
    this.send({ t: 'err', id, code, message });
  }

  /** Starts the close handshake and destroys the socket if the peer does not finish it in time. */
  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    if (code === CLOSE_CODES.SLOW_CONSUMER) this.metrics?.queueDropped();
    this.loggedIn();
    const state = this.ws.readyState;
    if (state !== this.ws.CLOSED) {
      if (state === this.ws.OPEN) this.ws.close(code, reason);
      this.killTimer = setTimeout(() => this.ws.terminate(), this.limits.closeGraceMs);
    }
    this.notifyGone();
  }

  private notifyGone(): void {
    if (this.goneNotified) return;
    this.goneNotified = true;
    this.onGone(this);
  }

  /** Server shutdown: a socket already closing (e.g. a slow consumer) is destroyed rather than waited for. */
  shutdown(code: number, reason: string): void {
    if (this.closing) this.ws.terminate();
    else this.close(code, reason);
  }

  /** Releases timers once the socket is closed. */
  disposed(): void {
    this.closing = true;
    this.loggedIn();
    if (this.killTimer) clearTimeout(this.killTimer);
    this.killTimer = null;
    this.notifyGone();
  }
}
