import { describe, expect, it } from 'vitest';
import { FrameRate, SlidingWindow } from './rate-limit.js';

describe('SlidingWindow', () => {
  it('allows `limit` events in any window and frees slots as they age out', () => {
    const w = new SlidingWindow(3, 1000);
    expect([0, 10, 20].map((t) => w.tryTake(t))).toEqual([true, true, true]);
    expect(w.tryTake(999)).toBe(false);
    expect(w.tryTake(1000)).toBe(true);
    expect(w.tryTake(1005)).toBe(false);
    expect(w.tryTake(1010)).toBe(true);
  });

  it('a zero limit refuses everything', () => {
    expect(new SlidingWindow(0, 1000).tryTake(0)).toBe(false);
  });

  it('a zero window lets everything through and holds nothing', () => {
    const w = new SlidingWindow(180, 0);
    for (let t = 0; t < 1000; t++) expect(w.tryTake(5)).toBe(true);
    expect(w.capacity).toBeLessThanOrEqual(4);
  });

  it('decides exactly like a list of every accepted time', () => {
    // Deterministic pseudo-random gaps (LCG), bursts and pauses included.
    let seed = 12345;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (const [limit, windowMs] of [
      [180, 3000],
      [50, 1000],
      [5, 100],
      [1, 10],
    ] as const) {
      const w = new SlidingWindow(limit, windowMs);
      const accepted: number[] = [];
      let now = 1_700_000_000_000;
      for (let i = 0; i < 20_000; i++) {
        const r = random();
        now += r < 0.7 ? Math.floor(random() * 3) : r < 0.98 ? Math.floor(random() * windowMs) : windowMs * 3;
        const expected = accepted.filter((at) => now - at < windowMs).length < limit;
        expect(w.tryTake(now)).toBe(expected);
        if (expected) accepted.push(now);
        if (accepted.length > 4 * limit) accepted.splice(0, accepted.length - 2 * limit);
        expect(w.capacity).toBeLessThanOrEqual(limit);
      }
    }
  });

  it('grows with a burst and releases its slots once the window has passed', () => {
    const w = new SlidingWindow(180, 3000);
    expect(w.capacity).toBe(0);
    for (let i = 0; i < 180; i++) expect(w.tryTake(1000 + i)).toBe(true);
    expect(w.tryTake(1200)).toBe(false);
    expect(w.capacity).toBe(180);
    expect(w.tryTake(1000 + 3000)).toBe(true);
    expect(w.tryTake(10_000)).toBe(true);
    expect(w.capacity).toBeLessThanOrEqual(8);
  });
});

describe('FrameRate', () => {
  it('counts frames per one-second window', () => {
    const r = new FrameRate(2);
    expect([r.hit(0), r.hit(1), r.hit(2)]).toEqual([true, true, false]);
    expect(r.hit(1000)).toBe(true);
  });
});
