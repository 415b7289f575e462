/** Events per second over the last `seconds` whole seconds, from one counter per second (no timers). */
export class RateWindow {
  private readonly buckets: number[];
  private readonly stamps: number[];

  constructor(
    private readonly now: () => number,
    private readonly seconds = 10,
  ) {
    this.buckets = new Array<number>(seconds).fill(0);
    this.stamps = new Array<number>(seconds).fill(-1);
  }

  add(count: number): void {
    const second = Math.floor(this.now() / 1000);
    const slot = second % this.seconds;
    if (this.stamps[slot] !== second) {
      this.stamps[slot] = second;
      this.buckets[slot] = 0;
    }
    this.buckets[slot] = (this.buckets[slot] ?? 0) + count;
  }

  /** The average rate over the last complete seconds (the current, partial second is left out). */
  perSecond(): number {
    const current = Math.floor(this.now() / 1000);
    let total = 0;
    for (let slot = 0; slot < this.seconds; slot++) {
      const stamp = this.stamps[slot] ?? -1;
      if (stamp < current && stamp >= current - this.seconds + 1) total += this.buckets[slot] ?? 0;
    }
    return total / (this.seconds - 1);
  }
}
