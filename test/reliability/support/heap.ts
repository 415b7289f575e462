/** Heap samples of the process that runs an in-process server (the test worker). */

export class HeapSampler {
  readonly samples: number[] = [];
  private timer: NodeJS.Timeout | null = null;

  start(everyMs: number): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
    return this;
  }

  sample(): number {
    const used = process.memoryUsage().heapUsed;
    this.samples.push(used);
    return used;
  }

  stop(): { baseMb: number; peakMb: number; growthMb: number } {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const base = this.samples[0] ?? 0;
    const peak = Math.max(...this.samples);
    return { baseMb: base / 2 ** 20, peakMb: peak / 2 ** 20, growthMb: (peak - base) / 2 ** 20 };
  }
}
