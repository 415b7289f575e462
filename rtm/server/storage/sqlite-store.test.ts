import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { APP_A, APP_B, T0, TestClock, readAll, rejectionCode, textMessage } from './contract/harness.js';
import { MALICIOUS_IDS, mediaInput } from './contract/media-contract.js';
import { openStore, type SqliteStore } from './index.js';
import { SCHEMA_VERSION } from './schema.js';
import { DATABASE_FILE, MEDIA_FOLDER } from './sqlite-store.js';
import { bundleStoreChild, collectLines, killAndWait, startChild, type Child } from './test-fixtures/child-process.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'resignal-sqlite-'));
let counter = 0;
const opened: SqliteStore[] = [];
const children: Child[] = [];

function freshDir(): string {
  return path.join(root, `data-${counter++}`);
}

async function open(dataDir: string, clock = new TestClock()): Promise<SqliteStore> {
  const store = await openStore({ dataDir, now: clock.now });
  opened.push(store);
  return store;
}

afterEach(async () => {
  await Promise.all(children.splice(0).map(killAndWait));
  await Promise.all(opened.splice(0).map((store) => store.close()));
  vi.restoreAllMocks();
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('opening the data folder', () => {
  it('creates missing folders and a WAL database at the current schema version', async () => {
    const dataDir = path.join(freshDir(), 'nested', 'deeper');
    const store = await open(dataDir);
    await store.close();
    expect(fs.existsSync(path.join(dataDir, MEDIA_FOLDER))).toBe(true);
    const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('fails with DATA_DIR_NOT_WRITABLE when the folder cannot be created', async () => {
    const file = path.join(freshDir() + '.file');
    fs.writeFileSync(file, 'not a folder');
    expect(await rejectionCode(openStore({ dataDir: path.join(file, 'data') }))).toBe('DATA_DIR_NOT_WRITABLE');
  });

  it('fails with STORE_LOCKED while another store of this process holds the folder', async () => {
    const dataDir = freshDir();
    const first = await open(dataDir);
    expect(await rejectionCode(openStore({ dataDir, lockTimeoutMs: 0 }))).toBe('STORE_LOCKED');
    await first.close();
    await open(dataDir); // released on close
  });

  it('fails with STORE_LOCKED while another server process holds the folder, and opens once it died', async () => {
    const dataDir = freshDir();
    const bundle = await bundleStoreChild(root);
    const child = startChild(bundle, 'hold', dataDir);
    children.push(child);
    await collectLines(child, (lines) => lines.includes('ready')).reached;
    expect(await rejectionCode(openStore({ dataDir, lockTimeoutMs: 0 }))).toBe('STORE_LOCKED');
    await killAndWait(child);
    await open(dataDir);
  });

  it('refuses a database written by a newer schema', async () => {
    const dataDir = freshDir();
    await (await open(dataDir)).close();
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(await rejectionCode(openStore({ dataDir }))).toBe('SCHEMA_TOO_NEW');
  });

  it('rejects every operation after close with STORE_CLOSED, and close is idempotent', async () => {
    const store = await open(freshDir());
    await store.close();
    await store.close();
    expect(await rejectionCode(store.enqueueOffline(textMessage(APP_A, 'm', 'a', 'b')))).toBe('STORE_CLOSED');
    expect(await rejectionCode(store.takeOffline(APP_A, 'b', 1))).toBe('STORE_CLOSED');
    expect(await rejectionCode(store.getMedia(APP_A, 'A'.repeat(24)))).toBe('STORE_CLOSED');
  });
});

describe('durability', () => {
  it('keeps every kind of record across close and reopen', async () => {
    const dataDir = freshDir();
    const clock = new TestClock(T0 + 60_000);
    const store = await open(dataDir, clock);
    // Not awaited one by one: close() must still finish the pending group commit.
    const writes = Array.from({ length: 50 }, (_, i) => store.enqueueOffline(textMessage(APP_A, `m${i}`, 'alice', 'bob')));
    const raw = store.enqueueOffline({ appId: APP_A, id: 'raw', from: 'alice', to: 'carol', ts: T0, msg: { type: 'RAW', description: 'd', data: new Uint8Array([9, 8, 7]) } });
    await store.appendHistory({ ...textMessage(APP_A, 'h1', 'alice', 'ch1'), kind: 'channel', recipients: ['bob'] });
    await store.appendUserEvent({ appId: APP_A, uid: 'alice', type: 'Login', ms: T0 });
    const media = await store.putMedia(mediaInput(Buffer.from('kept')));
    await store.close();
    await Promise.all([...writes, raw]);

    const reopened = await open(dataDir, clock);
    expect((await reopened.takeOffline(APP_A, 'bob', 100)).map((m) => m.id)).toEqual(Array.from({ length: 50 }, (_, i) => `m${i}`));
    expect((await reopened.takeOffline(APP_A, 'carol', 100))[0]?.msg).toEqual({ type: 'RAW', description: 'd', data: new Uint8Array([9, 8, 7]) });
    expect(await reopened.countHistory({ appId: APP_A, destination: 'bob', startMs: T0, endMs: clock.ms })).toBe(1);
    expect(await reopened.takeUserEvents(APP_A)).toHaveLength(1);
    const download = await reopened.openMediaStream(APP_A, media.mediaId);
    expect((await readAll(download!.stream)).toString()).toBe('kept');
  });

  it('makes an online backup that opens as a database with the same rows', async () => {
    const store = await open(freshDir());
    await store.enqueueOffline(textMessage(APP_A, 'm1', 'alice', 'bob'));
    const target = path.join(root, `backup-${counter++}.sqlite`);
    await store.backup(target);
    const db = new Database(target, { readonly: true });
    expect(db.prepare('SELECT id FROM offline_message').pluck().all()).toEqual(['m1']);
    db.close();
  });
});

describe('media files', () => {
  function filesUnder(dir: string): string[] {
    return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
  }

  it('stores bytes at media/<appId>/<mediaId>, leaves no temp file, and removes expired files', async () => {
    const dataDir = freshDir();
    const clock = new TestClock();
    const store = await open(dataDir, clock);
    const a = await store.putMedia(mediaInput(Buffer.from('aaa'), { expiresAt: T0 + 10 }));
    const b = await store.putMedia(mediaInput(Buffer.from('bb'), { appId: APP_B }));
    const mediaRoot = path.join(dataDir, MEDIA_FOLDER);
    expect(filesUnder(mediaRoot)).toEqual([path.join(APP_A, a.mediaId), path.join(APP_B, b.mediaId)].sort());
    expect(fs.readFileSync(path.join(mediaRoot, APP_A, a.mediaId), 'utf8')).toBe('aaa');

    clock.advance(10);
    expect(await store.deleteExpiredMedia()).toBe(1);
    expect(filesUnder(mediaRoot)).toEqual([path.join(APP_B, b.mediaId)]);
  });

  it('rejects malicious ids without touching the file system', async () => {
    const dataDir = freshDir();
    const store = await open(dataDir);
    fs.writeFileSync(path.join(dataDir, 'x'), 'outside');
    const opens = vi.spyOn(fs.promises, 'open');
    const removes = vi.spyOn(fs.promises, 'rm');
    for (const id of MALICIOUS_IDS) {
      expect(await store.getMedia(APP_A, id)).toBeNull();
      expect(await store.openMediaStream(APP_A, id)).toBeNull();
      expect(await store.openMediaStream('..', id)).toBeNull();
    }
    expect(await rejectionCode(store.putMedia(mediaInput(Buffer.from('x'), { appId: '../..' })))).toBe('INVALID_MEDIA_ID');
    expect(opens).not.toHaveBeenCalled();
    expect(removes).not.toHaveBeenCalled();
    expect(fs.readFileSync(path.join(dataDir, 'x'), 'utf8')).toBe('outside');
  });

  it('cleans temp files of interrupted uploads at start-up', async () => {
    const dataDir = freshDir();
    await (await open(dataDir)).close();
    const leftover = path.join(dataDir, MEDIA_FOLDER, '.tmp', 'half-written');
    fs.writeFileSync(leftover, 'partial');
    await open(dataDir);
    expect(fs.existsSync(leftover)).toBe(false);
  });
});
