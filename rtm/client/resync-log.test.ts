/**
 * Re-sync after a reconnect on a flapping link (docs/reliability.md, defect 7): a channel re-join cut off by the
 * next drop is not logged (the next reconnect re-joins); only a final failure is.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../server/index.js';
import { nextEvent, waitUntil } from '../../test/events.js';
import { startOneWayProxy, type OneWayProxy } from '../../test/one-way-proxy.js';
import AgoraRTM, { type RtmClient } from '../index.js';
import { NoReplyError, WireError, warnResyncFailure } from './connection.js';

const APP_ID = '0123456789abcdef0123456789abcdef';

describe('re-sync failures after a reconnect', () => {
  let server: RunningServer;
  let proxy: OneWayProxy;
  const clients: RtmClient[] = [];

  beforeEach(async () => {
    server = await startServer({ port: 0, log: false, presenceGraceMs: 10_000 });
    proxy = await startOneWayProxy(server.port);
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    await Promise.all(clients.splice(0).map((c) => c.logout().catch(() => undefined)));
    await proxy.close();
    await server.close();
  });

  it('warns only for a final failure, not for a request cut off by the connection dropping again', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    warnResyncFailure('re-joining channel "room" after reconnecting', new NoReplyError('transport'));
    expect(warn).not.toHaveBeenCalled();
    warnResyncFailure('re-joining channel "room" after reconnecting', new NoReplyError('timeout'));
    warnResyncFailure('re-joining channel "room" after reconnecting', new WireError('TOO_OFTEN', 'slow down'));
    expect(warn).toHaveBeenCalledTimes(2);
    expect(String(warn.mock.calls[0]?.[0])).toBe('[resignal] re-joining channel "room" after reconnecting failed:');
  });

  it('a re-join cut off by a second drop logs nothing; the next reconnect re-joins the channel', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const alice = AgoraRTM.createInstance(APP_ID, { endpoint: proxy.url, reconnectBaseMs: 50, reconnectMaxMs: 200 });
    clients.push(alice);
    await alice.login({ uid: 'alice' });
    const aliceRoom = alice.createChannel('room');
    await aliceRoom.join();
    const bob = AgoraRTM.createInstance(APP_ID, { endpoint: server.url });
    clients.push(bob);
    await bob.login({ uid: 'bob' });
    const bobRoom = bob.createChannel('room');
    await bobRoom.join();

    // First reconnect: the re-join request goes out, its reply never comes back, and the link drops again.
    let stalled = false;
    alice.on('ConnectionStateChanged', (state) => {
      if (state === 'CONNECTED' && !stalled) {
        stalled = true;
        proxy.stall('toClient');
      }
    });
    proxy.cut();
    await waitUntil(() => stalled, 10_000, 'the first reconnect');
    await new Promise((resolve) => setTimeout(resolve, 100));
    proxy.cut();
    await waitUntil(() => proxy.accepted >= 3 && alice.connectionState === 'CONNECTED', 10_000, 'the second reconnect');

    // Re-joined: alice gets channel messages again.
    const got = nextEvent<[{ text?: string }, string]>(aliceRoom, 'ChannelMessage');
    await bobRoom.sendMessage({ text: 'after the flap' });
    expect((await got)[0].text).toBe('after the flap');
    expect(await bobRoom.getMembers()).toEqual(expect.arrayContaining(['alice', 'bob']));
    expect(warn.mock.calls.filter((call) => String(call[0]).includes('re-joining'))).toEqual([]);
  });
});
