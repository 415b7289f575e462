/**
 * Peer messages written to a receiver's socket that dies before the receiver's `peer.ack` are written again when
 * the session resumes (docs/reliability.md, defect 4): exactly once at the receiver's app, in order, with their
 * original mids; the sender sees `hasPeerReceived: true` when the replay is acknowledged within its ack wait.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startOneWayProxy, type OneWayProxy } from '../../../test/one-way-proxy.js';
import { waitUntil } from '../../../test/events.js';
import AgoraRTM, { type RtmClient } from '../../index.js';
import { LIMITS } from '../../protocol/limits.js';
import type { RunningServer } from '../index.js';
import { TEST_APP_ID, sleep, text } from '../test-utils.js';
import { ENGINES, useServers } from './harness.js';

type PeerMsg = { t: 'peer.msg'; mid: string; msg: { text?: string } };

describe.each(ENGINES)('resume replays unacknowledged peer messages ($name engine)', (engineCase) => {
  const h = useServers(engineCase);
  const proxies: OneWayProxy[] = [];
  const sdkClients: RtmClient[] = [];

  afterEach(async () => {
    await Promise.all(sdkClients.splice(0).map((c) => c.logout().catch(() => undefined)));
    await Promise.all(proxies.splice(0).map((p) => p.close()));
  });

  async function sdkClient(endpoint: string, uid: string): Promise<{ client: RtmClient; seen: string[] }> {
    const client = AgoraRTM.createInstance(TEST_APP_ID, { endpoint, reconnectBaseMs: 50, reconnectMaxMs: 200 });
    sdkClients.push(client);
    const seen: string[] = [];
    client.on('MessageFromPeer', (message) => {
      if ('text' in message && typeof message.text === 'string') seen.push(message.text);
    });
    await client.login({ uid });
    return { client, seen };
  }

  async function proxyTo(server: RunningServer): Promise<OneWayProxy> {
    const proxy = await startOneWayProxy(server.port);
    proxies.push(proxy);
    return proxy;
  }

  it('raw: written but unacknowledged, then messages of the grace period, then live ones — in order, original mids', async () => {
    const server = await h.start({ peerAckTimeoutMs: 5000, presenceGraceMs: 5000 });
    const { client: sender } = await h.login(server, 'sender');
    const first = await h.login(server, 'receiver', { autoAck: false });
    const sends = [0, 1, 2, 3, 4].map((i) => sender.request('peer.send', { to: 'receiver', msg: text(`m${i}`) }));
    const written: PeerMsg[] = [];
    for (let i = 0; i < 5; i++) written.push((await first.client.nextEvent('peer.msg')) as PeerMsg);
    expect(written.map((f) => f.msg.text)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    // The socket dies before any ack.
    await first.client.terminate();
    await waitUntil(() => server.connectionCount() === 1, 5000, 'the server noticed the drop');
    // Sent during the grace period: queued, answered false at once.
    expect(await sender.request('peer.send', { to: 'receiver', msg: text('m5') })).toMatchObject({ delivered: false });

    const second = await h.login(server, 'receiver', { resume: first.reply.session });
    expect(second.reply.resumed).toBe(true);
    const replayed: PeerMsg[] = [];
    for (let i = 0; i < 6; i++) replayed.push((await second.client.nextEvent('peer.msg')) as PeerMsg);
    expect(replayed.map((f) => f.msg.text)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    expect(replayed.slice(0, 5).map((f) => f.mid)).toEqual(written.map((f) => f.mid));
    // Acknowledged after the resume, within the sender's ack wait: hasPeerReceived true.
    expect((await Promise.all(sends)).map((r) => r.delivered)).toEqual([true, true, true, true, true]);
    // Live again: a new message comes after the replay and is acknowledged.
    expect(await sender.request('peer.send', { to: 'receiver', msg: text('m6') })).toMatchObject({ delivered: true });
    expect(((await second.client.nextEvent('peer.msg')) as PeerMsg).msg.text).toBe('m6');
    expect(await second.client.collect((f) => f.t === 'peer.msg', 150)).toEqual([]);
  });

  it('messages arriving while a resume is being processed wait behind its queue (peer and channel)', async () => {
    // An engine whose setPresence(receiver, ONLINE) — the resume's last await — waits for a gate.
    const inner = h.engine();
    let hit: () => void = () => undefined;
    const reached = new Promise<void>((resolve) => (hit = resolve));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let armed = false;
    const engine = new Proxy(inner, {
      get(target, prop) {
        if (prop === 'setPresence') {
          return async (appId: string, uid: string, state: 'ONLINE' | 'UNREACHABLE' | 'OFFLINE') => {
            if (armed && uid === 'receiver' && state === 'ONLINE') {
              armed = false;
              hit();
              await gate;
            }
            return target.setPresence(appId, uid, state);
          };
        }
        const value: unknown = Reflect.get(target, prop, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const server = await h.start({ engine, peerAckTimeoutMs: 5000, presenceGraceMs: 5000 });
    const { client: sender } = await h.login(server, 'sender');
    const first = await h.login(server, 'receiver');
    for (const c of [sender, first.client]) await c.request('ch.join', { ch: 'room' });
    await first.client.terminate();
    await waitUntil(() => server.connectionCount() === 1, 5000, 'the server noticed the drop');
    expect(await sender.request('peer.send', { to: 'receiver', msg: text('queued') })).toMatchObject({ delivered: false });
    await sender.request('ch.send', { ch: 'room', msg: text('ch-queued') });

    armed = true;
    const resuming = h.login(server, 'receiver', { resume: first.reply.session });
    await reached;
    // The session has its new socket but its queue is not flushed yet.
    const during = sender.request('peer.send', { to: 'receiver', msg: text('during') });
    await sender.request('ch.send', { ch: 'room', msg: text('ch-during') });
    await sleep(100);
    release();
    const second = await resuming;
    expect(second.reply.resumed).toBe(true);
    expect(await during).toMatchObject({ delivered: true });
    const texts: string[] = [];
    await waitUntil(
      () => {
        for (const f of second.client.events.splice(0)) if ((f.t === 'peer.msg' || f.t === 'ch.msg') && f.msg.type === 'TEXT') texts.push(`${f.t}:${f.msg.text}`);
        return texts.length >= 4;
      },
      5000,
      'four messages',
    );
    expect(texts).toEqual(['peer.msg:queued', 'peer.msg:during', 'ch.msg:ch-queued', 'ch.msg:ch-during']);
  });

  it('raw: an acknowledged message is not replayed; a replay that dies again is replayed again', async () => {
    const server = await h.start({ peerAckTimeoutMs: 300, presenceGraceMs: 5000 });
    const { client: sender } = await h.login(server, 'sender');
    const first = await h.login(server, 'receiver', { autoAck: false });
    void sender.request('peer.send', { to: 'receiver', msg: text('acked') });
    const acked = (await first.client.nextEvent('peer.msg')) as PeerMsg;
    first.client.send({ t: 'peer.ack', mid: acked.mid });
    const lost = sender.request('peer.send', { to: 'receiver', msg: text('lost') });
    await first.client.nextEvent('peer.msg');
    await first.client.terminate();
    // The sender's ack wait (300 ms) ends before the receiver comes back: false, but the message is not lost.
    expect(await lost).toMatchObject({ delivered: false });

    const second = await h.login(server, 'receiver', { resume: first.reply.session, autoAck: false });
    expect(((await second.client.nextEvent('peer.msg')) as PeerMsg).msg.text).toBe('lost');
    await second.client.terminate();
    const third = await h.login(server, 'receiver', { resume: first.reply.session });
    expect(((await third.client.nextEvent('peer.msg')) as PeerMsg).msg.text).toBe('lost');
    await sleep(100);
    const fourth = await h.login(server, 'receiver', { resume: first.reply.session });
    expect(fourth.reply.resumed).toBe(true);
    expect(await fourth.client.collect((f) => f.t === 'peer.msg', 150)).toEqual([]);
  });

  it('the replay is bounded by LIMITS.resumePeerUnackedMax (oldest forgotten first)', async () => {
    const server = await h.start({ peerAckTimeoutMs: 300, presenceGraceMs: 5000, rateLimits: { messageCount: 1_000_000, maxFramesPerSecond: 1_000_000 } });
    const { client: sender } = await h.login(server, 'sender');
    const first = await h.login(server, 'receiver', { autoAck: false });
    const total = LIMITS.resumePeerUnackedMax + 5;
    const sends = Array.from({ length: total }, (_, i) => sender.request('peer.send', { to: 'receiver', msg: text(`n${i}`) }));
    await waitUntil(() => first.client.events.filter((f) => f.t === 'peer.msg').length === total, 10_000, 'every message written');
    await first.client.terminate();
    await Promise.all(sends);
    const second = await h.login(server, 'receiver', { resume: first.reply.session });
    const replayed: string[] = [];
    await waitUntil(
      () => {
        replayed.push(...second.client.events.splice(0).flatMap((f) => (f.t === 'peer.msg' ? [f.msg.type === 'TEXT' ? f.msg.text : ''] : [])));
        return replayed.length >= LIMITS.resumePeerUnackedMax;
      },
      10_000,
      'the replay',
    );
    expect(replayed).toEqual(Array.from({ length: LIMITS.resumePeerUnackedMax }, (_, i) => `n${i + 5}`));
  });

  for (const direction of ['toServer', 'toClient'] as const) {
    it(`SDK through a proxy, ${direction === 'toServer' ? 'acks' : 'messages'} lost before the cut: each message once, in order, hasPeerReceived true`, async () => {
      const server = await h.start({ peerAckTimeoutMs: 5000, presenceGraceMs: 5000 });
      const proxy = await proxyTo(server);
      const receiver = await sdkClient(proxy.url, 'receiver');
      const sender = await sdkClient(server.url, 'sender');
      // Before the fault: delivered and acknowledged normally.
      for (let i = 0; i < 3; i++) expect(await sender.client.sendMessageToPeer({ text: `p${i}` }, 'receiver')).toEqual({ hasPeerReceived: true });
      proxy.stall(direction);
      const sends = [3, 4, 5, 6, 7].map((i) => sender.client.sendMessageToPeer({ text: `p${i}` }, 'receiver'));
      if (direction === 'toServer') {
        // The receiver's app got them; its acks never reach the server.
        await waitUntil(() => receiver.seen.length === 8, 5000, 'the receiver saw every message');
      } else {
        await sleep(200); // written by the server, swallowed on the way
        expect(receiver.seen).toEqual(['p0', 'p1', 'p2']);
      }
      proxy.cut();
      await waitUntil(() => proxy.accepted === 2 && receiver.client.connectionState === 'CONNECTED', 10_000, 'the receiver resumed');
      expect((await Promise.all(sends)).map((r) => r.hasPeerReceived)).toEqual([true, true, true, true, true]);
      expect(await sender.client.sendMessageToPeer({ text: 'p8' }, 'receiver')).toEqual({ hasPeerReceived: true });
      await sleep(100); // room for a late duplicate
      expect(receiver.seen).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']);
      expect(server.hub.sessionCount).toBe(2);
    });
  }
});
