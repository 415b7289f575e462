import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';
import { isValidAppId } from '../../protocol/index.js';
import { StorageError, asStorageError } from './errors.js';
import { MediaFiles, isValidMediaId } from './media-files.js';
import { RedisHistory } from './redis-history.js';
import { defineLua, type LuaRunner } from './redis-lua.js';
import { RedisOffline } from './redis-offline.js';
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
  type PurgeResult,
  type StoreLimits,
  type UserEvent,
} from './types.js';
import { writeMediaUpload } from './media-upload.js';
import { requireCount, requireText, requireTime } from './validate.js';

export interface RedisStoreOptions {
  /** redis://host:port — the cluster's Redis (the engine's). */
  url: string;
  /** Media bytes: a folder every node mounts at the same path (NFS, a shared volume). Metadata lives in Redis. */
  mediaDir: string;
  /** Default `resignal:store:`. */
  prefix?: string;
  now?: () => number;
  limits?: Partial<StoreLimits>;
  redis?: RedisOptions;
}

const TAKE_OFFLINE_MAX = 10_000;
/** Temp files this old are leftovers of a crashed upload (the folder is shared, so younger ones may be live). */
const STALE_TEMP_MS = 60 * 60 * 1000;

async function removeStaleTemp(dir: string): Promise<void> {
  const cutoff = Date.now() - STALE_TEMP_MS;
  for (const name of await fsp.readdir(dir)) {
    const file = path.join(dir, name);
    const stat = await fsp.stat(file).catch(() => null);
    if (stat && stat.mtimeMs < cutoff) await fsp.rm(file, { force: true });
  }
}

const EVENTS_LUA = {
  /** KEYS: list. ARGV: json, cap. The oldest are dropped past the cap. */
  append: `
redis.call('RPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
return 1`,
  /** KEYS: list. ARGV: n. Returns and removes the n oldest. */
  take: `
local n = tonumber(ARGV[1])
local items = redis.call('LRANGE', KEYS[1], 0, n - 1)
redis.call('LTRIM', KEYS[1], n, -1)
return items`,
};

/**
 * The cluster's durable store: offline messages, history, events and media metadata in Redis, media bytes in
 * a shared folder. A resolved write has been acknowledged by Redis; with `appendonly yes` and
 * `appendfsync always` that means it is on disk (docs/operations.md, "Running a cluster").
 */
export class RedisStore implements DurableStore {
  private closed = false;
  private readonly offline: RedisOffline;
  private readonly history: RedisHistory;
  private readonly events: LuaRunner<keyof typeof EVENTS_LUA>;
  private readonly files: MediaFiles;
  private readonly mediaWrites = new Set<Promise<unknown>>();

  private constructor(
    readonly redis: Redis,
    private readonly prefix: string,
    private readonly limits: StoreLimits,
    private readonly clock: () => number,
    mediaDir: string,
  ) {
    this.offline = new RedisOffline(redis, prefix, limits);
    this.history = new RedisHistory(redis, prefix, limits);
    this.events = defineLua(redis, 'resignal_events', EVENTS_LUA);
    this.files = new MediaFiles(path.resolve(mediaDir));
  }

  static async open(options: RedisStoreOptions): Promise<RedisStore> {
    const redis = new Redis(options.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 20,
      retryStrategy: (times) => Math.min(50 * times, 500),
      ...options.redis,
    });
    redis.on('error', () => undefined); // failures reach callers as rejected operations (IO_FAILURE)
    try {
      await redis.connect();
    } catch (error) {
      redis.disconnect();
      throw new StorageError('IO_FAILURE', `cannot reach Redis at ${options.url}`, { cause: error });
    }
    const store = new RedisStore(redis, options.prefix ?? 'resignal:store:', { ...DEFAULT_LIMITS, ...options.limits }, options.now ?? Date.now, options.mediaDir);
    try {
      await fsp.mkdir(store.files.tempDir, { recursive: true });
      await removeStaleTemp(store.files.tempDir);
    } catch (error) {
      await store.close();
      throw new StorageError('DATA_DIR_NOT_WRITABLE', store.files.root, { cause: error });
    }
    return store;
  }

  // --- offline peer messages

  enqueueOffline(msg: OfflineMessage): Promise<void> {
    return this.run(() => this.offline.validate(msg), (now) => this.offline.enqueue(msg, now));
  }

  takeOffline(appId: string, uid: string, limit: number): Promise<OfflineMessage[]> {
    return this.run(
      () => {
        requireText('appId', appId);
        requireText('uid', uid);
        requireCount('limit', limit, 1, TAKE_OFFLINE_MAX);
      },
      (now) => this.offline.pending(appId, uid, limit, now),
    );
  }

  ackOffline(appId: string, uid: string, ids: readonly string[]): Promise<number> {
    return this.run(
      () => {
        requireText('appId', appId);
        requireText('uid', uid);
        if (!Array.isArray(ids)) throw new StorageError('INVALID_ARGUMENT', 'ids must be an array.');
      },
      () => this.offline.delete(appId, uid, ids),
    );
  }

  // --- historical messages

  appendHistory(msg: HistoryInput): Promise<boolean> {
    return this.run(
      () => undefined,
      (now) => (this.history.isStorable(msg) ? this.history.write(msg, now) : Promise.resolve(false)),
    );
  }

  queryHistory(query: HistoryQuery): Promise<HistoryMessage[]> {
    return this.run(() => undefined, (now) => this.history.query(query, now));
  }

  countHistory(filter: HistoryFilter): Promise<number> {
    return this.run(() => undefined, (now) => this.history.count(filter, now));
  }

  // --- user and channel events

  appendUserEvent(event: UserEvent): Promise<void> {
    return this.run(
      () => {
        requireText('appId', event.appId);
        requireText('uid', event.uid);
        requireTime('ms', event.ms);
        if (event.type !== 'Login' && event.type !== 'Logout') throw new StorageError('INVALID_ARGUMENT', 'type must be Login or Logout.');
      },
      async () => void (await this.events.append([this.eventKey('u', event.appId)], [JSON.stringify([event.uid, event.type, event.ms]), this.limits.eventsPerApp])),
    );
  }

  appendChannelEvent(event: ChannelEvent): Promise<void> {
    return this.run(
      () => {
        requireText('appId', event.appId);
        requireText('channel', event.channel);
        requireText('uid', event.uid);
        requireTime('ms', event.ms);
        if (event.type !== 'Join' && event.type !== 'Leave') throw new StorageError('INVALID_ARGUMENT', 'type must be Join or Leave.');
      },
      async () =>
        void (await this.events.append([this.eventKey('c', event.appId)], [JSON.stringify([event.channel, event.uid, event.type, event.ms]), this.limits.eventsPerApp])),
    );
  }

  takeUserEvents(appId: string, max = this.limits.eventsPerTake): Promise<UserEvent[]> {
    return this.run(
      () => this.validateTake(appId, max),
      async () =>
        (await this.take('u', appId, max)).map((raw) => {
          const [uid, type, ms] = JSON.parse(raw) as [string, UserEvent['type'], number];
          return { appId, uid, type, ms };
        }),
    );
  }

  takeChannelEvents(appId: string, max = this.limits.eventsPerTake): Promise<ChannelEvent[]> {
    return this.run(
      () => this.validateTake(appId, max),
      async () =>
        (await this.take('c', appId, max)).map((raw) => {
          const [channel, uid, type, ms] = JSON.parse(raw) as [string, string, ChannelEvent['type'], number];
          return { appId, channel, uid, type, ms };
        }),
    );
  }

  private eventKey(kind: 'u' | 'c', appId: string): string {
    return `${this.prefix}e${kind}:${appId}`;
  }

  private validateTake(appId: string, max: number): void {
    requireText('appId', appId);
    requireCount('max', max, 1, Number.MAX_SAFE_INTEGER);
  }

  private async take(kind: 'u' | 'c', appId: string, max: number): Promise<string[]> {
    return (await this.events.take([this.eventKey(kind, appId)], [Math.min(max, this.limits.eventsPerTake)])) as string[];
  }

  // --- media: metadata in Redis (a JSON string per media, an expiry zset), bytes in the shared folder

  putMedia(input: MediaInput): Promise<MediaRecord> {
    const job = this.storeMedia(input);
    this.mediaWrites.add(job);
    const forget = (): void => void this.mediaWrites.delete(job);
    job.then(forget, forget);
    return job;
  }

  getMedia(appId: string, mediaId: string): Promise<MediaRecord | null> {
    return this.run(
      () => undefined,
      async (now) => {
        if (!isValidAppId(appId) || !isValidMediaId(mediaId)) return null;
        const raw = await this.redis.get(this.mediaKey(appId, mediaId));
        if (!raw) return null;
        const record = JSON.parse(raw) as MediaRecord;
        return record.expiresAt > now ? record : null;
      },
    );
  }

  async openMediaStream(appId: string, mediaId: string): Promise<MediaDownload | null> {
    const media = await this.getMedia(appId, mediaId);
    if (!media) return null;
    const stream = await this.files.openRead(media.appId, media.mediaId);
    return stream ? { media, stream } : null;
  }

  deleteExpiredMedia(now = this.clock()): Promise<number> {
    return this.run(
      () => requireTime('now', now),
      async () => {
        const expiry = `${this.prefix}media-expiry`;
        let removed = 0;
        for (const entry of await this.redis.zrangebyscore(expiry, '-inf', now)) {
          const [appId = '', mediaId = ''] = entry.split(':');
          // File first, record second: a crash in between leaves a record without a file, cleaned next time.
          if (isValidAppId(appId) && isValidMediaId(mediaId)) await this.files.remove(appId, mediaId);
          const [, deleted] = (await this.redis.multi().zrem(expiry, entry).del(this.mediaKey(appId, mediaId)).exec()) ?? [];
          if (deleted?.[1] === 1) removed++;
        }
        return removed;
      },
    );
  }

  private mediaKey(appId: string, mediaId: string): string {
    return `${this.prefix}media:${appId}:${mediaId}`;
  }

  private async storeMedia(input: MediaInput): Promise<MediaRecord> {
    this.ensureOpen();
    const record = await writeMediaUpload(this.files, input, this.clock(), this.limits);
    const { mediaId } = record;
    try {
      this.ensureOpen();
      await this.redis
        .multi()
        .set(this.mediaKey(input.appId, mediaId), JSON.stringify(record))
        .zadd(`${this.prefix}media-expiry`, record.expiresAt, `${input.appId}:${mediaId}`)
        .exec();
    } catch (error) {
      await this.files.remove(input.appId, mediaId);
      throw asStorageError(error);
    }
    return record;
  }

  // --- lifecycle

  async purgeExpired(now = this.clock()): Promise<PurgeResult> {
    requireTime('now', now);
    const offline = await this.run(() => undefined, () => this.offline.purge(now));
    const history = await this.run(() => undefined, () => this.history.purge(now));
    return { offline, history, media: await this.deleteExpiredMedia(now) };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.allSettled([...this.mediaWrites]);
    this.closed = true;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Validates synchronously (a bad argument rejects alone), then runs against Redis; failures become StorageErrors. */
  private async run<T>(validate: () => void, apply: (now: number) => Promise<T>): Promise<T> {
    this.ensureOpen();
    validate();
    try {
      return await apply(this.clock());
    } catch (error) {
      throw asStorageError(error);
    }
  }

  private ensureOpen(): void {
    if (this.closed) throw new StorageError('STORE_CLOSED');
  }
}
