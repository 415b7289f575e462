/**
 * Sliding-window limiter: at most `limit` events in any `windowMs`. A ring of the last `limit` timestamps, so a
 * check is O(1) and memory is fixed.
 */
export class SlidingWindow {
  private readonly stamps: Float64Array;
  private next = 0;
  private filled = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {
    this.stamps = new Float64Array(Math.max(1, limit));
  }

  /** Records an event at `now` and returns true, or returns false (recording nothing) when over the limit. */
  tryTake(now: number): boolean {
    if (this.limit <= 0) return false;
    if (this.filled === this.limit) {
      const oldest = this.stamps[this.next] ?? 0;
      if (now - oldest < this.windowMs) return false;
    } else {
      this.filled++;
    }
    this.stamps[this.next] = now;
    this.next = (this.next + 1) % this.limit;
    return true;
  }
}

/** Fixed one-second window counter for cheap per-connection flood detection. */
export class FrameRate {
  private windowStart = 0;
  private count = 0;

  constructor(private readonly perSecond: number) {}

  /** Counts one frame; false once the current second has seen more than `perSecond` frames. */
  hit(now: number): boolean {
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.count = 0;
    }
    return ++this.count <= this.perSecond;
  }
}
