import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../server/index.js';
import { eventually, nextEvent, recordEvents, sleep, waitUntil } from '../../test/events.js';
import { startTcpProxy, type TcpProxy } from '../../test/tcp-proxy.js';
import AgoraRTM, { type RtmClient, type RtmChannel } from '../index.js';
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

beforeEach(async () => {
  server = await startServer({ port: 0, log: false, memberCountIntervalMs: 50 });
});

afterEach(async () => {
  await clients.logoutAll();
  await server.close();
});

describe('createInstance', () => {
  it('rejects a bad App ID and unknown config keys synchronously with code 1', async () => {
    expect(await failure(() => AgoraRTM.createInstance('short'))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 1 });
    expect(await failure(() => AgoraRTM.createInstance(APP_ID, { bogus: true } as never))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 1 });
  });

  it('exposes the AgoraRTM namespace', () => {
    expect(AgoraRTM.VERSION).toBe('1.6.0');
    expect(AgoraRTM.ConnectionState.CONNECTED).toBe('CONNECTED');
    expect(AgoraRTM.LOG_FILTER_INFO).toEqual({ error: true, warn: true, info: true, track: false, debug: false });
  });
});

describe('login and logout', () => {
  it('walks CONNECTING → CONNECTED → DISCONNECTED with the official reasons', async () => {
    const c = client();
    const states = recordEvents(c, ['ConnectionStateChanged']);
    await c.login({ uid: 'alice' });
    expect(c.connectionState).toBe('CONNECTED');
    await c.logout();
    expect(states.trace).toEqual([
      ['ConnectionStateChanged', 'CONNECTING', 'LOGIN'],
      ['ConnectionStateChanged', 'CONNECTED', 'LOGIN_SUCCESS'],
      ['ConnectionStateChanged', 'DISCONNECTED', 'LOGOUT'],
    ]);
  });

  it('validates arguments and state with the official codes', async () => {
    const c = client();
    expect(await failure(c.login({ uid: 'a/b' }))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 3 });
    expect(await failure(c.login({ uid: 'x'.repeat(65) }))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 3 });
    expect(await failure(c.login({ uid: 'ok', token: 42 as unknown as string }))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 3 });
    expect(await failure(c.logout())).toMatchObject({ name: 'RtmInvalidStatusError', code: 102 });
    await c.login({ uid: 'bob' });
    await sleep(510);
    expect(await failure(c.login({ uid: 'bob' }))).toMatchObject({ name: 'RtmInvalidStatusError', code: 8 });
  });

  it('refuses a second login within 500 ms', async () => {
    const c = client();
    const first = c.login({ uid: 'carol' });
    expect(await failure(c.login({ uid: 'carol' }))).toMatchObject({ name: 'RtmInvokeTooOftenError', code: 10 });
    await first;
  });

  it('kicks the older session of the same uid with REMOTE_LOGIN', async () => {
    const first = await loggedIn('dave');
    const aborted = nextEvent(first, 'ConnectionStateChanged');
    await loggedIn('dave');
    expect(await aborted).toEqual(['ABORTED', 'REMOTE_LOGIN']);
    await sleep(510);
    expect(await failure(first.login({ uid: 'dave' }))).toMatchObject({ code: 8 });
    await first.logout();
    expect(first.connectionState).toBe('DISCONNECTED');
  });
});

describe('peer messages', () => {
  it('delivers TEXT and RAW messages and reports hasPeerReceived', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const received = nextEvent<[unknown, string, { serverReceivedTs: number }]>(bob, 'MessageFromPeer');
    expect(await alice.sendMessageToPeer({ text: 'hello' }, 'bob')).toEqual({ hasPeerReceived: true });
    const [message, from, props] = await received;
    expect(message).toEqual({ text: 'hello', messageType: 'TEXT' });
    expect(from).toBe('alice');
    expect(typeof props.serverReceivedTs).toBe('number');

    const raw = nextEvent<[{ rawMessage: Uint8Array; description: string }]>(bob, 'MessageFromPeer');
    await alice.sendMessageToPeer({ rawMessage: new Uint8Array([0, 1, 255]), description: 'bin' }, 'bob');
    const [rawMessage] = await raw;
    expect(Array.from(rawMessage.rawMessage)).toEqual([0, 1, 255]);
    expect(rawMessage.description).toBe('bin');
  });

  it('resolves hasPeerReceived false for an offline peer', async () => {
    const alice = await loggedIn('alice');
    expect(await alice.sendMessageToPeer({ text: 'anyone?' }, 'nobody')).toEqual({ hasPeerReceived: false });
  });

  it('fills in messageType on the caller’s object like the official SDK', async () => {
    const alice = await loggedIn('alice');
    const message = { text: 'x' };
    await alice.sendMessageToPeer(message, 'nobody');
    expect(message).toEqual({ text: 'x', messageType: 'TEXT' });
  });

  it('rejects bad messages, bad peers and sends before login with the official codes', async () => {
    const c = client();
    expect(await failure(c.sendMessageToPeer({ text: 'x' }, 'bob'))).toMatchObject({ name: 'RtmInvalidStatusError', code: 102 });
    await c.login({ uid: 'alice' });
    expect(await failure(c.sendMessageToPeer('hi' as never, 'bob'))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 7 });
    expect(await failure(c.sendMessageToPeer({ text: 5 } as never, 'bob'))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 7 });
    expect(await failure(c.sendMessageToPeer({ text: 'x' }, 'bad/peer'))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 6 });
    expect(await failure(c.sendMessageToPeer({ text: 'é'.repeat(16385) }, 'bob'))).toMatchObject({ name: 'RtmLimitExceededError', code: 7 });
    expect(await failure(c.sendMessageToPeer({ rawMessage: new Uint8Array(32769) }, 'bob'))).toMatchObject({ name: 'RtmLimitExceededError', code: 7 });
  });

  it('enforces 180 sends per 3 s across peer and channel messages', async () => {
    const alice = await loggedIn('alice');
    const channel = alice.createChannel('flood');
    await channel.join();
    const sends: Promise<unknown>[] = [];
    for (let i = 0; i < 90; i++) sends.push(alice.sendMessageToPeer({ text: `${i}` }, 'nobody'));
    for (let i = 0; i < 90; i++) sends.push(channel.sendMessage({ text: `${i}` }));
    await Promise.all(sends);
    expect(await failure(alice.sendMessageToPeer({ text: 'one too many' }, 'nobody'))).toMatchObject({ name: 'RtmLimitExceededError', code: 5 });
    expect(await failure(channel.sendMessage({ text: 'one too many' }))).toMatchObject({ name: 'RtmLimitExceededError', code: 3 });
  });
});

describe('channels', () => {
  async function joined(c: RtmClient, id: string): Promise<RtmChannel> {
    const channel = c.createChannel(id);
    await channel.join();
    return channel;
  }

  it('delivers channel messages to other members only, with member events and counts', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const aliceRoom = await joined(alice, 'room');
    const aliceEvents = recordEvents(aliceRoom, ['ChannelMessage', 'MemberJoined', 'MemberLeft']);
    const memberJoined = nextEvent(aliceRoom, 'MemberJoined');
    const twoMembers = new Promise<void>((resolve) => aliceRoom.on('MemberCountUpdated', (n) => n === 2 && resolve()));
    const bobRoom = await joined(bob, 'room');
    expect(await memberJoined).toEqual(['bob']);
    await twoMembers;
    expect((await bobRoom.getMembers()).sort()).toEqual(['alice', 'bob']);

    const bobEvents = recordEvents(bobRoom, ['ChannelMessage']);
    const got = nextEvent(aliceRoom, 'ChannelMessage');
    await bobRoom.sendMessage({ text: 'hi all' });
    const [message, from] = await got;
    expect(message).toEqual({ text: 'hi all', messageType: 'TEXT' });
    expect(from).toBe('bob');

    const left = nextEvent(aliceRoom, 'MemberLeft');
    await bobRoom.leave();
    expect(await left).toEqual(['bob']);
    expect(bobEvents.trace).toEqual([]);
    expect(aliceEvents.trace.map((e) => e[0])).toEqual(['MemberJoined', 'ChannelMessage', 'MemberLeft']);
  });

  it('reports the official join, leave, send and members errors', async () => {
    const c = client();
    const room = c.createChannel('room');
    expect(await failure(room.join())).toMatchObject({ name: 'RtmInvalidStatusError', code: 102 });
    expect(await failure(() => c.createChannel('bad/id'))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 1 });
    await c.login({ uid: 'alice' });
    expect(await failure(room.sendMessage({ text: 'x' }))).toMatchObject({ name: 'RtmInvalidStatusError', code: 5 });
    expect(await failure(room.getMembers())).toMatchObject({ name: 'RtmInvalidStatusError', code: 5 });
    expect(await failure(room.leave())).toMatchObject({ name: 'RtmInvalidStatusError', code: 3 });
    await room.join();
    expect(await failure(room.join())).toMatchObject({ name: 'RtmInvalidStatusError', code: 6 });
    expect(await failure(c.createChannel('room').join())).toMatchObject({ name: 'RtmInvalidStatusError', code: 202 });
    for (let i = 1; i < 20; i++) await c.createChannel(`extra-${i}`).join();
    expect(await failure(c.createChannel('twenty-first').join())).toMatchObject({ name: 'RtmLimitExceededError', code: 5 });
  });

  it('counts members of up to 32 channels without joining', async () => {
    const alice = await loggedIn('alice');
    await joined(alice, 'a');
    const bob = await loggedIn('bob');
    expect(await bob.getChannelMemberCount(['a', 'unknown'])).toEqual({ a: 1, unknown: 0 });
    const ids = Array.from({ length: 33 }, (_, i) => `c${i}`);
    expect(await failure(bob.getChannelMemberCount(ids))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 5 });
    expect(await failure(bob.getChannelMemberCount([]))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 2 });
  });

  it('resets joined channels on logout', async () => {
    const alice = await loggedIn('alice');
    const room = await joined(alice, 'room');
    await alice.logout();
    await sleep(510);
    await alice.login({ uid: 'alice' });
    await room.join();
    expect(await room.getMembers()).toEqual(['alice']);
  });
});

describe('online status', () => {
  it('answers queries and pushes subscription changes', async () => {
    const alice = await loggedIn('alice');
    expect(await alice.queryPeersOnlineStatus(['alice', 'bob'])).toEqual({ alice: true, bob: false });
    const initial = nextEvent(alice, 'PeersOnlineStatusChanged');
    await alice.subscribePeersOnlineStatus(['bob']);
    expect(await initial).toEqual([{ bob: 'OFFLINE' }]);
    expect(await alice.queryPeersBySubscriptionOption(AgoraRTM.PeerSubscriptionOption.ONLINE_STATUS)).toEqual(['bob']);

    const online = nextEvent(alice, 'PeersOnlineStatusChanged');
    const bob = await loggedIn('bob');
    expect(await online).toEqual([{ bob: 'ONLINE' }]);
    const offline = nextEvent(alice, 'PeersOnlineStatusChanged');
    await bob.logout();
    expect(await offline).toEqual([{ bob: 'OFFLINE' }]);
    await alice.unsubscribePeersOnlineStatus(['bob']);
    expect(await alice.queryPeersBySubscriptionOption(AgoraRTM.PeerSubscriptionOption.ONLINE_STATUS)).toEqual([]);
  });

  it('validates peer lists with the official codes', async () => {
    const alice = await loggedIn('alice');
    expect(await failure(alice.queryPeersOnlineStatus([]))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 2 });
    expect(await failure(alice.queryPeersOnlineStatus(Array.from({ length: 257 }, (_, i) => `u${i}`)))).toMatchObject({ code: 2 });
    expect(await failure(alice.subscribePeersOnlineStatus(Array.from({ length: 513 }, (_, i) => `u${i}`)))).toMatchObject({
      name: 'RtmLimitExceededError',
      code: 6,
    });
    expect(await failure(alice.queryPeersBySubscriptionOption('OTHER' as never))).toMatchObject({ code: 2 });
  });
});

describe('reconnection', () => {
  let proxy: TcpProxy;
  beforeEach(async () => {
    proxy = await startTcpProxy(server.port);
  });
  afterEach(async () => {
    await proxy.close();
  });

  it('goes RECONNECTING then CONNECTED after a transport drop; channels resume and others see no MemberLeft', async () => {
    const alice = await loggedIn('alice', proxy.url);
    const bob = await loggedIn('bob');
    const aliceRoom = alice.createChannel('room');
    await aliceRoom.join();
    const bobRoom = bob.createChannel('room');
    await bobRoom.join();
    const bobSees = recordEvents(bobRoom, ['MemberJoined', 'MemberLeft']);
    const states = recordEvents(alice, ['ConnectionStateChanged']);
    const peerDuringDrop = nextEvent(alice, 'MessageFromPeer');

    proxy.block(true);
    proxy.cut();
    await waitUntil(() => alice.connectionState === 'RECONNECTING', 10_000, 'RECONNECTING');
    // Sent while alice is away: queued by the server and delivered once she resumes.
    expect(await bob.sendMessageToPeer({ text: 'while you were away' }, 'alice')).toEqual({ hasPeerReceived: false });
    proxy.block(false);
    await waitUntil(() => alice.connectionState === 'CONNECTED', 10_000, 'CONNECTED');
    const [message] = await peerDuringDrop;
    expect(message).toEqual({ text: 'while you were away', messageType: 'TEXT' });

    const got = nextEvent(bobRoom, 'ChannelMessage');
    await aliceRoom.sendMessage({ text: 'back' });
    expect((await got)[1]).toBe('alice');
    expect(states.trace).toEqual([
      ['ConnectionStateChanged', 'RECONNECTING', 'INTERRUPTED'],
      ['ConnectionStateChanged', 'CONNECTED', 'LOGIN_SUCCESS'],
    ]);
    expect(bobSees.trace).toEqual([]);
  });

  it('queues sends made while RECONNECTING and flushes them after resuming', async () => {
    const alice = await loggedIn('alice', proxy.url);
    const bob = await loggedIn('bob');
    proxy.block(true);
    proxy.cut();
    await waitUntil(() => alice.connectionState === 'RECONNECTING', 10_000, 'RECONNECTING');
    const received = nextEvent(bob, 'MessageFromPeer');
    const sending = alice.sendMessageToPeer({ text: 'queued' }, 'bob');
    await sleep(100);
    proxy.block(false);
    expect(await sending).toEqual({ hasPeerReceived: true });
    expect((await received)[0]).toEqual({ text: 'queued', messageType: 'TEXT' });
  });

  it('recovers after the server restarts on the same address: re-login, re-join, re-subscribe', async () => {
    const alice = await loggedIn('alice', proxy.url);
    const room = alice.createChannel('room');
    await room.join();
    await alice.subscribePeersOnlineStatus(['bob']);
    await sleep(20);

    const oldServer = server;
    proxy.block(true);
    proxy.cut();
    await oldServer.close();
    await waitUntil(() => alice.connectionState === 'RECONNECTING', 10_000, 'RECONNECTING');
    server = await startServer({ port: 0, log: false });
    proxy.retarget(server.port);
    proxy.block(false);
    await waitUntil(() => alice.connectionState === 'CONNECTED', 10_000, 'CONNECTED');

    const bob = await loggedIn('bob');
    const bobRoom = bob.createChannel('room');
    await bobRoom.join();
    await eventually(async () => (await bobRoom.getMembers()).length === 2, 5000, 'alice re-joined');
    expect((await bobRoom.getMembers()).sort()).toEqual(['alice', 'bob']);
    expect(await alice.queryPeersBySubscriptionOption(AgoraRTM.PeerSubscriptionOption.ONLINE_STATUS)).toEqual(['bob']);
  });
});
