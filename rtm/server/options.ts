import { LIMITS } from '../protocol/limits.js';
import type { Engine } from './engine/types.js';
import type { HttpRoute } from './http.js';
import { leveledLogger, silentLogger, type LogLevel, type Logger } from './logger.js';
import { DEFAULT_REST_LIMITS, type RestLimits } from './rest/limits.js';
import { DEFAULT_LIMITS, type DurableStore, type StoreLimits } from './storage/types.js';
import { ServerMetrics } from './web/metrics.js';
import { DEFAULT_STATE_RATE_LIMITS, resolveStateOptions, type ResolvedStateOptions, type StateRateLimits, type StateServerOptions } from './state-options.js';

/** Media of RTM 1.4: ≤30 MB per file (the store's own default is the 32 MB of the 1.4 typings). */
export const SERVER_MEDIA_MAX_BYTES = 30 * 1024 * 1024;

/** Server-side rate and count limits; defaults follow rtm-1x.md §5. */
export interface RateLimits extends StateRateLimits {
  /** Peer + channel sends per session (sliding window). */
  messageCount: number;
  messageWindowMs: number;
  /** Joins of the same channel per session. */
  joinSameChannelCount: number;
  joinSameChannelWindowMs: number;
  /** Joins of any channel per session. */
  joinAnyChannelCount: number;
  joinAnyChannelWindowMs: number;
  /** Frames per second per connection before it is closed as flooding (4009). */
  maxFramesPerSecond: number;
  /** Invalid frames per connection before it is closed (4007). */
  maxBadFrames: number;
  /** Peer messages queued for a disconnected session in its grace period (oldest dropped first). */
  peerQueueMax: number;
  /**
   * WebSocket upgrades accepted per second from one remote address; more are answered 429 and closed. 0 (the
   * default) = unlimited: behind a proxy every client shares its address, so set this only where clients connect
   * directly (or limit at the proxy).
   */
  connectionsPerIpPerSecond: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  messageCount: LIMITS.messageRateCount,
  messageWindowMs: LIMITS.messageRateWindowMs,
  joinSameChannelCount: 2,
  joinSameChannelWindowMs: 5000,
  joinAnyChannelCount: 50,
  joinAnyChannelWindowMs: 3000,
  maxFramesPerSecond: 1000,
  maxBadFrames: 20,
  peerQueueMax: 1000,
  connectionsPerIpPerSecond: 0,
  ...DEFAULT_STATE_RATE_LIMITS,
};

export interface ServerOptions extends StateServerOptions {
  /** TCP port; 0 picks a free one. Default 7070. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * Folder of the embedded SQLite store (offline and historical messages, events, media). Omitted: a private
   * temporary folder removed by `close()` (the CLI always passes `--data`, default ./data). Ignored with `store`.
   */
  dataDir?: string;
  /** A durable store to use instead of opening the SQLite one (e.g. the Redis store); not closed by `close()`. */
  store?: DurableStore;
  /** Limits of the embedded store (offline cap and expiry, history retention, media size and lifetime…). */
  storeLimits?: Partial<StoreLimits>;
  /** How often expired offline messages, history and media are purged. Default 10 minutes. */
  purgeIntervalMs?: number;
  /** REST API secrets per App ID (`Authorization: Basic base64(appId:secret)`); apps without one get 401. */
  restSecrets?: Record<string, string>;
  /** REST API rate and size limits; defaults from rtm-1x.md §5 and §9. */
  restLimits?: Partial<RestLimits>;
  /** Key that signs media tickets (≥32 bytes); give every node of a cluster the same one. Default: random per start. */
  mediaTicketKey?: Uint8Array;
  /** Shared state and routing; default a private embedded (in-memory) engine. A passed engine is not closed by `close()`. */
  engine?: Engine;
  /** Node id in a multi-node system; default a random UUID. */
  nodeId?: string;
  logger?: Logger;
  /** `false` silences logging; a level filters it. Default 'info'. */
  log?: false | LogLevel;
  /** Extra HTTP routes (REST API, metrics, demo pages). */
  routes?: HttpRoute[];
  /** Serve the demo pages at `/` and `/demo/…` (the `/sdk/…` bundles, `/metrics` and `/status` are always served). Default true. */
  demo?: boolean;
  /** Folders served at `/sdk/…` and `/demo/…`; default the package's `dist/browser` and `dist/demo`. */
  webDirs?: { browser: string; demo: string };
  /** Counters behind `/metrics` and `/status`; default a fresh `ServerMetrics` per server. */
  metrics?: ServerMetrics;
  presenceGraceMs?: number;
  heartbeatMs?: number;
  loginTimeoutMs?: number;
  peerAckTimeoutMs?: number;
  memberCountIntervalMs?: number;
  /** A connection whose unsent bytes pass this is closed as a slow consumer (4005). Default 4 MiB. */
  maxSendQueueBytes?: number;
  /** How long a closing socket may take to finish the close handshake before it is destroyed. Default 2000. */
  closeGraceMs?: number;
  /**
   * How long a client may take to send the headers of an HTTP request or WebSocket upgrade before the socket is
   * closed (Node's `server.headersTimeout`; Node's own default is 60 s). Checked every second. Default 10000.
   */
  headersTimeoutMs?: number;
  /**
   * How long a client may take to send a whole HTTP request, body included (Node's `server.requestTimeout`). Long
   * by default so that a 30 MB media upload over a slow link still fits; at least `headersTimeoutMs`. Default 300000.
   */
  requestTimeoutMs?: number;
  rateLimits?: Partial<RateLimits>;
  now?: () => number;
}

export interface ResolvedOptions extends ResolvedStateOptions {
  port: number;
  host: string;
  dataDir: string;
  nodeId: string;
  logger: Logger;
  routes: HttpRoute[];
  demo: boolean;
  webDirs: { browser: string; demo: string } | null;
  metrics: ServerMetrics;
  presenceGraceMs: number;
  heartbeatMs: number;
  loginTimeoutMs: number;
  peerAckTimeoutMs: number;
  memberCountIntervalMs: number;
  maxSendQueueBytes: number;
  closeGraceMs: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  rateLimits: RateLimits;
  storeLimits: StoreLimits;
  purgeIntervalMs: number;
  restSecrets: ReadonlyMap<string, string>;
  restLimits: RestLimits;
  mediaTicketKey: Uint8Array;
  now: () => number;
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`Server option "${name}" must be a positive number, got ${String(value)}`);
  return value;
}

export function resolveOptions(options: ServerOptions): ResolvedOptions {
  const port = options.port ?? 7070;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`Server option "port" must be 0–65535, got ${String(port)}`);
  const level = options.log === false ? 'silent' : (options.log ?? 'info');
  const headersTimeoutMs = positive('headersTimeoutMs', options.headersTimeoutMs, 10_000);
  const requestTimeoutMs = positive('requestTimeoutMs', options.requestTimeoutMs, Math.max(300_000, headersTimeoutMs));
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new RangeError(`Server option "headersTimeoutMs" (${headersTimeoutMs}) must not exceed "requestTimeoutMs" (${requestTimeoutMs})`);
  }
  return {
    port,
    host: options.host ?? '127.0.0.1',
    dataDir: options.dataDir ?? './data',
    nodeId: options.nodeId ?? crypto.randomUUID(),
    logger: level === 'silent' ? silentLogger : leveledLogger(options.logger ?? console, level),
    routes: [...(options.routes ?? [])],
    demo: options.demo ?? true,
    webDirs: options.webDirs ?? null,
    metrics: options.metrics ?? new ServerMetrics(),
    presenceGraceMs: positive('presenceGraceMs', options.presenceGraceMs, LIMITS.presenceGraceMs),
    heartbeatMs: positive('heartbeatMs', options.heartbeatMs, 10_000),
    loginTimeoutMs: positive('loginTimeoutMs', options.loginTimeoutMs, LIMITS.loginTimeoutMs),
    peerAckTimeoutMs: positive('peerAckTimeoutMs', options.peerAckTimeoutMs, 5000),
    memberCountIntervalMs: positive('memberCountIntervalMs', options.memberCountIntervalMs, 1000),
    maxSendQueueBytes: positive('maxSendQueueBytes', options.maxSendQueueBytes, 4 * 1024 * 1024),
    closeGraceMs: positive('closeGraceMs', options.closeGraceMs, 2000),
    headersTimeoutMs,
    requestTimeoutMs,
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    storeLimits: { ...DEFAULT_LIMITS, mediaMaxBytes: SERVER_MEDIA_MAX_BYTES, ...options.storeLimits },
    purgeIntervalMs: positive('purgeIntervalMs', options.purgeIntervalMs, 10 * 60_000),
    restSecrets: new Map(Object.entries(options.restSecrets ?? {})),
    restLimits: { ...DEFAULT_REST_LIMITS, ...options.restLimits },
    mediaTicketKey: options.mediaTicketKey ?? crypto.getRandomValues(new Uint8Array(32)),
    now: options.now ?? Date.now,
    ...resolveStateOptions(options),
  };
}
