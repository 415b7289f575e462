import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WriteBatcher } from './write-batcher.js';

describe('WriteBatcher', () => {
  let dir: string;
  let db: Database.Database;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resignal-batcher-'));
    db = new Database(path.join(dir, 'test.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE a (v INTEGER); CREATE TABLE b (v INTEGER);');
  });

  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const count = (table: 'a' | 'b'): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const synchronous = (): number => db.pragma('synchronous', { simple: true }) as number;

  it('commits the writes of one tick together and settles them after the commit', async () => {
    const batcher = new WriteBatcher(db);
    const writes = [1, 2, 3].map((v) => batcher.run(() => db.prepare('INSERT INTO a VALUES (?)').run(v).changes, { touches: ['a'] }));
    expect(count('a')).toBe(0);
    expect(await Promise.all(writes)).toEqual([1, 1, 1]);
    expect(count('a')).toBe(3);
  });

  it('flushFor commits only when a pending write touches what is read', async () => {
    const batcher = new WriteBatcher(db);
    const write = batcher.run(() => db.prepare('INSERT INTO a VALUES (1)').run(), { touches: ['a'] });
    batcher.flushFor('b');
    expect(count('a')).toBe(0);
    batcher.flushFor('a');
    expect(count('a')).toBe(1);
    await write;
  });

  it('a write that names nothing makes every read flush', async () => {
    const batcher = new WriteBatcher(db);
    const write = batcher.run(() => db.prepare('INSERT INTO b VALUES (1)').run());
    batcher.flushFor('a');
    expect(count('b')).toBe(1);
    await write;
  });

  it('forgets what was touched once committed', async () => {
    const batcher = new WriteBatcher(db);
    await batcher.run(() => db.prepare('INSERT INTO a VALUES (1)').run(), { touches: ['a'] });
    const write = batcher.run(() => db.prepare('INSERT INTO b VALUES (1)').run(), { touches: ['b'] });
    batcher.flushFor('a');
    expect(count('b')).toBe(0);
    await write;
    expect(count('b')).toBe(1);
  });

  it('commits a batch of only non-durable writes with synchronous=NORMAL, any durable write keeps FULL', async () => {
    const batcher = new WriteBatcher(db);
    const relaxed = await batcher.run(() => synchronous(), { touches: ['a'], durable: false });
    expect(relaxed).toBe(1);
    expect(synchronous()).toBe(2);
    const mixed = await Promise.all([
      batcher.run(() => synchronous(), { touches: ['a'], durable: false }),
      batcher.run(() => synchronous(), { touches: ['b'] }),
    ]);
    expect(mixed).toEqual([2, 2]);
    expect(synchronous()).toBe(2);
  });

  it('a failing write is rolled back alone', async () => {
    const batcher = new WriteBatcher(db);
    const ok = batcher.run(() => db.prepare('INSERT INTO a VALUES (1)').run(), { touches: ['a'] });
    const bad = batcher.run(() => db.prepare('INSERT INTO missing VALUES (1)').run(), { touches: ['a'], durable: false });
    await ok;
    await expect(bad).rejects.toBeDefined();
    expect(count('a')).toBe(1);
    expect(synchronous()).toBe(2);
  });
});
