import type Database from 'better-sqlite3';
import type { MediaRecord } from './types.js';

interface MediaRow {
  appId: string;
  mediaId: string;
  owner: string;
  fileName: string;
  size: number;
  mime: string;
  width: number | null;
  height: number | null;
  createdAt: number;
  expiresAt: number;
}

const COLUMNS = `app_id AS appId, media_id AS mediaId, owner, file_name AS fileName, size, mime, width, height,
  created_at AS createdAt, expires_at AS expiresAt`;

/** Media metadata; the bytes live in files (media-files.ts). */
export class MediaTable {
  private readonly insert;
  private readonly selectOne;
  private readonly selectExpired;
  private readonly deleteOne;

  constructor(db: Database.Database) {
    this.insert = db.prepare(`
      INSERT INTO media (app_id, media_id, owner, file_name, size, mime, width, height, created_at, expires_at)
      VALUES (@appId, @mediaId, @owner, @fileName, @size, @mime, @width, @height, @createdAt, @expiresAt)`);
    this.selectOne = db.prepare<[string, string, number], MediaRow>(
      `SELECT ${COLUMNS} FROM media WHERE app_id = ? AND media_id = ? AND expires_at > ?`,
    );
    this.selectExpired = db.prepare<[number], MediaRow>(`SELECT ${COLUMNS} FROM media WHERE expires_at <= ?`);
    this.deleteOne = db.prepare('DELETE FROM media WHERE app_id = ? AND media_id = ?');
  }

  write(record: MediaRecord): void {
    this.insert.run({ ...record, width: record.width ?? null, height: record.height ?? null });
  }

  find(appId: string, mediaId: string, now: number): MediaRecord | null {
    const row = this.selectOne.get(appId, mediaId, now);
    return row ? toRecord(row) : null;
  }

  expired(now: number): MediaRecord[] {
    return this.selectExpired.all(now).map(toRecord);
  }

  delete(appId: string, mediaId: string): void {
    this.deleteOne.run(appId, mediaId);
  }
}

function toRecord(row: MediaRow): MediaRecord {
  const { width, height, ...rest } = row;
  return { ...rest, ...(width === null ? {} : { width }), ...(height === null ? {} : { height }) };
}
