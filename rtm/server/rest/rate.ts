import { FrameRate } from '../rate-limit.js';
import type { RestLimits } from './limits.js';

export type RestRateClass = 'messages' | 'events' | 'history' | 'queries';

/** Per-App-ID request budgets of the REST API (one-second windows). Only authenticated apps get an entry. */
export class RestRates {
  private readonly windows = new Map<string, FrameRate>();

  constructor(
    private readonly limits: RestLimits,
    private readonly now: () => number,
  ) {}

  take(appId: string, kind: RestRateClass): boolean {
    const key = `${kind}\u0000${appId}`;
    let window = this.windows.get(key);
    if (!window) this.windows.set(key, (window = new FrameRate(this.perSecond(kind))));
    return window.hit(this.now());
  }

  private perSecond(kind: RestRateClass): number {
    switch (kind) {
      case 'messages':
        return this.limits.messagesPerSecond;
      case 'events':
        return this.limits.eventsPerSecond;
      case 'history':
        return this.limits.historyPerSecond;
      case 'queries':
        return this.limits.queriesPerSecond;
    }
  }
}
