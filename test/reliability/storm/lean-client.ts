/**
 * A lean reconnecting protocol client for storms: login (with the resume id of its last session), join one
 * channel, answer peer messages, and on any drop reconnect after a jittered delay. No SDK, so thousands fit in
 * one worker process.
 */
import { WebSocket } from 'ws';
import { decodeServerFrame, encodeFrame } from '../../../rtm/protocol/codec.js';
import type { ClientFrame } from '../../../rtm/protocol/frames.js';
import { PROTOCOL_VERSION, SUBPROTOCOL, WS_PATH } from '../../../rtm/protocol/version.js';

export const STORM_APP_ID = '0123456789abcdef0123456789abcdef';

export interface LeanCounters {
  resumed: number;
  fresh: number;
  failedAttempts: number;
  closeCodes: Record<string, number>;
  sent: number;
  ok: number;
  errors: Record<string, number>;
  received: number;
}

export function newCounters(): LeanCounters {
  return { resumed: 0, fresh: 0, failedAttempts: 0, closeCodes: {}, sent: 0, ok: 0, errors: {}, received: 0 };
}

export class LeanClient {
  ready = false;
  private ws: WebSocket | null = null;
  private resumeId: string | undefined;
  private everLoggedIn = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private nextId = 10;

  constructor(
    private readonly url: string,
    readonly uid: string,
    private readonly channel: string,
    private readonly counters: LeanCounters,
    private readonly jitter: () => number,
  ) {}

  /** Resolves once logged in and joined (or rejects on the first failure: the initial open is strict). */
  start(): Promise<void> {
    return new Promise((resolve, reject) => this.connect(resolve, reject));
  }

  private connect(onReady?: () => void, onFail?: (error: Error) => void): void {
    const ws = new WebSocket(`${this.url.replace(/^http/, 'ws')}${WS_PATH}`, SUBPROTOCOL, { perMessageDeflate: false });
    this.ws = ws;
    let loggedInHere = false;
    const send = (frame: ClientFrame): void => {
      if (ws.readyState === WebSocket.OPEN) ws.send(encodeFrame(frame));
    };
    ws.on('error', () => undefined);
    ws.on('open', () => {
      send({ t: 'login', id: 1, v: PROTOCOL_VERSION, appId: STORM_APP_ID, uid: this.uid, instance: `storm-${this.uid}`, ...(this.resumeId ? { resume: this.resumeId } : {}) });
    });
    ws.on('message', (data: Buffer, isBinary) => {
      const decoded = decodeServerFrame(isBinary ? new Uint8Array(data) : data.toString('utf8'));
      if (!decoded.ok) return;
      const frame = decoded.frame;
      if (frame.t === 'res' && frame.id === 1) {
        const reply = frame.data as { session: string; resumed: boolean };
        this.resumeId = reply.session;
        loggedInHere = true;
        if (this.everLoggedIn) {
          if (reply.resumed) this.counters.resumed++;
          else this.counters.fresh++;
        }
        this.everLoggedIn = true;
        send({ t: 'ch.join', id: 2, ch: this.channel });
      } else if (frame.t === 'res' && frame.id === 2) {
        this.ready = true;
        onReady?.();
      } else if (frame.t === 'err' && (frame.id === 1 || frame.id === 2)) {
        onFail?.(new Error(`${this.uid}: ${frame.code} ${frame.message}`));
        ws.close();
      } else if (frame.t === 'peer.msg') {
        this.counters.received++;
        send({ t: 'peer.ack', mid: frame.mid });
      } else if (frame.t === 'ch.msg') {
        this.counters.received++;
      } else if (frame.t === 'res' && frame.id !== null && frame.id >= 10) {
        this.counters.ok++;
      } else if (frame.t === 'err') {
        this.counters.errors[frame.code] = (this.counters.errors[frame.code] ?? 0) + 1;
      }
    });
    ws.on('close', (code) => {
      this.ready = false;
      this.counters.closeCodes[code] = (this.counters.closeCodes[code] ?? 0) + 1;
      if (!loggedInHere) this.counters.failedAttempts++;
      if (!this.everLoggedIn) {
        onFail?.(new Error(`${this.uid}: closed ${code} before its first login`));
        return;
      }
      if (!this.stopped) this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    if (this.timer || this.stopped) return;
    // Jittered 50–550 ms, like a real client's backoff: a storm, but not a single instant.
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect();
    }, 50 + this.jitter() * 500);
  }

  /** Sends a request when logged in (replies are only counted); false when not ready. */
  request(frame: Record<string, unknown>): boolean {
    const ws = this.ws;
    if (!this.ready || !ws || ws.readyState !== WebSocket.OPEN) return false;
    ws.send(encodeFrame({ ...frame, id: this.nextId++ } as unknown as ClientFrame));
    this.counters.sent++;
    return true;
  }

  /** Kills the TCP connection without a close handshake (the client reconnects and resumes). */
  drop(): void {
    this.ws?.terminate();
  }

  get channelId(): string {
    return this.channel;
  }

  /** Logs out and closes; no reconnect afterwards. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const ws = this.ws;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
    if (ws.readyState === WebSocket.OPEN && this.ready) ws.send(encodeFrame({ t: 'logout', id: 3 }));
    else ws.terminate();
    const timer = setTimeout(() => ws.terminate(), 30_000);
    await closed;
    clearTimeout(timer);
  }
}
