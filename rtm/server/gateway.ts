import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CLOSE_CODES } from '../protocol/errors.js';
import { LIMITS } from '../protocol/limits.js';
import { SUBPROTOCOL, WS_PATH } from '../protocol/version.js';
import { Connection, type ConnectionLimits } from './connection.js';
import { Dispatcher } from './dispatch.js';
import type { Hub } from './hub/hub.js';
import type { ResolvedOptions } from './options.js';
import { FrameRate } from './rate-limit.js';

function toBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  return data;
}

function destroyOnError(this: Duplex): void {
  this.destroy();
}

/** Socket listeners shared by every connection (`this` is the socket): no closures per connection. */
interface WsListeners {
  message: (this: WebSocket, data: RawData, isBinary: boolean) => void;
  pong: (this: WebSocket) => void;
  error: (this: WebSocket, error: Error) => void;
  close: (this: WebSocket, code: number) => void;
}

/** The WebSocket side: upgrades on WS_PATH, per-connection lifecycle (login timeout, heartbeats), dispatch. */
export class Gateway {
  readonly connections = new Set<Connection>();
  private readonly wss: WebSocketServer;
  private readonly dispatcher: Dispatcher;
  private readonly heartbeat: NodeJS.Timeout;
  private closing = false;
  /** Upgrade rate per remote address (rateLimits.connectionsPerIpPerSecond); emptied at every sweep. */
  private readonly upgradeRates = new Map<string, FrameRate>();
  /** Shared by every connection (one object and one callback, not one per connection). */
  private readonly connectionLimits: ConnectionLimits;
  private readonly onTransportGone = (conn: Connection): void => this.transportGone(conn);
  /** The connection of each socket, for the shared listeners. */
  private readonly byWs = new WeakMap<WebSocket, Connection>();
  private readonly wsListeners: WsListeners;

  constructor(
    private readonly hub: Hub,
    private readonly options: ResolvedOptions,
  ) {
    this.dispatcher = new Dispatcher(hub, options);
    this.connectionLimits = {
      maxSendQueueBytes: options.maxSendQueueBytes,
      maxFramesPerSecond: options.rateLimits.maxFramesPerSecond,
      maxBadFrames: options.rateLimits.maxBadFrames,
      closeGraceMs: options.closeGraceMs,
    };
    this.wsListeners = this.makeListeners();
    this.wss = new WebSocketServer({
      noServer: true,
      perMessageDeflate: false,
      maxPayload: LIMITS.frameMaxBytes,
      clientTracking: false,
      // Our subprotocol when offered; no subprotocol at all is accepted for raw tools (wscat, curl).
      handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
    });
    this.heartbeat = setInterval(() => this.sweep(), options.heartbeatMs);
  }

  /** For the HTTP server's 'upgrade' event. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const pathname = (req.url ?? '/').split('?', 1)[0];
    if (this.closing || pathname !== WS_PATH) {
      socket.end(`HTTP/1.1 ${this.closing ? '503 Service Unavailable' : '404 Not Found'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    if (!this.admit(req)) {
      socket.end('HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    socket.on('error', destroyOnError);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, socket));
  }

  /** Per-address connection-rate limit; off when the option is 0. */
  private admit(req: IncomingMessage): boolean {
    const perSecond = this.options.rateLimits.connectionsPerIpPerSecond;
    if (!(perSecond > 0)) return true;
    // Read only when needed: remoteAddress is a syscall, and the socket then keeps the address object.
    const address = req.socket.remoteAddress ?? '';
    let rate = this.upgradeRates.get(address);
    if (!rate) this.upgradeRates.set(address, (rate = new FrameRate(perSecond)));
    return rate.hit(this.options.now());
  }

  /** `socket` is the one `ws` writes to: the connection corks it to coalesce the frames of a tick. */
  private accept(ws: WebSocket, socket: Duplex): void {
    const conn = new Connection(ws, this.connectionLimits, this.options.now, this.onTransportGone, this.options.metrics, socket);
    this.options.metrics.connectionOpened();
    this.connections.add(conn);
    conn.startLoginTimer(this.options.loginTimeoutMs);
    this.byWs.set(ws, conn);
    const listeners = this.wsListeners;
    ws.on('message', listeners.message);
    ws.on('pong', listeners.pong);
    ws.on('error', listeners.error);
    ws.on('close', listeners.close);
  }

  private makeListeners(): WsListeners {
    const { byWs, options, dispatcher, connections } = this;
    return {
      message(data, isBinary) {
        const conn = byWs.get(this);
        if (!conn) return;
        const buffer = toBuffer(data);
        options.metrics.frameReceived(buffer.byteLength);
        dispatcher.onMessage(conn, isBinary ? buffer : buffer.toString('utf8'));
      },
      pong() {
        const conn = byWs.get(this);
        if (conn) conn.lastSeen = options.now();
      },
      error(error) {
        options.logger.debug(`connection ${byWs.get(this)?.id ?? '?'} error`, error.message);
      },
      close(code) {
        const conn = byWs.get(this);
        if (!conn) return;
        options.metrics.connectionClosed(code);
        connections.delete(conn);
        conn.disposed();
      },
    };
  }

  private transportGone(conn: Connection): void {
    try {
      this.hub.transportClosed(conn);
    } catch (error) {
      this.options.logger.error('transport close handling failed', error);
    }
  }

  /** One timer for every connection: ping, and drop those silent for two intervals. */
  private sweep(): void {
    this.upgradeRates.clear();
    const now = this.options.now();
    const limit = this.options.heartbeatMs * 2;
    for (const conn of this.connections) {
      if (!conn.isOpen) continue;
      if (now - conn.lastSeen > limit) {
        conn.close(CLOSE_CODES.HEARTBEAT_TIMEOUT, 'heartbeat timeout');
        continue;
      }
      try {
        conn.ws.ping();
      } catch {
        // socket already closing
      }
    }
  }

  /** Closes every socket with 1001 and waits until they are gone. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    const gone = [...this.connections].map(
      (conn) =>
        new Promise<void>((resolve) => {
          if (conn.ws.readyState === conn.ws.CLOSED) return resolve();
          conn.ws.once('close', () => resolve());
          conn.shutdown(CLOSE_CODES.GOING_AWAY, 'server shutting down');
        }),
    );
    await Promise.all(gone);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
