import type Database from 'better-sqlite3';
import { asStorageError } from './errors.js';

/** The touch label of a write that did not say what it touches: every read waits for it. */
const ANYTHING = '*';

interface PendingWrite {
  apply: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface WriteOptions {
  /** What the write touches (a table name, or any label): a read of something else need not wait for it. */
  readonly touches: readonly string[];
  /**
   * False for data nobody was told is stored (REST user/channel events): a batch holding only such writes commits
   * with synchronous=NORMAL, without an fsync that would block the event loop. WAL keeps the database
   * consistent either way, and the next durable commit's fsync covers these frames too.
   */
  readonly durable?: boolean;
}

/**
 * Group commit: writes queued in the same tick share one transaction, so one fsync (synchronous=FULL) covers
 * all of them. Each promise settles only after its transaction has committed: resolved means durable (for a
 * write not marked `durable: false`).
 * Readers call `flushFor(what)` first so they see every queued write to what they read; a read must not commit
 * unrelated writes early (one fsync per login, no group commit).
 */
export class WriteBatcher {
  private pending: PendingWrite[] = [];
  private scheduled = false;
  /** What the pending writes touch. */
  private readonly touched = new Set<string>();
  /** Some pending write needs the fsync'd commit. */
  private durable = false;

  constructor(private readonly db: Database.Database) {}

  run<T>(apply: () => T, options: WriteOptions = { touches: [ANYTHING] }): Promise<T> {
    for (const what of options.touches) this.touched.add(what);
    if (options.durable !== false) this.durable = true;
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ apply, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits the pending writes now if any of them touches `what`. */
  flushFor(what: string): void {
    if (this.touched.has(what) || this.touched.has(ANYTHING)) this.flush();
  }

  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    const durable = this.durable;
    this.touched.clear();
    this.durable = false;
    if (batch.length === 0) return;
    this.pending = [];
    const outcomes: { ok: boolean; value: unknown }[] = [];
    // The connection is opened with synchronous=FULL; only a batch with nothing durable in it relaxes it.
    if (!durable) this.db.pragma('synchronous = NORMAL');
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
    } finally {
      if (!durable) this.db.pragma('synchronous = FULL');
    }
    batch.forEach((write, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) write.resolve(outcome.value);
      else write.reject(asStorageError(outcome?.value));
    });
  }
}
