import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, nextEvent, recordEvents, sleep, waitUntil } from '../../test/events.js';
import { startTcpProxy, type TcpProxy } from '../../test/tcp-proxy.js';
import { startServer, type RunningServer } from '../server/index.js';
import type { RtmClient } from '../index.js';
import { rtmFailure as failure, TestClients } from '../../test/rtm-clients.js';

const APP_ID = '0123456789abcdef0123456789abcdef';

let server: RunningServer;
const clients = new TestClients();

function client(endpoint = server.url): RtmClient {
  const c = clients.create(APP_ID, { endpoint, reconnectBaseMs: 50, reconnectMaxMs: 300 });
  return c;
}

async function loggedIn(uid: string, endpoint?: string): Promise<RtmClient> {
  const c = client(endpoint);
  await c.login({ uid });
  return c;
}

const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));

beforeEach(async () => {
  server = await startServer({ port: 0, log: false, presenceGraceMs: 300, channelAttributesTtlMs: 200 });
});

afterEach(async () => {
  await clients.logoutAll();
  await server.close();
});

describe('user attributes', () => {
  it('writes the local user’s attributes and reads anyone’s', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    await alice.setLocalUserAttributes({ a: '1', b: '2' });
    await alice.addOrUpdateLocalUserAttributes({ b: '3', c: '4' });
    expect(await bob.getUserAttributes('alice')).toEqual({ a: '1', b: '3', c: '4' });
    expect(await bob.getUserAttributesByKeys('alice', ['a', 'zz'])).toEqual({ a: '1' });
    await alice.deleteLocalUserAttributesByKeys(['a']);
    expect(await bob.getUserAttributes('alice')).toEqual({ b: '3', c: '4' });
    await alice.clearLocalUserAttributes();
    expect(await bob.getUserAttributes('alice')).toEqual({});
  });

  it('runs the official checks in the official order', async () => {
    const c = client();
    // Argument checks come before the login check.
    expect(await failure(c.setLocalUserAttributes('x' as never))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 3 });
    expect(await failure(c.setLocalUserAttributes(many(33)))).toMatchObject({ name: 'RtmLimitExceededError', code: 4 });
    expect(await failure(c.setLocalUserAttributes({}))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 3 });
    expect(await failure(c.setLocalUserAttributes({ ['k'.repeat(33)]: 'v' }))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 3 });
    expect(await failure(c.setLocalUserAttributes({ k: 'x'.repeat(8193) }))).toMatchObject({ name: 'RtmLimitExceededError', code: 4 });
    expect(await failure(c.setLocalUserAttributes({ k: '' }))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 3 });
    expect(await failure(c.setLocalUserAttributes({ k: 5 } as never))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 3 });
    expect(await failure(c.setLocalUserAttributes({ a: 'x'.repeat(8192), b: 'x'.repeat(8192) }))).toMatchObject({ name: 'RtmLimitExceededError', code: 4 });
    expect(await failure(c.setLocalUserAttributes({ a: '1' }))).toMatchObject({ name: 'RtmInvalidStatusError', code: 102 });
    expect(await failure(c.deleteLocalUserAttributesByKeys([]))).toMatchObject({ name: 'RtmInvalidStatusError', code: 3 });
    expect(await failure(c.deleteLocalUserAttributesByKeys(['']))).toMatchObject({ name: 'RtmInvalidStatusError', code: 3 });
    expect(await failure(c.deleteLocalUserAttributesByKeys(['a']))).toMatchObject({ name: 'RtmInvalidStatusError', code: 102 });
    expect(await failure(c.clearLocalUserAttributes())).toMatchObject({ name: 'RtmInvalidStatusError', code: 102 });
    expect(await failure(c.getUserAttributes('bad/id'))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 3 });
    expect(await failure(c.getUserAttributes('bob'))).toMatchObject({ name: 'RtmInvalidStatusError', code: 102 });
    // getUserAttributesByKeys checks the login first.
    expect(await failure(c.getUserAttributesByKeys('bad/id', []))).toMatchObject({ name: 'RtmInvalidStatusError', code: 102 });
    await c.login({ uid: 'me' });
    expect(await failure(c.getUserAttributesByKeys('bob', []))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 3 });
    expect(await failure(c.getUserAttributesByKeys('bob', Array.from({ length: 33 }, (_, i) => `k${i}`)))).toMatchObject({ code: 3 });
    expect(await failure(c.getUserAttributesByKeys('bad/id', ['a']))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 3 });
    // addOrUpdate checks the merge with the local copy.
    await c.setLocalUserAttributes({ a: 'x'.repeat(8000), b: 'x'.repeat(8000) });
    expect(await failure(c.addOrUpdateLocalUserAttributes({ c: 'x'.repeat(1000) }))).toMatchObject({ name: 'RtmLimitExceededError', code: 4 });
    await c.addOrUpdateLocalUserAttributes({ a: 'small' });
  });

  it('rejects reading an offline user with RtmUnavailableError code 6, and a flood with LimitExceeded 5', async () => {
    const c = await loggedIn('me');
    expect(await failure(c.getUserAttributes('nobody'))).toMatchObject({ name: 'RtmUnavailableError', code: 6 });
    const writes = Array.from({ length: 10 }, (_, i) => c.setLocalUserAttributes({ k: `${i}` }));
    await Promise.all(writes);
    expect(await failure(c.setLocalUserAttributes({ k: 'x' }))).toMatchObject({ name: 'RtmLimitExceededError', code: 5 });
  });

  describe('after a reconnect', () => {
    let proxy: TcpProxy;
    beforeEach(async () => {
      proxy = await startTcpProxy(server.port);
    });
    afterEach(async () => {
      await proxy.close();
    });

    it('re-uploads the local copy when the server lost them (grace expired)', async () => {
      const alice = await loggedIn('alice', proxy.url);
      const bob = await loggedIn('bob');
      await alice.setLocalUserAttributes({ a: '1' });
      await alice.addOrUpdateLocalUserAttributes({ b: '2' });
      proxy.block(true);
      proxy.cut();
      await waitUntil(() => alice.connectionState === 'RECONNECTING', 10_000, 'RECONNECTING');
      await eventually(async () => (await bob.queryPeersOnlineStatus(['alice'])).alice === false, 5000, 'alice offline');
      expect(await failure(bob.getUserAttributes('alice'))).toMatchObject({ code: 6 });
      proxy.block(false);
      await waitUntil(() => alice.connectionState === 'CONNECTED', 10_000, 'CONNECTED');
      await eventually(async () => Object.keys(await bob.getUserAttributes('alice').catch(() => ({}))).length === 2, 5000, 're-upload');
      expect(await bob.getUserAttributes('alice')).toEqual({ a: '1', b: '2' });
    });

    it('re-uploads after a server restart too', async () => {
      const alice = await loggedIn('alice', proxy.url);
      await alice.setLocalUserAttributes({ a: '1' });
      proxy.block(true);
      proxy.cut();
      await server.close();
      await waitUntil(() => alice.connectionState === 'RECONNECTING', 10_000, 'RECONNECTING');
      server = await startServer({ port: 0, log: false });
      proxy.retarget(server.port);
      proxy.block(false);
      await waitUntil(() => alice.connectionState === 'CONNECTED', 10_000, 'CONNECTED');
      const bob = await loggedIn('bob');
      await eventually(async () => Object.keys(await bob.getUserAttributes('alice').catch(() => ({}))).length === 1, 5000, 're-upload');
    });

    it('forgets the local copy at logout', async () => {
      const alice = await loggedIn('alice', proxy.url);
      await alice.setLocalUserAttributes({ a: '1' });
      await alice.logout();
      await sleep(510);
      await alice.login({ uid: 'alice' });
      proxy.cut();
      await waitUntil(() => alice.connectionState === 'CONNECTED', 10_000, 'CONNECTED');
      await sleep(100);
      expect(await alice.getUserAttributes('alice')).toEqual({});
    });
  });
});

describe('channel attributes', () => {
  it('writes and reads without joining, with lastUpdateUserId and lastUpdateTs', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    await alice.setChannelAttributes('room', { a: '1', b: '2' });
    await bob.addOrUpdateChannelAttributes('room', { b: '3' });
    const attrs = await alice.getChannelAttributes('room');
    expect(attrs['a']).toMatchObject({ value: '1', lastUpdateUserId: 'alice' });
    expect(attrs['b']).toMatchObject({ value: '3', lastUpdateUserId: 'bob' });
    expect(typeof attrs['b']!.lastUpdateTs).toBe('number');
    expect(Object.keys(await alice.getChannelAttributesByKeys('room', ['b']))).toEqual(['b']);
    await alice.deleteChannelAttributesByKeys('room', ['a']);
    expect(Object.keys(await bob.getChannelAttributes('room'))).toEqual(['b']);
    await bob.clearChannelAttributes('room');
    expect(await alice.getChannelAttributes('room')).toEqual({});
  });

  it('emits AttributesUpdated with the full set to joined members, the writer included, only when asked', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const aliceRoom = alice.createChannel('room');
    const bobRoom = bob.createChannel('room');
    await aliceRoom.join();
    await bobRoom.join();
    const seen = recordEvents(bobRoom, ['AttributesUpdated']);
    await alice.setChannelAttributes('room', { a: '1' });
    const bobGets = nextEvent<[Record<string, { value: string; lastUpdateUserId: string }>]>(bobRoom, 'AttributesUpdated');
    const aliceGets = nextEvent(aliceRoom, 'AttributesUpdated');
    await alice.addOrUpdateChannelAttributes('room', { b: '2' }, { enableNotificationToChannelMembers: true });
    const [attributes] = await bobGets;
    expect(Object.keys(attributes).sort()).toEqual(['a', 'b']);
    expect(attributes['b']).toMatchObject({ value: '2', lastUpdateUserId: 'alice' });
    await aliceGets;
    expect(seen.trace).toHaveLength(1);
  });

  it('runs the official checks with the official codes', async () => {
    const c = client();
    expect(await failure(c.setChannelAttributes('room', {}))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 3 });
    const big = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`k${i}`, 'x'.repeat(8000)]));
    expect(await failure(c.setChannelAttributes('room', big))).toMatchObject({ name: 'RtmLimitExceededError', code: 4 });
    expect(await failure(c.setChannelAttributes('room', { a: '1' }))).toMatchObject({ name: 'RtmInvalidStatusError', code: 102 });
    expect(await failure(c.deleteChannelAttributesByKeys('room', ['x'.repeat(513)]))).toMatchObject({ name: 'RtmInvalidStatusError', code: 3 });
    expect(await failure(c.deleteChannelAttributesByKeys('bad/id', ['a']))).toMatchObject({ name: 'RtmInvalidStatusError', code: 3 });
    expect(await failure(c.clearChannelAttributes('room'))).toMatchObject({ name: 'RtmInvalidStatusError', code: 102 });
    expect(await failure(c.getChannelAttributes('bad/id'))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 3 });
    expect(await failure(c.getChannelAttributesByKeys('room', []))).toMatchObject({ name: 'RtmInvalidStatusError', code: 102 });
    await c.login({ uid: 'me' });
    expect(await failure(c.getChannelAttributesByKeys('room', []))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 3 });
    // The channel ID of set is only checked by the server: a generic server failure.
    expect(await failure(c.setChannelAttributes('bad/id', { a: '1' }))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 3 });
    // addOrUpdate checks the merge with the values it has seen of that channel.
    await c.setChannelAttributes('room', Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`k${i}`, 'x'.repeat(8000)])));
    expect(await failure(c.addOrUpdateChannelAttributes('room', { more: 'x'.repeat(1000) }))).toMatchObject({ name: 'RtmLimitExceededError', code: 4 });
  });

  it('clears them a while after the channel became empty', async () => {
    const alice = await loggedIn('alice');
    const room = alice.createChannel('room');
    await room.join();
    await alice.setChannelAttributes('room', { a: '1' });
    await sleep(300);
    expect(Object.keys(await alice.getChannelAttributes('room'))).toEqual(['a']);
    await room.leave();
    await sleep(500);
    expect(await alice.getChannelAttributes('room')).toEqual({});
  });
});
