import { LIMITS } from '../../protocol/limits.js';

interface ChannelTimer {
  last: number;
  timer: NodeJS.Timeout | null;
}

/**
 * Coalesces member-count pushes: at most one per interval per channel (three times slower above 512 members,
 * rtm-1x §7.11). The first change after a quiet period is pushed at once, later ones at the end of the interval.
 */
export class MemberCountPusher {
  private readonly channels = new Map<string, ChannelTimer>();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number,
    private readonly push: (key: string) => void,
  ) {}

  changed(key: string, count: number): void {
    let entry = this.channels.get(key);
    if (!entry) this.channels.set(key, (entry = { last: -Infinity, timer: null }));
    if (entry.timer) return;
    const interval = count > LIMITS.memberEventsMaxMembers ? this.intervalMs * 3 : this.intervalMs;
    const wait = entry.last + interval - this.now();
    if (wait <= 0) {
      entry.last = this.now();
      this.push(key);
      return;
    }
    const pending = entry;
    pending.timer = setTimeout(() => {
      pending.timer = null;
      pending.last = this.now();
      this.push(key);
    }, wait);
  }

  forget(key: string): void {
    const entry = this.channels.get(key);
    if (entry?.timer) clearTimeout(entry.timer);
    this.channels.delete(key);
  }

  close(): void {
    for (const key of [...this.channels.keys()]) this.forget(key);
  }
}
