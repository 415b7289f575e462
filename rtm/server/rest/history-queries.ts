import { randomBytes } from 'node:crypto';
import type { HistoryMessage } from '../storage/types.js';

interface Stored {
  appId: string;
  messages: HistoryMessage[];
  expiresAt: number;
}

/** Handles kept at most; the oldest are dropped first (they answer 404 afterwards). */
const MAX_HANDLES = 10_000;

/**
 * Results of §9.3 history queries, by handle. resignal answers a query at once, so a handle only holds its
 * result until it expires (410) — never "in progress".
 */
export class HistoryQueries {
  private readonly byHandle = new Map<string, Stored>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  add(appId: string, messages: HistoryMessage[]): string {
    const handle = randomBytes(18).toString('base64url');
    this.byHandle.set(handle, { appId, messages, expiresAt: this.now() + this.ttlMs });
    if (this.byHandle.size > MAX_HANDLES) {
      const oldest = this.byHandle.keys().next();
      if (!oldest.done) this.byHandle.delete(oldest.value);
    }
    return handle;
  }

  /** `undefined`: unknown (or another app's); `'expired'`: past its lifetime. */
  get(appId: string, handle: string): HistoryMessage[] | 'expired' | undefined {
    const stored = this.byHandle.get(handle);
    if (!stored || stored.appId !== appId) return undefined;
    if (stored.expiresAt <= this.now()) {
      this.byHandle.delete(handle);
      return 'expired';
    }
    return stored.messages;
  }
}
