import { hrtimeMs } from '../servers/control.js';

/**
 * Spaces a sender's sends at least `intervalMs` apart (never bursting to catch up), so a client stays under a
 * send-rate limit such as RTM's 180 messages per 3 s. Without an interval it never waits.
 */
export class Pacer {
  private next = 0;

  constructor(private readonly intervalMs: number | undefined) {}

  async wait(): Promise<void> {
    if (this.intervalMs === undefined) return;
    const now = hrtimeMs();
    const slot = Math.max(this.next, now);
    this.next = slot + this.intervalMs;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}
