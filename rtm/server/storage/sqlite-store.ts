import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isValidAppId } from '../../protocol/index.js';
import { StorageError, asStorageError } from './errors.js';
import { MediaFiles, isValidMediaId } from './media-files.js';
import { migrate } from './schema.js';
import { EventTables } from './sqlite-events.js';
import { HistoryTable } from './sqlite-history.js';
import { MediaTable } from './sqlite-media.js';
import { OfflineTable } from './sqlite-offline.js';
import {
  DEFAULT_LIMITS,
  type ChannelEvent,
  type DurableStore,
  type HistoryFilter,
  type HistoryInput,
  type HistoryMessage,
  type HistoryQuery,
  type MediaDownload,
  type MediaInput,
  type MediaRecord,
  type OfflineMessage,
  type OpenStoreOptions,
  type PurgeResult,
  type StoreLimits,
  type UserEvent,
} from './types.js';
import { writeMediaUpload } from './media-upload.js';
import { requireCount, requireText, requireTime } from './validate.js';
import { WriteBatcher, type WriteOptions } from './write-batcher.js';

export const DATABASE_FILE = 'resignal.sqlite';
export const MEDIA_FOLDER = 'media';
const TAKE_OFFLINE_MAX = 10_000;
const DEFAULT_LOCK_TIMEOUT_MS = 1000;

// What each write touches, so that a read commits only the queued writes it could see.
const OFFLINE: WriteOptions = { touches: ['offline'] };
const HISTORY: WriteOptions = { touches: ['history'] };
const MEDIA: WriteOptions = { touches: ['media'] };
/** REST user/channel events are never acknowledged to anyone: no fsync of their own (see WriteBatcher). */
const EVENT_LOG: WriteOptions = { touches: ['events'], durable: false };
const EVENT_TAKE: WriteOptions = { touches: ['events'] };

/** The embedded engine's store: SQLite for records, plain files for media bytes, all under one data folder. */
export class SqliteStore implements DurableStore {
  private closed = false;
  private readonly batcher: WriteBatcher;
  private readonly offline: OfflineTable;
  private readonly history: HistoryTable;
  private readonly events: EventTables;
  private readonly media: MediaTable;
  private readonly mediaWrites = new Set<Promise<unknown>>();

  private constructor(
    private readonly db: Database.Database,
    private readonly files: MediaFiles,
    private readonly limits: StoreLimits,
    private readonly clock: () => number,
  ) {
    this.batcher = new WriteBatcher(db);
    this.offline = new OfflineTable(db, limits);
    this.history = new HistoryTable(db, limits);
    this.events = new EventTables(db, limits);
    this.media = new MediaTable(db);
  }

  static async open(options: OpenStoreOptions): Promise<SqliteStore> {
    const dataDir = path.resolve(options.dataDir);
    prepareDataDir(dataDir);
    const db = openDatabase(path.join(dataDir, DATABASE_FILE), options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS);
    const files = new MediaFiles(path.join(dataDir, MEDIA_FOLDER));
    try {
      await files.clearTemp();
    } catch (error) {
      db.close();
      throw new StorageError('DATA_DIR_NOT_WRITABLE', files.root, { cause: error });
    }
    const limits = { ...DEFAULT_LIMITS, ...options.limits };
    return new SqliteStore(db, files, limits, options.now ?? Date.now);
  }

  // --- offline peer messages

  enqueueOffline(msg: OfflineMessage): Promise<void> {
    return this.write(() => this.offline.validate(msg), (now) => this.offline.write(msg, now), OFFLINE);
  }

  takeOffline(appId: string, uid: string, limit: number): Promise<OfflineMessage[]> {
    return this.read(OFFLINE.touches, () => {
      requireText('appId', appId);
      requireText('uid', uid);
      requireCount('limit', limit, 1, TAKE_OFFLINE_MAX);
      return this.offline.pending(appId, uid, limit, this.clock());
    });
  }

  ackOffline(appId: string, uid: string, ids: readonly string[]): Promise<number> {
    return this.write(
      () => {
        requireText('appId', appId);
        requireText('uid', uid);
        if (!Array.isArray(ids)) throw new StorageError('INVALID_ARGUMENT', 'ids must be an array.');
      },
      () => this.offline.delete(appId, uid, ids),
      OFFLINE,
    );
  }

  // --- historical messages

  async appendHistory(msg: HistoryInput): Promise<boolean> {
    this.ensureOpen();
    if (!this.history.isStorable(msg)) return false;
    return this.write(
      () => undefined,
      (now) => this.history.write(msg, now),
      HISTORY,
    );
  }

  queryHistory(query: HistoryQuery): Promise<HistoryMessage[]> {
    return this.read(HISTORY.touches, () => this.history.query(query, this.clock()));
  }

  countHistory(filter: HistoryFilter): Promise<number> {
    return this.read(HISTORY.touches, () => this.history.count(filter, this.clock()));
  }

  // --- user and channel events

  appendUserEvent(event: UserEvent): Promise<void> {
    return this.write(() => this.events.validateUser(event), () => this.events.appendUser(event), EVENT_LOG);
  }

  appendChannelEvent(event: ChannelEvent): Promise<void> {
    return this.write(() => this.events.validateChannel(event), () => this.events.appendChannel(event), EVENT_LOG);
  }

  takeUserEvents(appId: string, max = this.limits.eventsPerTake): Promise<UserEvent[]> {
    return this.write(() => this.events.validateTake(appId, max), () => this.events.takeUsers(appId, max), EVENT_TAKE);
  }

  takeChannelEvents(appId: string, max = this.limits.eventsPerTake): Promise<ChannelEvent[]> {
    return this.write(() => this.events.validateTake(appId, max), () => this.events.takeChannels(appId, max), EVENT_TAKE);
  }

  // --- media

  putMedia(input: MediaInput): Promise<MediaRecord> {
    const job = this.storeMedia(input);
    this.mediaWrites.add(job);
    const forget = (): void => void this.mediaWrites.delete(job);
    job.then(forget, forget);
    return job;
  }

  getMedia(appId: string, mediaId: string): Promise<MediaRecord | null> {
    return this.read(MEDIA.touches, () =>
      isValidAppId(appId) && isValidMediaId(mediaId) ? this.media.find(appId, mediaId, this.clock()) : null,
    );
  }

  async openMediaStream(appId: string, mediaId: string): Promise<MediaDownload | null> {
    const media = await this.getMedia(appId, mediaId);
    if (!media) return null;
    const stream = await this.files.openRead(media.appId, media.mediaId);
    return stream ? { media, stream } : null;
  }

  async deleteExpiredMedia(now = this.clock()): Promise<number> {
    this.ensureOpen();
    this.batcher.flush();
    const removed: MediaRecord[] = [];
    // File first, row second: a crash in between leaves a row without a file, which the next run cleans up.
    for (const record of this.media.expired(now)) {
      await this.files.remove(record.appId, record.mediaId);
      removed.push(record);
    }
    if (removed.length > 0) {
      await this.batcher.run(() => removed.forEach((record) => this.media.delete(record.appId, record.mediaId)), MEDIA);
    }
    return removed.length;
  }

  // --- lifecycle

  async purgeExpired(now = this.clock()): Promise<PurgeResult> {
    requireTime('now', now);
    const { offline, history } = await this.write(
      () => undefined,
      () => ({ offline: this.offline.purge(now), history: this.history.purge(now) }),
      { touches: [...OFFLINE.touches, ...HISTORY.touches] },
    );
    return { offline, history, media: await this.deleteExpiredMedia(now) };
  }

  /** Online backup into one self-contained SQLite file (media files are copied separately, see docs/storage.md). */
  async backup(destination: string): Promise<void> {
    this.ensureOpen();
    this.batcher.flush();
    await this.db.backup(destination);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.allSettled([...this.mediaWrites]);
    this.closed = true;
    this.batcher.flush();
    this.db.close();
  }

  private async storeMedia(input: MediaInput): Promise<MediaRecord> {
    this.ensureOpen();
    const record = await writeMediaUpload(this.files, input, this.clock(), this.limits);
    const { mediaId } = record;
    try {
      this.ensureOpen();
      await this.batcher.run(() => this.media.write(record), MEDIA);
    } catch (error) {
      await this.files.remove(input.appId, mediaId);
      throw error;
    }
    return record;
  }

  /** Validates synchronously (a bad argument rejects alone), then joins the next group commit. */
  private async write<T>(validate: () => void, apply: (now: number) => T, options: WriteOptions): Promise<T> {
    this.ensureOpen();
    validate();
    const now = this.clock();
    return this.batcher.run(() => apply(now), options);
  }

  /** Commits first only the queued writes the query could see (see WriteBatcher). */
  private read<T>(touches: readonly string[], query: () => T): Promise<T> {
    try {
      this.ensureOpen();
      for (const what of touches) this.batcher.flushFor(what);
      return Promise.resolve(query());
    } catch (error) {
      return Promise.reject(asStorageError(error));
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw new StorageError('STORE_CLOSED');
  }
}

function prepareDataDir(dataDir: string): void {
  // A probe write, because access(W_OK) says yes to root even on a read-only mount.
  const probe = path.join(dataDir, `.write-probe-${process.pid}`);
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    throw new StorageError('DATA_DIR_NOT_WRITABLE', dataDir, { cause: error });
  }
}

/**
 * WAL for concurrent-friendly commits; synchronous=FULL so a committed offline message survives power loss,
 * not only a process crash; locking_mode=EXCLUSIVE so a second server on the same folder fails at start-up
 * (SQLITE_BUSY → STORE_LOCKED) instead of sharing, and the OS drops the lock if this process dies.
 */
function openDatabase(file: string, lockTimeoutMs: number): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: lockTimeoutMs });
  } catch (error) {
    throw new StorageError('DATA_DIR_NOT_WRITABLE', file, { cause: error });
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.exec('BEGIN IMMEDIATE; COMMIT;'); // takes the exclusive lock now, not at the first write
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StorageError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') throw new StorageError('STORE_LOCKED', file, { cause: error });
    if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') {
      throw new StorageError('DATA_DIR_NOT_WRITABLE', file, { cause: error });
    }
    throw asStorageError(error);
  }
}
