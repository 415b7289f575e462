import { describe, expect, it } from 'vitest';
import { sleep } from '../test-utils.js';
import { ENGINES, useServers } from './harness.js';

describe.each(ENGINES)('channels ($name engine)', (engineCase) => {
  const h = useServers(engineCase);

  it('join and leave: member events to others, counts to the joiner and members', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'a');
    const { client: b } = await h.login(server, 'b');
    expect(await a.request('ch.join', { ch: 'room' })).toEqual({ count: 1 });
    expect(await a.nextEvent('ch.count')).toEqual({ t: 'ch.count', ch: 'room', count: 1 });
    expect(await b.request('ch.join', { ch: 'room' })).toEqual({ count: 2 });
    expect(await b.nextEvent('ch.count', (f) => f.count === 2)).toBeTruthy();
    expect(await a.nextEvent('ch.member')).toEqual({ t: 'ch.member', ch: 'room', uid: 'b', joined: true });
    expect(await a.nextEvent('ch.count', (f) => f.count === 2)).toBeTruthy();
    expect(b.events.filter((f) => f.t === 'ch.member')).toEqual([]);

    expect(await b.request('ch.leave', { ch: 'room' })).toEqual({});
    expect(await a.nextEvent('ch.member')).toEqual({ t: 'ch.member', ch: 'room', uid: 'b', joined: false });
    expect(await a.nextEvent('ch.count', (f) => f.count === 1)).toBeTruthy();
    expect(await b.errorCode('ch.leave', { ch: 'room' })).toBe('NOT_IN_CHANNEL');
    expect(await b.errorCode('ch.leave', { ch: 'a/b' })).toBe('INVALID_CHANNEL_ID');
    expect(await b.errorCode('ch.join', { ch: 'null' })).toBe('INVALID_CHANNEL_ID');
  });

  it('join is idempotent: a second join succeeds without events', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'a');
    const { client: b } = await h.login(server, 'b');
    await a.request('ch.join', { ch: 'room' });
    await b.request('ch.join', { ch: 'room' });
    await a.nextEvent('ch.member');
    expect(await b.request('ch.join', { ch: 'room' })).toEqual({ count: 2 });
    expect(await a.collect((f) => f.t === 'ch.member', 100)).toEqual([]);
  });

  it('coalesces member-count pushes to one per interval', async () => {
    const server = await h.start({ memberCountIntervalMs: 250 });
    const { client: a } = await h.login(server, 'a');
    await a.request('ch.join', { ch: 'room' });
    await sleep(300);
    a.drop();
    const joiners = await Promise.all(Array.from({ length: 6 }, (_, i) => h.login(server, `m${i}`)));
    const started = Date.now();
    for (const { client } of joiners) await client.request('ch.join', { ch: 'room' });
    const joinSpan = Date.now() - started;
    const counts = (await a.collect((f) => f.t === 'ch.count', 600)).map((f) => (f.t === 'ch.count' ? f.count : -1));
    expect(counts.length).toBeGreaterThanOrEqual(1);
    // One push at once, then at most one per 250 ms interval while joins keep coming.
    expect(counts.length).toBeLessThanOrEqual(2 + Math.floor(joinSpan / 250));
    expect(counts.length).toBeLessThan(6);
    expect(counts.at(-1)).toBe(7);
    expect(a.events.filter((f) => f.t === 'ch.member')).toHaveLength(6);
  });

  it('lists members (self included) and counts channels without membership', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'a');
    const { client: b } = await h.login(server, 'b');
    await a.request('ch.join', { ch: 'room' });
    await b.request('ch.join', { ch: 'room' });
    expect((await a.request('ch.members', { ch: 'room' })).members.sort()).toEqual(['a', 'b']);
    const { client: c } = await h.login(server, 'c');
    expect(await c.errorCode('ch.members', { ch: 'room' })).toBe('NOT_IN_CHANNEL');
    expect((await c.request('ch.count', { chs: ['room', 'empty', 'room'] })).counts).toEqual({ room: 2, empty: 0 });
    expect(await c.errorCode('ch.count', { chs: [] })).toBe('INVALID_ARGUMENT');
    expect(await c.errorCode('ch.count', { chs: ['ok', 'null'] })).toBe('INVALID_ARGUMENT');
    expect(await c.errorCode('ch.count', { chs: Array.from({ length: 33 }, (_, i) => `c${i}`) })).toBe('LIMIT_EXCEEDED');
    expect(await c.errorCode('ch.count', { chs: Array.from({ length: 32 }, (_, i) => `c${i}`) })).toBeNull();
  });

  it('limits a session to 20 channels', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'a');
    for (let i = 0; i < 20; i++) await a.request('ch.join', { ch: `c${i}` });
    expect(await a.errorCode('ch.join', { ch: 'c20' })).toBe('LIMIT_EXCEEDED');
    expect(await a.errorCode('ch.join', { ch: 'c0' })).toBeNull();
  });

  it('rate-limits joins of the same channel and of many channels', async () => {
    const server = await h.start({ rateLimits: { joinAnyChannelCount: 5, joinAnyChannelWindowMs: 60_000 } });
    const { client: a } = await h.login(server, 'a');
    await a.request('ch.join', { ch: 'room' });
    await a.request('ch.leave', { ch: 'room' });
    await a.request('ch.join', { ch: 'room' });
    await a.request('ch.leave', { ch: 'room' });
    expect(await a.errorCode('ch.join', { ch: 'room' })).toBe('TOO_OFTEN');
    for (let i = 0; i < 3; i++) await a.request('ch.join', { ch: `other${i}` });
    expect(await a.errorCode('ch.join', { ch: 'one-too-many' })).toBe('TOO_OFTEN');
  });
});
