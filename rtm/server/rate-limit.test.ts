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
});

describe('FrameRate', () => {
  it('counts frames per one-second window', () => {
    const r = new FrameRate(2);
    expect([r.hit(0), r.hit(1), r.hit(2)]).toEqual([true, true, false]);
    expect(r.hit(1000)).toBe(true);
  });
});
