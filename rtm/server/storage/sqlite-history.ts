import type Database from 'better-sqlite3';
import { StorageError } from './errors.js';
import type { HistoryFilter, HistoryInput, HistoryKind, HistoryMessage, HistoryQuery, StoreLimits } from './types.js';
import { HISTORY_QUERY_MAX_LIMIT, historyRecipients, historySize, isStorableHistory } from './history-record.js';
import { requireCount, requireText, requireTime } from './validate.js';

interface HistoryRow {
  id: string;
  kind: HistoryKind;
  src: string;
  dst: string;
  ts: number;
  text: string;
}

type FilterShape = 'source' | 'destination' | 'both';

const IN_RANGE = 'ts >= @startMs AND ts < @endMs';

/**
 * The three filter shapes of REST §9.3. Sources are always users (only users send), so a channel ID as source
 * matches nothing. A destination string matches the `dst` of peer messages (receiving user) and of channel
 * messages (channel ID); `(∅, X)` also matches channel messages whose recorded recipients include user X.
 * INDEXED BY pins the index a large table needs, whatever the planner guesses without statistics.
 */
const FROM_WHERE: Record<FilterShape, string> = {
  source: `history_message INDEXED BY history_by_src WHERE app_id = @appId AND src = @source AND ${IN_RANGE}`,
  destination: `history_message WHERE seq IN (
    SELECT seq FROM history_message INDEXED BY history_by_dst WHERE app_id = @appId AND dst = @destination AND ${IN_RANGE}
    UNION ALL
    SELECT msg_seq FROM history_recipient WHERE app_id = @appId AND uid = @destination) AND ${IN_RANGE}`,
  both: `history_message INDEXED BY history_by_src
    WHERE app_id = @appId AND src = @source AND dst = @destination AND ${IN_RANGE}`,
};

/** Historical TEXT messages: 7-day retention and a per-app byte budget that evicts the oldest. */
export class HistoryTable {
  private readonly insert;
  private readonly exists;
  private readonly insertRecipient;
  private readonly usageOf;
  private readonly addUsage;
  private readonly oldestOfApp;
  private readonly deleteBySeq;
  private readonly expiredUsage;
  private readonly deleteExpired;
  private readonly queries = new Map<string, Database.Statement<[Record<string, unknown>], HistoryRow>>();
  private readonly counts = new Map<FilterShape, Database.Statement<[Record<string, unknown>], { n: number }>>();

  constructor(
    private readonly db: Database.Database,
    private readonly limits: StoreLimits,
  ) {
    this.insert = db.prepare(`
      INSERT INTO history_message (app_id, id, kind, src, dst, ts, text, size)
      VALUES (@appId, @id, @kind, @src, @dst, @ts, @text, @size)`);
    this.exists = db.prepare<[string, string], number>('SELECT 1 FROM history_message WHERE app_id = ? AND id = ?').pluck();
    this.insertRecipient = db.prepare(
      'INSERT OR IGNORE INTO history_recipient (app_id, uid, msg_seq) VALUES (?, ?, ?)',
    );
    this.usageOf = db.prepare<[string], number>('SELECT bytes FROM history_usage WHERE app_id = ?').pluck();
    this.addUsage = db.prepare(`
      INSERT INTO history_usage (app_id, bytes) VALUES (@appId, @bytes)
      ON CONFLICT (app_id) DO UPDATE SET bytes = bytes + excluded.bytes`);
    this.oldestOfApp = db.prepare<[string], { seq: number; size: number }>(
      'SELECT seq, size FROM history_message WHERE app_id = ? ORDER BY ts, seq LIMIT 256',
    );
    this.deleteBySeq = db.prepare('DELETE FROM history_message WHERE seq = ?');
    this.expiredUsage = db.prepare<[number], { appId: string; bytes: number }>(
      'SELECT app_id AS appId, SUM(size) AS bytes FROM history_message INDEXED BY history_by_ts WHERE ts < ? GROUP BY app_id',
    );
    this.deleteExpired = db.prepare('DELETE FROM history_message WHERE ts < ?');
  }

  isStorable(msg: HistoryInput): boolean {
    return isStorableHistory(msg);
  }

  write(msg: HistoryInput, now: number): boolean {
    if (msg.msg.type !== 'TEXT' || msg.ts <= now - this.limits.historyRetentionMs) return false;
    const recipients = historyRecipients(msg, this.limits.historyRecipientsMax);
    const size = historySize(msg, msg.msg.text, recipients);
    if (size > this.limits.historyBytesPerApp) return false;
    if (this.exists.get(msg.appId, msg.id) !== undefined) return true; // a retried append
    this.makeRoom(msg.appId, size);
    const { lastInsertRowid } = this.insert.run({
      appId: msg.appId,
      id: msg.id,
      kind: msg.kind,
      src: msg.from,
      dst: msg.to,
      ts: msg.ts,
      text: msg.msg.text,
      size,
    });
    for (const uid of recipients) this.insertRecipient.run(msg.appId, uid, lastInsertRowid);
    this.addUsage.run({ appId: msg.appId, bytes: size });
    return true;
  }

  query(query: HistoryQuery, now: number): HistoryMessage[] {
    const shape = this.shapeOf(query);
    const order = query.order === 'desc' ? 'DESC' : query.order === 'asc' ? 'ASC' : undefined;
    if (!order) throw new StorageError('INVALID_QUERY', 'order must be asc or desc.');
    requireCount('offset', query.offset, 0, Number.MAX_SAFE_INTEGER);
    requireCount('limit', query.limit, 1, HISTORY_QUERY_MAX_LIMIT);
    const key = `${shape}:${order}`;
    let statement = this.queries.get(key);
    if (!statement) {
      statement = this.db.prepare(`
        SELECT id, kind, src, dst, ts, text FROM ${FROM_WHERE[shape]}
        ORDER BY ts ${order}, seq ${order} LIMIT @limit OFFSET @offset`);
      this.queries.set(key, statement);
    }
    const rows = statement.all({ ...this.bindings(query, now), limit: query.limit, offset: query.offset });
    return rows.map((row) => ({ id: row.id, kind: row.kind, from: row.src, to: row.dst, ts: row.ts, text: row.text }));
  }

  count(filter: HistoryFilter, now: number): number {
    const shape = this.shapeOf(filter);
    let statement = this.counts.get(shape);
    if (!statement) {
      statement = this.db.prepare(`SELECT COUNT(*) AS n FROM ${FROM_WHERE[shape]}`);
      this.counts.set(shape, statement);
    }
    return statement.get(this.bindings(filter, now))?.n ?? 0;
  }

  purge(now: number): number {
    const cutoff = now - this.limits.historyRetentionMs + 1;
    for (const { appId, bytes } of this.expiredUsage.all(cutoff)) this.addUsage.run({ appId, bytes: -bytes });
    return this.deleteExpired.run(cutoff).changes;
  }


  /** Evicts the app's oldest messages (by time) until `size` more bytes fit in its budget. */
  private makeRoom(appId: string, size: number): void {
    let used = this.usageOf.get(appId) ?? 0;
    while (used + size > this.limits.historyBytesPerApp) {
      const oldest = this.oldestOfApp.all(appId);
      if (oldest.length === 0) break;
      for (const row of oldest) {
        this.deleteBySeq.run(row.seq);
        this.addUsage.run({ appId, bytes: -row.size });
        used -= row.size;
        if (used + size <= this.limits.historyBytesPerApp) break;
      }
    }
  }

  private shapeOf(filter: HistoryFilter): FilterShape {
    requireText('appId', filter.appId);
    requireTime('startMs', filter.startMs);
    requireTime('endMs', filter.endMs);
    const source = filter.source ? filter.source : undefined;
    const destination = filter.destination ? filter.destination : undefined;
    if (source && destination) return 'both';
    if (source) return 'source';
    if (destination) return 'destination';
    throw new StorageError('INVALID_QUERY', 'source and destination cannot both be empty.');
  }

  /** Messages past retention are invisible even before `purgeExpired` removes them. */
  private bindings(filter: HistoryFilter, now: number): Record<string, unknown> {
    return {
      appId: filter.appId,
      source: filter.source ?? null,
      destination: filter.destination ?? null,
      startMs: Math.max(filter.startMs, now - this.limits.historyRetentionMs + 1),
      endMs: filter.endMs,
    };
  }
}
