/**
 * Sizes of the suite. `npm test` runs the quick sizes; `npm run test:reliability` sets RESIGNAL_RELIABILITY=full
 * and the same files run at full size with timing bounds asserted.
 */
export const FULL = process.env['RESIGNAL_RELIABILITY'] === 'full';

export function sized(quick: number, full: number): number {
  return FULL ? full : quick;
}

/** Per-test timeout that grows with the size. */
export function budgetMs(quick: number, full: number): number {
  return FULL ? full : quick;
}
