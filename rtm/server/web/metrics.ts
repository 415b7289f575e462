import { RateWindow } from './rate-window.js';

/**
 * The hooks the server calls as things happen (gateway, connection, dispatcher, hub). Every call is a counter
 * increment: cheap enough for the send path.
 */
export interface MetricsSink {
  connectionOpened(): void;
  connectionClosed(code: number): void;
  frameReceived(bytes: number): void;
  frameSent(bytes: number): void;
  /** A request answered with `res` (its frame type: `login`, `peer.send`, `ch.send`, …). */
  requestSucceeded(type: string): void;
  /** An `err` frame sent, by wire error code. */
  errorSent(code: string): void;
  /** A connection closed because its unsent data passed `maxSendQueueBytes` (close 4005). */
  queueDropped(): void;
  /** Messages written to receivers' sockets: one per receiving socket (channel fan-out counts each member). */
  delivered(kind: 'peer' | 'channel', count: number): void;
}

export type DeliveryKind = 'peer' | 'channel';

/** Frame types of user messages: a successful one counts as a message in. */
const MESSAGE_REQUESTS: Readonly<Record<string, DeliveryKind>> = { 'peer.send': 'peer', 'ch.send': 'channel' };

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Counters of one server process since it started; read by `/metrics` and `/status`. */
export class ServerMetrics implements MetricsSink {
  connectionsOpened = 0;
  framesReceived = 0;
  framesSent = 0;
  bytesReceived = 0;
  bytesSent = 0;
  queueDrops = 0;
  readonly closes = new Map<number, number>();
  readonly requests = new Map<string, number>();
  readonly errors = new Map<string, number>();
  readonly messagesIn = new Map<DeliveryKind, number>([['peer', 0], ['channel', 0]]);
  readonly deliveries = new Map<DeliveryKind, number>([['peer', 0], ['channel', 0]]);
  /** Messages in per second (peer + channel sends accepted) and deliveries per second, over the last seconds. */
  readonly messageRate: RateWindow;
  readonly deliveryRate: RateWindow;

  constructor(now: () => number = Date.now) {
    this.messageRate = new RateWindow(now);
    this.deliveryRate = new RateWindow(now);
  }

  get logins(): number {
    return this.requests.get('login') ?? 0;
  }

  connectionOpened(): void {
    this.connectionsOpened++;
  }

  connectionClosed(code: number): void {
    bump(this.closes, code);
  }

  frameReceived(bytes: number): void {
    this.framesReceived++;
    this.bytesReceived += bytes;
  }

  frameSent(bytes: number): void {
    this.framesSent++;
    this.bytesSent += bytes;
  }

  requestSucceeded(type: string): void {
    bump(this.requests, type);
    const kind = MESSAGE_REQUESTS[type];
    if (kind) {
      bump(this.messagesIn, kind);
      this.messageRate.add(1);
    }
  }

  errorSent(code: string): void {
    bump(this.errors, code);
  }

  queueDropped(): void {
    this.queueDrops++;
  }

  delivered(kind: DeliveryKind, count: number): void {
    if (count <= 0) return;
    bump(this.deliveries, kind, count);
    this.deliveryRate.add(count);
  }
}
