/** Sliding-window limiter: at most `limit` events in any `windowMs`. */
export class SlidingWindowLimiter {
  readonly #stamps: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an event and returns true, or returns false (recording nothing) when the window is full. */
  tryTake(): boolean {
    const now = this.now();
    while (this.#stamps.length > 0 && (this.#stamps[0] ?? 0) <= now - this.windowMs) this.#stamps.shift();
    if (this.#stamps.length >= this.limit) return false;
    this.#stamps.push(now);
    return true;
  }
}
