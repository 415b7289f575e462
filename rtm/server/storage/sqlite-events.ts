import type Database from 'better-sqlite3';
import { StorageError } from './errors.js';
import type { ChannelEvent, StoreLimits, UserEvent } from './types.js';
import { requireCount, requireText, requireTime } from './validate.js';

interface EventRow {
  seq: number;
  uid: string;
  channel?: string;
  type: string;
  ms: number;
}

/**
 * One event log per App ID (REST §9.4 / §9.5): capped, oldest replaced, and an event is removed once fetched.
 * No time-based expiry: the cap already bounds the size, and §9.4 names none.
 */
class EventLog {
  private readonly insert;
  private readonly trimOverCap;
  private readonly selectOldest;
  private readonly deleteUpTo;

  constructor(
    db: Database.Database,
    table: 'user_event' | 'channel_event',
    columns: readonly string[],
    private readonly limits: StoreLimits,
  ) {
    const names = ['app_id', ...columns, 'type', 'ms'];
    this.insert = db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
    this.trimOverCap = db.prepare(`
      DELETE FROM ${table} WHERE app_id = @appId AND seq <= (
        SELECT seq FROM ${table} WHERE app_id = @appId ORDER BY seq DESC LIMIT 1 OFFSET @cap)`);
    this.selectOldest = db.prepare<[string, number], EventRow>(
      `SELECT seq, ${columns.join(', ')}, type, ms FROM ${table} WHERE app_id = ? ORDER BY seq LIMIT ?`,
    );
    // Rows are taken oldest first, so "up to the last taken seq" is exactly the taken set.
    this.deleteUpTo = db.prepare(`DELETE FROM ${table} WHERE app_id = ? AND seq <= ?`);
  }

  append(appId: string, values: readonly (string | number)[]): void {
    this.insert.run(appId, ...values);
    this.trimOverCap.run({ appId, cap: this.limits.eventsPerApp });
  }

  take(appId: string, max: number): EventRow[] {
    const rows = this.selectOldest.all(appId, Math.min(max, this.limits.eventsPerTake));
    const last = rows.at(-1);
    if (last) this.deleteUpTo.run(appId, last.seq);
    return rows;
  }
}

export class EventTables {
  private readonly users: EventLog;
  private readonly channels: EventLog;

  constructor(db: Database.Database, private readonly limits: StoreLimits) {
    this.users = new EventLog(db, 'user_event', ['uid'], limits);
    this.channels = new EventLog(db, 'channel_event', ['channel', 'uid'], limits);
  }

  validateUser(event: UserEvent): void {
    requireText('appId', event.appId);
    requireText('uid', event.uid);
    requireTime('ms', event.ms);
    if (event.type !== 'Login' && event.type !== 'Logout') throw new StorageError('INVALID_ARGUMENT', 'type must be Login or Logout.');
  }

  validateChannel(event: ChannelEvent): void {
    requireText('appId', event.appId);
    requireText('channel', event.channel);
    requireText('uid', event.uid);
    requireTime('ms', event.ms);
    if (event.type !== 'Join' && event.type !== 'Leave') throw new StorageError('INVALID_ARGUMENT', 'type must be Join or Leave.');
  }

  validateTake(appId: string, max: number): void {
    requireText('appId', appId);
    requireCount('max', max, 1, Number.MAX_SAFE_INTEGER);
  }

  appendUser(event: UserEvent): void {
    this.users.append(event.appId, [event.uid, event.type, event.ms]);
  }

  appendChannel(event: ChannelEvent): void {
    this.channels.append(event.appId, [event.channel, event.uid, event.type, event.ms]);
  }

  takeUsers(appId: string, max: number): UserEvent[] {
    return this.users.take(appId, max).map((row) => ({ appId, uid: row.uid, type: row.type as UserEvent['type'], ms: row.ms }));
  }

  takeChannels(appId: string, max: number): ChannelEvent[] {
    return this.channels
      .take(appId, max)
      .map((row) => ({ appId, channel: row.channel ?? '', uid: row.uid, type: row.type as ChannelEvent['type'], ms: row.ms }));
  }

  get defaultTake(): number {
    return this.limits.eventsPerTake;
  }
}
