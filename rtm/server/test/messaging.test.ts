import { describe, expect, it } from 'vitest';
import { sleep, text } from '../test-utils.js';
import { ENGINES, useServers } from './harness.js';

describe.each(ENGINES)('messaging ($name engine)', (engineCase) => {
  const h = useServers(engineCase);

  it('peer message to an online user is acknowledged end to end', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'a');
    const { client: b } = await h.login(server, 'b');
    const before = Date.now();
    const result = await a.request('peer.send', { to: 'b', msg: text('hello') });
    expect(result).toMatchObject({ delivered: true, cached: false });
    expect(result.ts).toBeGreaterThanOrEqual(before - 5);
    const msg = await b.nextEvent('peer.msg');
    expect(msg).toMatchObject({ from: 'a', ts: result.ts, msg: { type: 'TEXT', text: 'hello' } });
    expect(typeof msg.mid).toBe('string');
  });

  it('peer message to an offline user: delivered false at once; no ack: delivered false after the timeout', async () => {
    const server = await h.start({ peerAckTimeoutMs: 200 });
    const { client: a } = await h.login(server, 'a');
    expect(await a.request('peer.send', { to: 'nobody', msg: text('x') })).toMatchObject({ delivered: false, cached: false });
    const { client: mute } = await h.login(server, 'mute', { autoAck: false });
    const started = Date.now();
    expect((await a.request('peer.send', { to: 'mute', msg: text('x') })).delivered).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    const received = await mute.nextEvent('peer.msg');
    // A late ack changes nothing and breaks nothing.
    mute.send({ t: 'peer.ack', mid: received.mid });
    mute.send({ t: 'peer.ack', mid: 'unknown' });
    expect((await a.request('peer.send', { to: 'nobody', msg: text('x') })).delivered).toBe(false);
  });

  it('sending to yourself is delivered to your own session', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'a');
    expect((await a.request('peer.send', { to: 'a', msg: text('me') })).delivered).toBe(true);
    expect(await a.nextEvent('peer.msg')).toMatchObject({ from: 'a' });
  });

  it('raw messages travel as binary and arrive intact', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'a');
    const { client: b } = await h.login(server, 'b');
    const data = new Uint8Array(1000).map((_, i) => i % 256);
    expect((await a.request('peer.send', { to: 'b', msg: { type: 'RAW', description: 'bytes', data } })).delivered).toBe(true);
    const got = await b.nextEvent('peer.msg');
    expect(got.msg.type).toBe('RAW');
    if (got.msg.type === 'RAW') {
      expect(got.msg.description).toBe('bytes');
      expect(Array.from(got.msg.data)).toEqual(Array.from(data));
    }
  });

  it('validates peer and channel sends', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'a');
    await h.login(server, 'b');
    expect(await a.errorCode('peer.send', { to: 'a/b', msg: text('x') })).toBe('INVALID_USER_ID');
    expect(await a.errorCode('peer.send', { to: 'b', msg: text('x'.repeat(32769)) })).toBe('MESSAGE_TOO_LARGE');
    expect(await a.errorCode('peer.send', { to: 'b', msg: text('é'.repeat(16385)) })).toBe('MESSAGE_TOO_LARGE');
    expect(await a.errorCode('peer.send', { to: 'b', msg: text('x'.repeat(32768)) })).toBeNull();
    const raw = { type: 'RAW' as const, description: 'd'.repeat(769), data: new Uint8Array(32000) };
    expect(await a.errorCode('peer.send', { to: 'b', msg: raw })).toBe('MESSAGE_TOO_LARGE');
    expect(await a.errorCode('ch.send', { ch: 'room', msg: text('x') })).toBe('NOT_IN_CHANNEL');
    expect(await a.errorCode('ch.send', { ch: 'null', msg: text('x') })).toBe('INVALID_CHANNEL_ID');
    await a.request('ch.join', { ch: 'room' });
    expect(await a.errorCode('ch.send', { ch: 'room', msg: text('x'.repeat(32769)) })).toBe('MESSAGE_TOO_LARGE');
  });

  it('channel messages fan out to every member but the sender, with one mid', async () => {
    const server = await h.start();
    const clients = await Promise.all(['a', 'b', 'c'].map(async (uid) => (await h.login(server, uid)).client));
    for (const c of clients) await c.request('ch.join', { ch: 'room' });
    const [a, b, c] = clients as [(typeof clients)[0], (typeof clients)[0], (typeof clients)[0]];
    const { ts } = await a.request('ch.send', { ch: 'room', msg: text('hi all') });
    const fromB = await b.nextEvent('ch.msg');
    const fromC = await c.nextEvent('ch.msg');
    expect(fromB).toMatchObject({ ch: 'room', from: 'a', ts, msg: { type: 'TEXT', text: 'hi all' } });
    expect(fromC.mid).toBe(fromB.mid);
    expect(await a.collect((f) => f.t === 'ch.msg', 100)).toEqual([]);
  });

  it('rate-limits peer and channel sends together (TOO_OFTEN)', async () => {
    const server = await h.start({ rateLimits: { messageCount: 4, messageWindowMs: 300 } });
    const { client: a } = await h.login(server, 'a');
    await h.login(server, 'b');
    await a.request('ch.join', { ch: 'room' });
    for (let i = 0; i < 2; i++) await a.request('peer.send', { to: 'b', msg: text(`${i}`) });
    for (let i = 0; i < 2; i++) await a.request('ch.send', { ch: 'room', msg: text(`${i}`) });
    expect(await a.errorCode('ch.send', { ch: 'room', msg: text('x') })).toBe('TOO_OFTEN');
    expect(await a.errorCode('peer.send', { to: 'b', msg: text('x') })).toBe('TOO_OFTEN');
    await sleep(350);
    expect(await a.errorCode('ch.send', { ch: 'room', msg: text('x') })).toBeNull();
  });
});
