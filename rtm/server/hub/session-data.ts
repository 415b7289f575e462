import type { StateRateLimits } from '../state-options.js';
import { SlidingWindow } from '../rate-limit.js';

export type StateRateKind = 'userAttrWrite' | 'userAttrRead' | 'channelAttrWrite' | 'channelAttrRead' | 'metadataWrite' | 'metadataRead' | 'renewToken';

/** Per-session state of RTM core part 2: rate windows, user-metadata subscriptions, token timers. */
export class SessionData {
  /** Created on first use, like the sets below: most sessions never call these APIs. */
  private windows: Map<StateRateKind, SlidingWindow> | null = null;
  private metaSubSet: Set<string> | null = null;
  /** When the login privilege of the session's token ends (ms); null = never. */
  tokenExpiresAt: number | null = null;
  private tokenTimers: NodeJS.Timeout[] = [];

  constructor(private readonly limits: StateRateLimits) {}

  /** Users whose metadata this session subscribed to (created on first access). */
  get metaSubs(): Set<string> {
    return (this.metaSubSet ??= new Set());
  }

  /** Records one call of `kind`; false when over its rate limit. */
  take(kind: StateRateKind, now: number): boolean {
    const windows = (this.windows ??= new Map<StateRateKind, SlidingWindow>());
    let window = windows.get(kind);
    if (!window) windows.set(kind, (window = new SlidingWindow(this.limits[`${kind}Count`], this.limits[`${kind}WindowMs`])));
    return window.tryTake(now);
  }

  /** Replaces the token timers (each runs `task` at its absolute time; far times are re-armed in steps). */
  setTokenTimers(timers: { at: number; task: () => void }[], now: () => number): void {
    this.clearTokenTimers();
    for (const { at, task } of timers) this.arm(at, task, now);
  }

  private arm(at: number, task: () => void, now: () => number): void {
    // setTimeout holds at most ~24.8 days.
    const delay = Math.max(0, at - now());
    const step = Math.min(delay, 2 ** 31 - 1);
    const timer = setTimeout(() => {
      this.tokenTimers = this.tokenTimers.filter((t) => t !== timer);
      if (step < delay) this.arm(at, task, now);
      else task();
    }, step);
    this.tokenTimers.push(timer);
  }

  clearTokenTimers(): void {
    for (const timer of this.tokenTimers) clearTimeout(timer);
    this.tokenTimers = [];
  }
}
