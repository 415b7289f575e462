import type { WebSocket } from 'ws';
import { CLOSE_CODES, type WireErrorCode } from '../protocol/errors.js';
import type { ServerFrame } from '../protocol/frames.js';
import type { Session } from './hub/session.js';
import { encodeOnce, type Encoded } from './outbound.js';
import { FrameRate } from './rate-limit.js';
import type { MetricsSink } from './web/metrics.js';

let nextConnectionId = 1;

export interface ConnectionLimits {
  maxSendQueueBytes: number;
  maxFramesPerSecond: number;
  maxBadFrames: number;
  closeGraceMs: number;
}

/**
 * One WebSocket transport. Every outgoing frame passes through `sendEncoded`, the single place to add per-tick
 * coalescing later and the place that enforces the send-queue cap.
 */
export class Connection {
  readonly id = nextConnectionId++;
  session: Session | null = null;
  /** A login is being processed: a second one is refused. */
  loggingIn = false;
  readonly pendingRequests = new Set<number>();
  lastSeen: number;
  private badFrames = 0;
  private readonly frameRate: FrameRate;
  private closing = false;
  private loginTimer: NodeJS.Timeout | null = null;
  private killTimer: NodeJS.Timeout | null = null;
  private goneNotified = false;

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
  ) {
    this.lastSeen = now();
    this.frameRate = new FrameRate(limits.maxFramesPerSecond);
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
    this.ws.send(encoded.data, { binary: encoded.binary });
    this.metrics?.frameSent(encoded.data.byteLength);
    // Never buffer without bound for a client that does not read.
    if (this.ws.bufferedAmount > this.limits.maxSendQueueBytes) this.close(CLOSE_CODES.SLOW_CONSUMER, 'slow consumer');
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
