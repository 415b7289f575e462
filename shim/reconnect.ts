/**
 * 1.4.x reconnection budget. The Web SDK retried with a delay of 200 ms doubling up to 2 s, until
 * `reconnect_count` attempts or `reconnect_time` ms were used up, then gave up with `onLogout(102)`.
 * The RTM client reconnects by itself and reports no attempts, so the shim turns the count into the time those
 * attempts took in 1.4.3 (their delays plus a connect allowance each) and gives up at the earlier of the two limits.
 */

export const DEFAULT_RECONNECT_COUNT = 10;
export const DEFAULT_RECONNECT_TIME_MS = 300_000;
const FIRST_DELAY_MS = 200;
const MAX_DELAY_MS = 2_000;
/** What one attempt may spend connecting once its delay has elapsed. */
export const ATTEMPT_ALLOWANCE_MS = 1_000;

export function backoffDelay(attempt: number): number {
  return Math.min(FIRST_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
}

function finiteNonNegative(value: unknown, fallback: number): number {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : fallback;
}

/** Milliseconds the shim waits in state 3 before `onLogout(102)`; 0 means no reconnection at all. */
export function reconnectBudgetMs(reconnectCount: unknown, reconnectTimeMs: unknown): number {
  const count = Math.floor(finiteNonNegative(reconnectCount, DEFAULT_RECONNECT_COUNT));
  const time = finiteNonNegative(reconnectTimeMs, DEFAULT_RECONNECT_TIME_MS);
  let byCount = 0;
  for (let attempt = 0; attempt < count && byCount < time; attempt += 1) byCount += backoffDelay(attempt) + ATTEMPT_ALLOWANCE_MS;
  return Math.min(byCount, time);
}
