/** Below this many slots a drained ring is kept rather than released (re-growing it would cost more). */
const KEEP_SLOTS = 8;

/**
 * Sliding-window limiter: at most `limit` events in any `windowMs`. It holds only the times of the events still
 * inside the window, in a ring that grows on demand up to `limit` slots and is released once the window is empty,
 * so an idle session holds no slots at all. A check is amortized O(1): each time is dropped once.
 */
export class SlidingWindow {
  /** Event times, oldest at `head`; unboxed doubles in a plain array. */
  private stamps: number[] = [];
  private head = 0;
  private size = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Slots held now (for tests). */
  get capacity(): number {
    return this.stamps.length;
  }

  /** Records an event at `now` and returns true, or returns false (recording nothing) when over the limit. */
  tryTake(now: number): boolean {
    if (this.limit <= 0) return false;
    this.expire(now);
    if (this.size >= this.limit) return false;
    if (this.size === this.stamps.length) this.grow();
    this.stamps[(this.head + this.size) % this.stamps.length] = now;
    this.size++;
    return true;
  }

  /** Drops the events that left the window (an event at `t` counts while `now - t < windowMs`). */
  private expire(now: number): void {
    const stamps = this.stamps;
    while (this.size > 0 && now - stamps[this.head]! >= this.windowMs) {
      this.head = (this.head + 1) % stamps.length;
      this.size--;
    }
    if (this.size === 0) {
      this.head = 0;
      if (stamps.length > KEEP_SLOTS) this.stamps = [];
    }
  }

  /** Doubles the ring (at most `limit` slots), oldest first. */
  private grow(): void {
    const capacity = Math.min(this.limit, Math.max(4, this.stamps.length * 2));
    const next: number[] = [];
    for (let i = 0; i < this.size; i++) next.push(this.stamps[(this.head + i) % this.stamps.length]!);
    while (next.length < capacity) next.push(0);
    this.stamps = next;
    this.head = 0;
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
