import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../index.js';
import { isStorageError } from '../storage/index.js';
import { TEST_APP_ID, text } from '../test-utils.js';
import { ENGINES, useServers } from './harness.js';

const DAY = 24 * 60 * 60 * 1000;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'resignal-offline-'));
  dirs.push(dir);
  return dir;
}

describe.each(ENGINES)('offline messages ($name engine)', (engineCase) => {
  const h = useServers(engineCase);

  it('are stored for an offline peer, answered cached, delivered oldest first at its next login and deleted on ack', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'a');
    const sent = [];
    for (let i = 0; i < 3; i++) sent.push(await a.request('peer.send', { to: 'b', msg: text(`m${i}`), offline: true }));
    for (const result of sent) expect(result).toMatchObject({ delivered: false, cached: true });
    // Without the flag nothing is kept.
    expect(await a.request('peer.send', { to: 'b', msg: text('lost') })).toMatchObject({ delivered: false, cached: false });

    const { client: b } = await h.login(server, 'b');
    const first = await b.nextEvent('peer.msg');
    const second = await b.nextEvent('peer.msg');
    const third = await b.nextEvent('peer.msg');
    expect([first, second, third].map((f) => (f.msg.type === 'TEXT' ? f.msg.text : ''))).toEqual(['m0', 'm1', 'm2']);
    expect([first, second, third].every((f) => f.offline === true && f.from === 'a')).toBe(true);
    expect(first.ts).toBe(sent[0]!.ts);
    expect(await b.collect((f) => f.t === 'peer.msg', 100)).toEqual([]);
    // Acked (automatically by the test client): a fresh login gets nothing.
    await expect.poll(() => server.store.takeOffline(TEST_APP_ID, 'b', 10).then((m) => m.length)).toBe(0);
    await b.close();
    const { client: b2 } = await h.login(server, 'b');
    expect(await b2.collect((f) => f.t === 'peer.msg', 150)).toEqual([]);
  });

  it('unacknowledged stored messages are delivered again, with the same mid, at the next login', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'a');
    await a.request('peer.send', { to: 'b', msg: text('again'), offline: true });
    const { client: mute } = await h.login(server, 'b', { autoAck: false });
    const once = await mute.nextEvent('peer.msg');
    await mute.request('logout', {});
    const { client: b } = await h.login(server, 'b');
    const twice = await b.nextEvent('peer.msg');
    expect(twice.mid).toBe(once.mid);
    expect(twice.offline).toBe(true);
  });

  it('an online peer gets the message live, not cached', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'a');
    const { client: b } = await h.login(server, 'b');
    expect(await a.request('peer.send', { to: 'b', msg: text('live'), offline: true })).toMatchObject({ delivered: true, cached: false });
    expect((await b.nextEvent('peer.msg')).offline).toBeUndefined();
  });

  it('a peer in its presence grace gets it on resume, and the stored copy is deleted by that ack', async () => {
    const server = await h.start({ presenceGraceMs: 5000 });
    const { client: a } = await h.login(server, 'a');
    const { client: b, reply } = await h.login(server, 'b');
    await b.terminate();
    await expect.poll(async () => (await a.request('status.sub', { uids: ['b'] })).states['b']).toBe('UNREACHABLE');
    expect(await a.request('peer.send', { to: 'b', msg: text('grace'), offline: true })).toMatchObject({ delivered: false, cached: true });
    const { client: resumed } = await h.login(server, 'b', { resume: reply.session });
    const got = await resumed.nextEvent('peer.msg');
    expect(got).toMatchObject({ offline: true, msg: { type: 'TEXT', text: 'grace' } });
    await expect.poll(() => server.store.takeOffline(TEST_APP_ID, 'b', 10).then((m) => m.length)).toBe(0);
  });

  it('keeps at most the configured number per receiver: the newest overwrite the oldest', async () => {
    const server = await h.start({ storeLimits: { offlinePerReceiver: 5 }, rateLimits: { messageCount: 1000 } });
    const { client: a } = await h.login(server, 'a');
    for (let i = 0; i < 8; i++) await a.request('peer.send', { to: 'b', msg: text(`m${i}`), offline: true });
    const { client: b } = await h.login(server, 'b');
    const texts: string[] = [];
    for (let i = 0; i < 5; i++) {
      const frame = await b.nextEvent('peer.msg');
      texts.push(frame.msg.type === 'TEXT' ? frame.msg.text : '');
    }
    expect(texts).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
    expect(await b.collect((f) => f.t === 'peer.msg', 100)).toEqual([]);
  });

  it('the default cap is 200 per receiver', async () => {
    const server = await h.start({ rateLimits: { messageCount: 10_000 } });
    const { client: a } = await h.login(server, 'a');
    await Promise.all(Array.from({ length: 205 }, (_, i) => a.request('peer.send', { to: 'b', msg: text(`m${i}`), offline: true })));
    expect((await server.store.takeOffline(TEST_APP_ID, 'b', 1000)).length).toBe(200);
  });

  it('expire after 7 days (injectable clock) and are purged', async () => {
    let now = Date.UTC(2026, 0, 1);
    const server = await h.start({ now: () => now });
    const { client: a } = await h.login(server, 'a');
    await a.request('peer.send', { to: 'b', msg: text('old'), offline: true });
    now += 7 * DAY - 1000;
    await a.request('peer.send', { to: 'b', msg: text('young'), offline: true });
    now += 2000;
    expect(await server.store.purgeExpired()).toMatchObject({ offline: 1 });
    const { client: b } = await h.login(server, 'b');
    const got = await b.nextEvent('peer.msg');
    expect(got.msg).toEqual({ type: 'TEXT', text: 'young' });
    expect(await b.collect((f) => f.t === 'peer.msg', 100)).toEqual([]);
  });
});

describe('the data folder', () => {
  it('a second server on the same data folder fails at start with STORE_LOCKED; after close it can start', async () => {
    const dataDir = tempDir();
    const first = await startServer({ port: 0, log: false, dataDir });
    const error: unknown = await startServer({ port: 0, log: false, dataDir }).catch((e: unknown) => e);
    expect(isStorageError(error, 'STORE_LOCKED')).toBe(true);
    await first.close();
    const again = await startServer({ port: 0, log: false, dataDir });
    await again.close();
  });
});
