/**
 * A raw protocol client for server tests: speaks frames through the shared codec, no SDK logic.
 * `request` resolves the reply data or rejects with a `ReplyError` carrying the wire code; pushes land in an
 * event queue read with `next(predicate)`.
 */
import { WebSocket, type ClientOptions } from 'ws';
import { decodeServerFrame, encodeFrame } from '../protocol/codec.js';
import type { WireErrorCode } from '../protocol/errors.js';
import type { ClientFrame, EventFrame, RequestParams, RequestResult, RequestType, ServerFrame } from '../protocol/frames.js';
import { PROTOCOL_VERSION, SUBPROTOCOL, WS_PATH } from '../protocol/version.js';

export const TEST_APP_ID = '0123456789abcdef0123456789abcdef';
export const OTHER_APP_ID = 'fedcba9876543210fedcba9876543210';

export class ReplyError extends Error {
  constructor(
    readonly code: WireErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface CloseInfo {
  code: number;
  reason: string;
}

export interface RawClientOptions {
  /** Answer `peer.msg` with `peer.ack` automatically (default true). */
  autoAck?: boolean;
  /** Send no subprotocol (default: offer resignal.rtm.v1). */
  noSubprotocol?: boolean;
  ws?: ClientOptions;
}

type Waiter = { match: (frame: ServerFrame) => boolean; resolve: (frame: ServerFrame) => void };

export class RawClient {
  readonly events: ServerFrame[] = [];
  readonly closed: Promise<CloseInfo>;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (data: object) => void; reject: (error: Error) => void }>();
  private waiters: Waiter[] = [];
  private closeInfo: CloseInfo | null = null;

  private constructor(
    readonly ws: WebSocket,
    private readonly autoAck: boolean,
  ) {
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.closeInfo = { code, reason: reason.toString() };
        for (const { reject } of this.pending.values()) reject(new Error(`socket closed ${code}`));
        this.pending.clear();
        resolve(this.closeInfo);
      });
    });
    ws.on('error', () => undefined);
    ws.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
  }

  static async connect(baseUrl: string, options: RawClientOptions = {}): Promise<RawClient> {
    const url = `${baseUrl.replace(/^http/, 'ws')}${WS_PATH}`;
    const ws = options.noSubprotocol ? new WebSocket(url, options.ws) : new WebSocket(url, SUBPROTOCOL, options.ws);
    const client = new RawClient(ws, options.autoAck ?? true);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return client;
  }

  /** Connects and logs in; returns the client and the login reply. */
  static async login(baseUrl: string, uid: string, options: RawClientOptions & { appId?: string; resume?: string; token?: string } = {}) {
    const client = await RawClient.connect(baseUrl, options);
    const reply = await client.request('login', {
      v: PROTOCOL_VERSION,
      appId: options.appId ?? TEST_APP_ID,
      uid,
      instance: `test-${uid}`,
      ...(options.resume === undefined ? {} : { resume: options.resume }),
      ...(options.token === undefined ? {} : { token: options.token }),
    });
    return { client, reply };
  }

  get closeStatus(): CloseInfo | null {
    return this.closeInfo;
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    const decoded = decodeServerFrame(isBinary ? new Uint8Array(data) : data.toString('utf8'));
    if (!decoded.ok) throw new Error(`server sent an invalid frame: ${decoded.message}`);
    const frame = decoded.frame;
    if ((frame.t === 'res' || frame.t === 'err') && frame.id !== null) {
      const pending = this.pending.get(frame.id);
      if (pending) {
        this.pending.delete(frame.id);
        if (frame.t === 'res') pending.resolve(frame.data);
        else pending.reject(new ReplyError(frame.code, frame.message));
        return;
      }
    }
    if (frame.t === 'peer.msg' && this.autoAck) this.send({ t: 'peer.ack', mid: frame.mid });
    const waiter = this.waiters.find((w) => w.match(frame));
    if (waiter) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(frame);
      return;
    }
    this.events.push(frame);
  }

  send(frame: ClientFrame): void {
    const wire = encodeFrame(frame);
    this.ws.send(wire);
  }

  sendRaw(data: string | Uint8Array, binary = typeof data !== 'string'): void {
    this.ws.send(data, { binary });
  }

  request<T extends RequestType>(type: T, params: RequestParams<T>, id = this.nextId++): Promise<RequestResult<T>> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ t: type, id, ...params } as ClientFrame);
    });
  }

  /** Rejects with the reply's wire code, or resolves `null` if the request succeeded. */
  async errorCode<T extends RequestType>(type: T, params: RequestParams<T>): Promise<WireErrorCode | null> {
    try {
      await this.request(type, params);
      return null;
    } catch (error) {
      if (error instanceof ReplyError) return error.code;
      throw error;
    }
  }

  /** The first queued or future frame matching `match` (removed from the queue). */
  next<F extends ServerFrame = ServerFrame>(match: (frame: ServerFrame) => boolean, timeoutMs = 2000): Promise<F> {
    const index = this.events.findIndex(match);
    if (index >= 0) return Promise.resolve(this.events.splice(index, 1)[0] as F);
    return new Promise<F>((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame as F);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for a frame; queued: ${JSON.stringify(this.events.map((e) => e.t))}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  nextEvent<T extends EventFrame['t']>(type: T, match: (frame: Extract<EventFrame, { t: T }>) => boolean = () => true, timeoutMs = 2000) {
    return this.next<Extract<EventFrame, { t: T }>>((f) => f.t === type && match(f as Extract<EventFrame, { t: T }>), timeoutMs);
  }

  /** Waits `ms` and returns the queued frames matching `match` (without removing them). */
  async collect(match: (frame: ServerFrame) => boolean, ms: number): Promise<ServerFrame[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.events.filter(match);
  }

  drop(): void {
    this.events.length = 0;
  }

  close(code = 1000): Promise<CloseInfo> {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(code);
    return this.closed;
  }

  /** Kills the TCP connection without a close handshake (a dropped network). */
  terminate(): Promise<CloseInfo> {
    this.ws.terminate();
    return this.closed;
  }
}

export const text = (value: string) => ({ type: 'TEXT' as const, text: value });

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
