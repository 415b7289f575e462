import type Database from 'better-sqlite3';
import { asStorageError } from './errors.js';

interface PendingWrite {
  apply: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: writes queued in the same tick share one transaction, so one fsync (synchronous=FULL) covers
 * all of them. Each promise settles only after its transaction has committed: resolved means durable.
 * Readers call `flush()` first so they always see every write already queued.
 */
export class WriteBatcher {
  private pending: PendingWrite[] = [];
  private scheduled = false;

  constructor(private readonly db: Database.Database) {}

  run<T>(apply: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ apply, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      this.db.transaction(() => {
        for (const write of batch) {
          // Nested transaction = savepoint: one failing write is rolled back alone, the batch still commits.
          try {
            outcomes.push({ ok: true, value: this.db.transaction(write.apply)() });
          } catch (error) {
            outcomes.push({ ok: false, value: error });
          }
        }
      }).immediate();
    } catch (error) {
      for (const write of batch) write.reject(asStorageError(error));
      return;
    }
    batch.forEach((write, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) write.resolve(outcome.value);
      else write.reject(asStorageError(outcome?.value));
    });
  }
}
