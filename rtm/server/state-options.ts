/** Server options of RTM core part 2 (apps and tokens, attributes, metadata), merged into options.ts. */
import { STATE_LIMITS } from '../protocol/state-limits.js';
import { parseApps, type AppConfig, type AppsRegistry } from './apps.js';

/** Per-session rate limits of attributes, metadata and renewToken (sliding windows). */
export interface StateRateLimits {
  /** User attribute writes (set/addOrUpdate/delete/clear): 10 per 5 s (rtm-1x.md §3.7). */
  userAttrWriteCount: number;
  userAttrWriteWindowMs: number;
  /** User attribute reads: 40 per 5 s. */
  userAttrReadCount: number;
  userAttrReadWindowMs: number;
  /** Channel attribute writes: 10 per 5 s (§3.8). */
  channelAttrWriteCount: number;
  channelAttrWriteWindowMs: number;
  /** Channel attribute reads: 10 per 5 s. */
  channelAttrReadCount: number;
  channelAttrReadWindowMs: number;
  /** Metadata writes (user and channel): 10 per second (RTM 2.x-like; 1.x documents none). */
  metadataWriteCount: number;
  metadataWriteWindowMs: number;
  /** Metadata reads and (un)subscriptions: 20 per second. */
  metadataReadCount: number;
  metadataReadWindowMs: number;
  /** renewToken: 2 per second (§5). */
  renewTokenCount: number;
  renewTokenWindowMs: number;
}

export const DEFAULT_STATE_RATE_LIMITS: StateRateLimits = {
  userAttrWriteCount: 10,
  userAttrWriteWindowMs: 5000,
  userAttrReadCount: 40,
  userAttrReadWindowMs: 5000,
  channelAttrWriteCount: 10,
  channelAttrWriteWindowMs: 5000,
  channelAttrReadCount: 10,
  channelAttrReadWindowMs: 5000,
  metadataWriteCount: 10,
  metadataWriteWindowMs: 1000,
  metadataReadCount: 20,
  metadataReadWindowMs: 1000,
  renewTokenCount: 2,
  renewTokenWindowMs: 1000,
};

/** What a session does when its token's login privilege ends. */
export type ExpiredTokenPolicy = 'kick' | 'keep';

export interface StateServerOptions {
  /**
   * Apps and certificates (the parsed apps file, or the same object inline). Absent: open development mode,
   * every valid App ID logs in without a token.
   */
  apps?: AppsRegistry | Record<string, AppConfig>;
  /** 'kick' (default): a live session whose token expires is ended (kick TOKEN_EXPIRED, close 4003). 'keep': like Agora, expiry only matters at the next login. */
  expiredTokenPolicy?: ExpiredTokenPolicy;
  /** How long before the token expiry `token.expiring` (TokenPrivilegeWillExpire) is sent. Default 30000. */
  tokenWillExpireLeadMs?: number;
  /** Channel attributes and channel metadata are deleted once the channel has been empty this long. Default 300000 (5 min). */
  channelAttributesTtlMs?: number;
}

export interface ResolvedStateOptions {
  apps: AppsRegistry | null;
  expiredTokenPolicy: ExpiredTokenPolicy;
  tokenWillExpireLeadMs: number;
  channelAttributesTtlMs: number;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`Server option "${name}" must be a non-negative number, got ${String(value)}`);
  return value;
}

export function resolveStateOptions(options: StateServerOptions): ResolvedStateOptions {
  const policy = options.expiredTokenPolicy ?? 'kick';
  if (policy !== 'kick' && policy !== 'keep') throw new RangeError(`Server option "expiredTokenPolicy" must be 'kick' or 'keep', got ${String(policy)}`);
  return {
    apps: options.apps === undefined ? null : parseApps(options.apps, 'server option "apps"'),
    expiredTokenPolicy: policy,
    tokenWillExpireLeadMs: nonNegative('tokenWillExpireLeadMs', options.tokenWillExpireLeadMs, STATE_LIMITS.tokenWillExpireLeadMs),
    channelAttributesTtlMs: nonNegative('channelAttributesTtlMs', options.channelAttributesTtlMs, 5 * 60_000),
  };
}
