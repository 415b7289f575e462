import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../../test/events.js';
import { startServer, type RunningServer } from '../server/index.js';
import type { RtmClient } from '../index.js';
import { TestClients } from '../../test/rtm-clients.js';

const APP_ID = '0123456789abcdef0123456789abcdef';
let server: RunningServer;
const clients = new TestClients();

beforeEach(async () => {
  server = await startServer({ port: 0, log: false });
});
afterEach(async () => {
  await clients.logoutAll();
  await server.close();
});

function instance(): RtmClient {
  return clients.create(APP_ID, { endpoint: server.url });
}

describe('offline messages (RTM 1.4 enableOfflineMessaging)', () => {
  it('are cached for an offline peer, emitted once with isOfflineMessage at its login, and acknowledged so they never come again', async () => {
    const alice = instance();
    await alice.login({ uid: 'alice' });
    for (let i = 0; i < 60; i++) {
      expect(await alice.sendMessageToPeer({ text: `m${i}` }, 'bob', { enableOfflineMessaging: true })).toEqual({ hasPeerReceived: false });
    }
    expect(await alice.sendMessageToPeer({ text: 'gone' }, 'bob')).toEqual({ hasPeerReceived: false });

    const bob = instance();
    const received: [string, boolean | undefined][] = [];
    bob.on('MessageFromPeer', (message, _peer, props) => received.push([(message as { text: string }).text, props.isOfflineMessage]));
    await bob.login({ uid: 'bob' });
    await waitUntil(() => received.length >= 60, 5000, '60 offline messages');
    expect(received).toEqual(Array.from({ length: 60 }, (_, i) => [`m${i}`, true]));
    // Every one was acknowledged (even those that arrived together with the login reply): the store is empty.
    await expect.poll(() => server.store.takeOffline(APP_ID, 'bob', 100).then((m) => m.length)).toBe(0);
    await bob.logout();
    const later: unknown[] = [];
    const again = instance();
    again.on('MessageFromPeer', (message) => later.push(message));
    await again.login({ uid: 'bob' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(later).toEqual([]);
  });

  it('historical messaging is passed for peer and channel sends', async () => {
    const alice = instance();
    await alice.login({ uid: 'alice' });
    const room = alice.createChannel('room');
    await room.join();
    await alice.sendMessageToPeer({ text: 'kept' }, 'bob', { enableHistoricalMessaging: true });
    await room.sendMessage({ text: 'kept too' }, { enableHistoricalMessaging: true });
    await room.sendMessage({ text: 'not kept' });
    const range = { appId: APP_ID, source: 'alice', startMs: 0, endMs: Date.now() + 60_000 };
    expect((await server.store.queryHistory({ ...range, offset: 0, limit: 10, order: 'asc' })).map((m) => m.text)).toEqual(['kept', 'kept too']);
  });
});
