import { describe, expect, it } from 'vitest';
import type { EventFrame } from '../../protocol/frames.js';
import { sleep, text } from '../test-utils.js';
import { ENGINES, useServers } from './harness.js';

type ChMsg = Extract<EventFrame, { t: 'ch.msg' }>;

describe.each(ENGINES)('presence and resume ($name engine)', (engineCase) => {
  const h = useServers(engineCase);

  it('drop → UNREACHABLE, still a member; after the grace → member left and OFFLINE', async () => {
    const server = await h.start({ presenceGraceMs: 300 });
    const { client: u } = await h.login(server, 'u');
    const { client: w } = await h.login(server, 'w');
    await u.request('ch.join', { ch: 'room' });
    await w.request('ch.join', { ch: 'room' });
    await w.request('status.sub', { uids: ['u'] });
    w.drop();

    await u.terminate();
    expect(await w.nextEvent('status')).toEqual({ t: 'status', uid: 'u', state: 'UNREACHABLE' });
    expect((await w.request('status.query', { uids: ['u'] })).online).toEqual({ u: true });
    expect((await w.request('status.sub', { uids: ['u'] })).states).toEqual({ u: 'UNREACHABLE' });
    expect((await w.request('ch.members', { ch: 'room' })).members.sort()).toEqual(['u', 'w']);
    expect(w.events.filter((f) => f.t === 'ch.member')).toEqual([]);

    expect(await w.nextEvent('ch.member', () => true, 1500)).toEqual({ t: 'ch.member', ch: 'room', uid: 'u', joined: false });
    expect(await w.nextEvent('status', () => true, 1500)).toEqual({ t: 'status', uid: 'u', state: 'OFFLINE' });
    expect((await w.request('status.query', { uids: ['u'] })).online).toEqual({ u: false });
    expect((await w.request('ch.count', { chs: ['room'] })).counts).toEqual({ room: 1 });
  });

  it('resume within the grace delivers queued peer and channel messages once with their original mids', async () => {
    const server = await h.start({ presenceGraceMs: 2000 });
    const { client: u, reply } = await h.login(server, 'u');
    const { client: s } = await h.login(server, 's');
    const { client: r } = await h.login(server, 'r');
    for (const c of [u, s, r]) await c.request('ch.join', { ch: 'room' });
    await r.request('status.sub', { uids: ['u'] });
    await sleep(50);
    r.drop();

    await u.terminate();
    await r.nextEvent('status', (f) => f.state === 'UNREACHABLE');
    expect(await s.request('peer.send', { to: 'u', msg: text('p1') })).toMatchObject({ delivered: false, cached: false });
    await s.request('ch.send', { ch: 'room', msg: text('c1') });
    await s.request('ch.send', { ch: 'room', msg: text('c2') });
    const seenByR = [await r.nextEvent('ch.msg'), await r.nextEvent('ch.msg')];

    const resumed = await h.login(server, 'u', { resume: reply.session });
    expect(resumed.reply.resumed).toBe(true);
    expect(resumed.reply.session).toBe(reply.session);
    const peer = await resumed.client.nextEvent('peer.msg');
    expect(peer).toMatchObject({ from: 's', msg: { type: 'TEXT', text: 'p1' } });
    const c1 = await resumed.client.nextEvent('ch.msg');
    const c2 = await resumed.client.nextEvent('ch.msg');
    expect([c1, c2].map((m: ChMsg) => m.mid)).toEqual(seenByR.map((m) => m.mid));
    expect([c1, c2].map((m) => (m.msg.type === 'TEXT' ? m.msg.text : ''))).toEqual(['c1', 'c2']);

    expect(await r.nextEvent('status')).toEqual({ t: 'status', uid: 'u', state: 'ONLINE' });
    // Clients re-join every channel after a reconnect: idempotent, not rate-limited, no member events.
    for (let i = 0; i < 3; i++) expect((await resumed.client.request('ch.join', { ch: 'room' })).count).toBe(3);
    const after = await resumed.client.collect((f) => f.t === 'peer.msg' || f.t === 'ch.msg', 200);
    expect(after).toEqual([]);
    expect(r.events.filter((f) => f.t === 'ch.member')).toEqual([]);

    // A live peer message after the resume is delivered normally.
    expect((await s.request('peer.send', { to: 'u', msg: text('p2') })).delivered).toBe(true);
  });

  it('a resume id that is unknown (or expired) gives a fresh login', async () => {
    const server = await h.start({ presenceGraceMs: 100 });
    const { client: u, reply } = await h.login(server, 'u');
    await u.terminate();
    await sleep(250);
    const again = await h.login(server, 'u', { resume: reply.session });
    expect(again.reply.resumed).toBe(false);
    expect(again.reply.session).not.toBe(reply.session);
    const other = await h.login(server, 'v', { resume: 'not-a-session' });
    expect(other.reply.resumed).toBe(false);
  });

  it('a resume id only resumes its own uid', async () => {
    const server = await h.start({ presenceGraceMs: 2000 });
    const { client: u, reply } = await h.login(server, 'u');
    await u.terminate();
    const thief = await h.login(server, 'mallory', { resume: reply.session });
    expect(thief.reply.resumed).toBe(false);
  });

  it('status subscriptions: ONLINE on login, pushes stop after unsub; limits and validation', async () => {
    const server = await h.start();
    const { client: w } = await h.login(server, 'w');
    expect((await w.request('status.sub', { uids: ['x', 'x'] })).states).toEqual({ x: 'OFFLINE' });
    await h.login(server, 'x');
    expect(await w.nextEvent('status')).toEqual({ t: 'status', uid: 'x', state: 'ONLINE' });
    await w.request('status.unsub', { uids: ['x'] });
    const x2 = await h.login(server, 'x2');
    await x2.client.request('logout', {});
    expect(await w.collect((f) => f.t === 'status', 100)).toEqual([]);

    const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    expect(await w.errorCode('status.query', { uids: [] })).toBe('INVALID_ARGUMENT');
    expect(await w.errorCode('status.query', { uids: many(257, 'q') })).toBe('LIMIT_EXCEEDED');
    expect(await w.errorCode('status.query', { uids: ['ok', 'a/b'] })).toBe('INVALID_ARGUMENT');
    expect(Object.keys((await w.request('status.query', { uids: many(256, 'q') })).online)).toHaveLength(256);
    expect(await w.errorCode('status.sub', { uids: [] })).toBe('INVALID_ARGUMENT');
    expect(await w.errorCode('status.sub', { uids: ['null'] })).toBe('INVALID_ARGUMENT');
    expect(await w.errorCode('status.sub', { uids: many(512, 's') })).toBeNull();
    expect(await w.errorCode('status.sub', { uids: ['one-more'] })).toBe('LIMIT_EXCEEDED');
    expect(await w.errorCode('status.sub', { uids: ['s0'] })).toBeNull();
    expect(await w.errorCode('status.unsub', { uids: [] })).toBe('INVALID_ARGUMENT');
  });
});
