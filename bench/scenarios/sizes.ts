import type { BenchOptions } from '../context.js';

/** Picks a size list by run mode: smoke (counts only), quick, or the full run. */
export function bySize<T>(options: BenchOptions, sizes: { smoke: T; quick: T; full: T }): T {
  if (options.smoke) return sizes.smoke;
  return options.quick ? sizes.quick : sizes.full;
}

/** How long the throughput scenarios send: 1 s quick, 2 s full, `--window-ms` when given; smoke runs stop by count. */
export function sendWindowMs(options: BenchOptions): number {
  if (options.smoke) return 10_000;
  return options.windowMs ?? (options.quick ? 1000 : 2000);
}
