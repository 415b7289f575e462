import { LIMITS } from '../protocol/limits.js';
import type { Engine } from './engine/types.js';
import type { HttpRoute } from './http.js';
import { leveledLogger, silentLogger, type LogLevel, type Logger } from './logger.js';

/** Server-side rate and count limits; defaults follow rtm-1x.md §5. */
export interface RateLimits {
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
};

export interface ServerOptions {
  /** TCP port; 0 picks a free one. Default 7070. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where durable data will live (storage comes in a later issue). Default ./data. */
  dataDir?: string;
  /** Shared state and routing; default a private embedded (in-memory) engine. A passed engine is not closed by `close()`. */
  engine?: Engine;
  /** Node id in a multi-node system; default a random UUID. */
  nodeId?: string;
  logger?: Logger;
  /** `false` silences logging; a level filters it. Default 'info'. */
  log?: false | LogLevel;
  /** Extra HTTP routes (REST API, metrics, demo pages). */
  routes?: HttpRoute[];
  presenceGraceMs?: number;
  heartbeatMs?: number;
  loginTimeoutMs?: number;
  peerAckTimeoutMs?: number;
  memberCountIntervalMs?: number;
  /** A connection whose unsent bytes pass this is closed as a slow consumer (4005). Default 4 MiB. */
  maxSendQueueBytes?: number;
  /** How long a closing socket may take to finish the close handshake before it is destroyed. Default 2000. */
  closeGraceMs?: number;
  rateLimits?: Partial<RateLimits>;
  now?: () => number;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  dataDir: string;
  nodeId: string;
  logger: Logger;
  routes: HttpRoute[];
  presenceGraceMs: number;
  heartbeatMs: number;
  loginTimeoutMs: number;
  peerAckTimeoutMs: number;
  memberCountIntervalMs: number;
  maxSendQueueBytes: number;
  closeGraceMs: number;
  rateLimits: RateLimits;
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
  return {
    port,
    host: options.host ?? '127.0.0.1',
    dataDir: options.dataDir ?? './data',
    nodeId: options.nodeId ?? crypto.randomUUID(),
    logger: level === 'silent' ? silentLogger : leveledLogger(options.logger ?? console, level),
    routes: [...(options.routes ?? [])],
    presenceGraceMs: positive('presenceGraceMs', options.presenceGraceMs, LIMITS.presenceGraceMs),
    heartbeatMs: positive('heartbeatMs', options.heartbeatMs, 10_000),
    loginTimeoutMs: positive('loginTimeoutMs', options.loginTimeoutMs, LIMITS.loginTimeoutMs),
    peerAckTimeoutMs: positive('peerAckTimeoutMs', options.peerAckTimeoutMs, 5000),
    memberCountIntervalMs: positive('memberCountIntervalMs', options.memberCountIntervalMs, 1000),
    maxSendQueueBytes: positive('maxSendQueueBytes', options.maxSendQueueBytes, 4 * 1024 * 1024),
    closeGraceMs: positive('closeGraceMs', options.closeGraceMs, 2000),
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    now: options.now ?? Date.now,
  };
}
