/**
 * `login2(…, retry_time_in_s, retry_count)`: the native SDKs retried a login, and a lost connection, until either
 * limit was reached, then gave up (`onLoginFailed` while logging in, `onLogout` once logged in). `login` uses the
 * documented defaults of `login2`. Pure functions; the timers live in login.ts and reconnect.ts.
 */
import { ATTEMPT_ALLOWANCE_MS, backoffDelay } from '../reconnect.js';

export const DEFAULT_RETRY_TIME_S = 30;
export const DEFAULT_RETRY_COUNT = 3;
export const DEFAULT_LOGIN_ATTEMPT_TIMEOUT_MS = 10_000;

export interface RetryPolicy {
  /** Time budget of all retries, from the first attempt (login) or from the connection loss (reconnect). */
  readonly timeMs: number;
  /** Retries after the first login attempt; reconnect attempts after a loss. */
  readonly count: number;
}

function nonNegative(value: unknown, fallback: number): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : fallback;
}

export function retryPolicy(retryTimeInS: unknown, retryCount: unknown): RetryPolicy {
  return {
    timeMs: Math.round(nonNegative(retryTimeInS, DEFAULT_RETRY_TIME_S) * 1000),
    count: Math.floor(nonNegative(retryCount, DEFAULT_RETRY_COUNT)),
  };
}

/** The pause before login retry `retry` (0-based): 1.4.x pacing, but never under RTM's 2 logins per second. */
export function loginRetryDelayMs(retry: number): number {
  return Math.max(500, backoffDelay(retry));
}

/**
 * How long reconnect attempt `attempt` (1-based) is given before the next one is counted. RTM reconnects by
 * itself and reports no attempts, so the shim counts them at 1.4.x pace (its delay plus a connect allowance).
 */
export function reconnectAttemptMs(attempt: number): number {
  return backoffDelay(attempt - 1) + ATTEMPT_ALLOWANCE_MS;
}
