/** Latency histogram with 1% wide logarithmic buckets: constant memory for millions of samples, mergeable. */
const RATIO = Math.log(1.01);

export type HistogramData = [bucket: number, count: number][];

export class Histogram {
  private readonly buckets = new Map<number, number>();
  count = 0;

  record(ms: number): void {
    const micros = Math.max(1, ms * 1000);
    const bucket = Math.ceil(Math.log(micros) / RATIO);
    this.buckets.set(bucket, (this.buckets.get(bucket) ?? 0) + 1);
    this.count++;
  }

  merge(data: HistogramData): void {
    for (const [bucket, count] of data) {
      this.buckets.set(bucket, (this.buckets.get(bucket) ?? 0) + count);
      this.count += count;
    }
  }

  toData(): HistogramData {
    return [...this.buckets];
  }

  /** The value (ms) at quantile q in [0, 1]; NaN when empty. */
  quantile(q: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    for (const bucket of [...this.buckets.keys()].sort((a, b) => a - b)) {
      seen += this.buckets.get(bucket) ?? 0;
      if (seen >= rank) return Math.exp(bucket * RATIO) / 1000;
    }
    return Number.NaN;
  }
}
