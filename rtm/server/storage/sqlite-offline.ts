import type Database from 'better-sqlite3';
import type { WireMessage } from '../../protocol/index.js';
import { StorageError } from './errors.js';
import type { OfflineMessage, StoreLimits } from './types.js';
import { requireText, requireTime } from './validate.js';

interface OfflineRow {
  id: string;
  sender: string;
  receiver: string;
  ts: number;
  kind: 'TEXT' | 'RAW';
  text: string | null;
  description: string | null;
  data: Buffer | null;
}

/** The offline peer-message queue: per receiver, capped, expiring. */
export class OfflineTable {
  private readonly insert;
  private readonly trimExpired;
  private readonly trimOverCap;
  private readonly selectPending;
  private readonly deleteOne;
  private readonly deleteExpired;

  constructor(
    db: Database.Database,
    private readonly limits: StoreLimits,
  ) {
    this.insert = db.prepare(`
      INSERT OR IGNORE INTO offline_message (app_id, receiver, id, sender, ts, expires_at, kind, text, description, data)
      VALUES (@appId, @receiver, @id, @sender, @ts, @expiresAt, @kind, @text, @description, @data)`);
    this.trimExpired = db.prepare(
      'DELETE FROM offline_message WHERE app_id = ? AND receiver = ? AND expires_at <= ?',
    );
    // Everything at or below the (cap + 1)-th newest row goes: the newest overwrite the oldest.
    this.trimOverCap = db.prepare(`
      DELETE FROM offline_message WHERE app_id = @appId AND receiver = @receiver AND seq <= (
        SELECT seq FROM offline_message WHERE app_id = @appId AND receiver = @receiver
        ORDER BY seq DESC LIMIT 1 OFFSET @cap)`);
    this.selectPending = db.prepare<[string, string, number, number], OfflineRow>(`
      SELECT id, sender, receiver, ts, kind, text, description, data FROM offline_message
      WHERE app_id = ? AND receiver = ? AND expires_at > ? ORDER BY seq LIMIT ?`);
    this.deleteOne = db.prepare('DELETE FROM offline_message WHERE app_id = ? AND receiver = ? AND id = ?');
    this.deleteExpired = db.prepare('DELETE FROM offline_message WHERE expires_at <= ?');
  }

  /** Checks the message up front so a bad one is rejected before it joins a write batch. */
  validate(msg: OfflineMessage): void {
    requireText('appId', msg.appId);
    requireText('id', msg.id);
    requireText('from', msg.from);
    requireText('to', msg.to);
    requireTime('ts', msg.ts);
    const body = msg.msg as Partial<WireMessage> | undefined;
    const ok =
      (body?.type === 'TEXT' && typeof body.text === 'string') ||
      (body?.type === 'RAW' && typeof body.description === 'string' && body.data instanceof Uint8Array);
    if (!ok) throw new StorageError('INVALID_ARGUMENT', 'msg must be a TEXT or RAW wire message.');
  }

  write(msg: OfflineMessage, now: number): void {
    this.trimExpired.run(msg.appId, msg.to, now);
    this.insert.run({
      appId: msg.appId,
      receiver: msg.to,
      id: msg.id,
      sender: msg.from,
      ts: msg.ts,
      expiresAt: now + this.limits.offlineTtlMs,
      kind: msg.msg.type,
      text: msg.msg.type === 'TEXT' ? msg.msg.text : null,
      description: msg.msg.type === 'RAW' ? msg.msg.description : null,
      data: msg.msg.type === 'RAW' ? Buffer.from(msg.msg.data.buffer, msg.msg.data.byteOffset, msg.msg.data.byteLength) : null,
    });
    this.trimOverCap.run({ appId: msg.appId, receiver: msg.to, cap: this.limits.offlinePerReceiver });
  }

  pending(appId: string, uid: string, limit: number, now: number): OfflineMessage[] {
    return this.selectPending.all(appId, uid, now, limit).map((row) => ({
      appId,
      id: row.id,
      from: row.sender,
      to: row.receiver,
      ts: row.ts,
      msg:
        row.kind === 'TEXT'
          ? { type: 'TEXT', text: row.text ?? '' }
          : { type: 'RAW', description: row.description ?? '', data: new Uint8Array(row.data ?? []) },
    }));
  }

  delete(appId: string, uid: string, ids: readonly string[]): number {
    let deleted = 0;
    for (const id of ids) deleted += this.deleteOne.run(appId, uid, id).changes;
    return deleted;
  }

  purge(now: number): number {
    return this.deleteExpired.run(now).changes;
  }
}
