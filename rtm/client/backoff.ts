export interface BackoffOptions {
  /** Delay of the first retry in ms. */
  baseMs: number;
  /** Upper bound of any delay in ms. */
  maxMs: number;
  /** Random source in [0, 1); injectable so tests are deterministic. */
  random: () => number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 250, maxMs: 5000, random: Math.random };

/**
 * Exponential backoff with "equal jitter": half the exponential step is fixed, half random, so a fleet that lost
 * the same server does not reconnect in lockstep, yet no client waits near zero in a storm.
 */
export function backoffDelay(attempt: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const step = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(step / 2 + (step / 2) * options.random());
}
