import type Database from 'better-sqlite3';
import { StorageError } from './errors.js';

/**
 * Ordered migrations: entry i moves the database from `user_version` i to i + 1. Never edit a shipped entry;
 * append a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  -- AUTOINCREMENT: sequence numbers are never reused, so "oldest" stays well defined after deletes.
  CREATE TABLE offline_message (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    app_id TEXT NOT NULL,
    receiver TEXT NOT NULL,
    id TEXT NOT NULL,
    sender TEXT NOT NULL,
    ts INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('TEXT', 'RAW')),
    text TEXT,
    description TEXT,
    data BLOB,
    UNIQUE (app_id, receiver, id)
  );
  CREATE INDEX offline_by_receiver ON offline_message (app_id, receiver, seq);
  CREATE INDEX offline_by_expiry ON offline_message (expires_at);

  CREATE TABLE history_message (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    app_id TEXT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('peer', 'channel')),
    src TEXT NOT NULL,
    dst TEXT NOT NULL,
    ts INTEGER NOT NULL,
    text TEXT NOT NULL,
    size INTEGER NOT NULL,
    UNIQUE (app_id, id)
  );
  CREATE INDEX history_by_app_ts ON history_message (app_id, ts);
  CREATE INDEX history_by_src ON history_message (app_id, src, ts);
  CREATE INDEX history_by_dst ON history_message (app_id, dst, ts);
  CREATE INDEX history_by_ts ON history_message (ts);

  CREATE TABLE history_recipient (
    app_id TEXT NOT NULL,
    uid TEXT NOT NULL,
    msg_seq INTEGER NOT NULL REFERENCES history_message (seq) ON DELETE CASCADE,
    PRIMARY KEY (app_id, uid, msg_seq)
  ) WITHOUT ROWID;
  CREATE INDEX history_recipient_by_msg ON history_recipient (msg_seq);

  CREATE TABLE history_usage (
    app_id TEXT PRIMARY KEY,
    bytes INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE user_event (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    app_id TEXT NOT NULL,
    uid TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('Login', 'Logout')),
    ms INTEGER NOT NULL
  );
  CREATE INDEX user_event_by_app ON user_event (app_id, seq);

  CREATE TABLE channel_event (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    app_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    uid TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('Join', 'Leave')),
    ms INTEGER NOT NULL
  );
  CREATE INDEX channel_event_by_app ON channel_event (app_id, seq);

  CREATE TABLE media (
    app_id TEXT NOT NULL,
    media_id TEXT NOT NULL,
    owner TEXT NOT NULL,
    file_name TEXT NOT NULL,
    size INTEGER NOT NULL,
    mime TEXT NOT NULL,
    width INTEGER,
    height INTEGER,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (app_id, media_id)
  ) WITHOUT ROWID;
  CREATE INDEX media_by_expiry ON media (expires_at);
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to SCHEMA_VERSION, one transaction per step; refuses databases from newer versions. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new StorageError('SCHEMA_TOO_NEW', `Database schema ${current}, this server knows up to ${SCHEMA_VERSION}.`);
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    const step = db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      // PRAGMA takes no bound parameters; `version` is a trusted integer.
      db.pragma(`user_version = ${version + 1}`);
    });
    step.immediate();
  }
}
