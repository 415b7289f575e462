/**
 * Three `resignal serve --redis` processes and one redis-server on loopback, used by real RTM clients: the
 * cluster behaves as one system, survives a node killed with SIGKILL, and a Redis restart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextEvent, recordEvents, sleep, waitUntil } from '../../../test/events.js';
import { startRedis, type TestRedis } from '../../../test/redis-server.js';
import { requireBuild, startServerProcess, type ServerProcess } from '../../../test/server-process.js';
import AgoraRTM, { type PeersOnlineStatusMap, type RemoteInvitation, type RtmChannel, type RtmClient } from '../../client/index.js';

const APP_ID = '0123456789abcdef0123456789abcdef';
const GRACE_MS = 1500;
/** Node TTL (5 s) + confirmation sweep + grace, with room to spare. */
const DEATH_MS = 25_000;

let redis: TestRedis;
let dataDir: string;
const nodes: ServerProcess[] = [];
const clients: RtmClient[] = [];

/** A client that tries `first` and then the other nodes, as an app with an endpoint list would. */
async function user(uid: string, first: number, only = false): Promise<RtmClient> {
  const urls = only ? [nodes[first]!.url] : [0, 1, 2].map((i) => nodes[(first + i) % 3]!.url);
  const client = AgoraRTM.createInstance(APP_ID, { endpoint: urls, reconnectBaseMs: 50, reconnectMaxMs: 300 });
  clients.push(client);
  await client.login({ uid });
  return client;
}

async function joined(client: RtmClient, ch: string): Promise<RtmChannel> {
  const channel = client.createChannel(ch);
  await channel.join();
  return channel;
}

beforeAll(async () => {
  requireBuild();
  redis = await startRedis();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resignal-cluster-'));
  // One data folder for all: media bytes must be on a path every node shares.
  for (let i = 0; i < 3; i++) nodes.push(await startServerProcess(['--redis', redis.url, '--data', dataDir, '--presence-grace', String(GRACE_MS)]));
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => (c.connectionState === 'DISCONNECTED' ? Promise.resolve() : c.logout().catch(() => undefined))));
  await Promise.all(nodes.map((node) => node.stop('SIGKILL')));
  await redis?.dispose();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a cluster of three server processes on one Redis', () => {
  let alice: RtmClient;
  let bob: RtmClient;
  let carol: RtmClient;
  let rooms: Record<'alice' | 'bob' | 'carol', RtmChannel>;

  it('users on different nodes exchange peer and channel messages and see members', async () => {
    [alice, bob, carol] = [await user('alice', 0), await user('bob', 1), await user('carol', 2)];
    rooms = { alice: await joined(alice, 'room'), bob: await joined(bob, 'room'), carol: await joined(carol, 'room') };

    const peer = nextEvent<[{ text: string }, string]>(bob, 'MessageFromPeer');
    expect(await alice.sendMessageToPeer({ text: 'hi bob' }, 'bob')).toEqual({ hasPeerReceived: true });
    const [message, from] = await peer;
    expect([message.text, from]).toEqual(['hi bob', 'alice']);

    const atAlice = nextEvent<[{ text: string }, string]>(rooms.alice, 'ChannelMessage');
    const atBob = nextEvent<[{ text: string }, string]>(rooms.bob, 'ChannelMessage');
    await rooms.carol.sendMessage({ text: 'hello room' });
    for (const [msg, sender] of [await atAlice, await atBob]) expect([msg.text, sender]).toEqual(['hello room', 'carol']);

    expect((await rooms.alice.getMembers()).sort()).toEqual(['alice', 'bob', 'carol']);
    expect(await alice.getChannelMemberCount(['room'])).toEqual({ room: 3 });
  });

  it('keeps per-sender order across nodes', async () => {
    const channelMessages = recordEvents(rooms.carol, ['ChannelMessage']);
    const sent = Array.from({ length: 50 }, (_, i) => `m${i}`);
    await Promise.all(sent.map((text) => rooms.alice.sendMessage({ text })));
    await waitUntil(() => channelMessages.trace.length === sent.length, 10_000, 'all 50 channel messages');
    channelMessages.stop();
    const received = channelMessages.trace.map(([, msg]) => (msg as { text: string }).text);
    expect(received).toEqual(sent);
  });

  it('shares presence, attributes and invitations across nodes', async () => {
    const status = nextEvent<[Record<string, string>]>(alice, 'PeersOnlineStatusChanged');
    await alice.subscribePeersOnlineStatus(['carol', 'nobody']);
    expect((await status)[0]).toEqual({ carol: 'ONLINE', nobody: 'OFFLINE' });
    expect(await bob.queryPeersOnlineStatus(['alice', 'carol', 'nobody'])).toEqual({ alice: true, carol: true, nobody: false });

    await bob.setLocalUserAttributes({ mood: 'happy' });
    expect(await alice.getUserAttributes('bob')).toEqual({ mood: 'happy' });
    const updated = nextEvent<[Record<string, { value: string; lastUpdateUserId: string }>]>(rooms.carol, 'AttributesUpdated');
    await alice.setChannelAttributes('room', { topic: 'cluster' }, { enableNotificationToChannelMembers: true });
    expect((await updated)[0]).toMatchObject({ topic: { value: 'cluster', lastUpdateUserId: 'alice' } });

    const incoming = nextEvent<[RemoteInvitation]>(carol, 'RemoteInvitationReceived');
    const invitation = alice.createLocalInvitation('carol');
    invitation.content = 'call?';
    const accepted = nextEvent<[string]>(invitation, 'LocalInvitationAccepted');
    invitation.send();
    const [remote] = await incoming;
    expect([remote.callerId, remote.content]).toEqual(['alice', 'call?']);
    remote.response = 'yes';
    remote.accept();
    expect(await accepted).toEqual(['yes']);
  });

  it('a login on another node kicks the older session (REMOTE_LOGIN)', async () => {
    const dan = await user('dan', 0);
    const states = recordEvents(dan, ['ConnectionStateChanged']);
    const dan2 = await user('dan', 2);
    await waitUntil(() => dan.connectionState === 'ABORTED', 10_000, 'the first dan to be aborted');
    expect(states.trace).toContainEqual(['ConnectionStateChanged', 'ABORTED', 'REMOTE_LOGIN']);
    expect(await bob.queryPeersOnlineStatus(['dan'])).toEqual({ dan: true });
    await dan2.logout();
  });

  it('a killed node: its users resume on the others, the ones that cannot come back leave after the grace', async () => {
    // eve can only reach node 0: after the kill she stays away, and the survivors must expire her.
    const eve = await user('eve', 0, true);
    await joined(eve, 'room');
    const left = recordEvents(rooms.bob, ['MemberLeft']);
    const statuses = recordEvents(carol, ['PeersOnlineStatusChanged']);
    await carol.subscribePeersOnlineStatus(['eve']);

    await nodes[0]!.stop('SIGKILL');
    // alice was on node 0 too: her client moves to the next endpoint and resumes there.
    await waitUntil(() => alice.connectionState === 'RECONNECTING', 10_000, 'alice to notice the dead node');
    await waitUntil(() => alice.connectionState === 'CONNECTED', 15_000, 'alice to reconnect to another node');
    const peer = nextEvent<[{ text: string }]>(alice, 'MessageFromPeer');
    expect(await bob.sendMessageToPeer({ text: 'still there?' }, 'alice')).toEqual({ hasPeerReceived: true });
    expect((await peer)[0].text).toBe('still there?');
    const inRoom = nextEvent<[{ text: string }]>(rooms.alice, 'ChannelMessage');
    await rooms.carol.sendMessage({ text: 'after the crash' });
    expect((await inRoom)[0].text).toBe('after the crash');

    const eveOffline = (): boolean => statuses.trace.some(([, map]) => (map as PeersOnlineStatusMap)['eve'] === 'OFFLINE');
    await waitUntil(eveOffline, DEATH_MS, 'OFFLINE for eve, whose node died');
    await waitUntil(() => left.trace.some(([, uid]) => uid === 'eve'), 5000, 'MemberLeft(eve)');
    expect(left.trace.map(([, uid]) => uid)).not.toContain('alice');
    expect((await rooms.bob.getMembers()).sort()).toEqual(['alice', 'bob', 'carol']);
  }, 60_000);

  it('Redis restarts: the nodes reconnect and keep routing', async () => {
    await redis.stop('SIGTERM');
    await sleep(300);
    await redis.start();
    // Nodes and clients recover on their own; the first sends after the restart may need a retry.
    await waitUntil(() => [alice, bob, carol].every((c) => c.connectionState === 'CONNECTED'), 10_000, 'clients connected');
    let delivered = false;
    for (let attempt = 0; attempt < 20 && !delivered; attempt++) {
      delivered = (await carol.sendMessageToPeer({ text: `after redis ${attempt}` }, 'bob').catch(() => ({ hasPeerReceived: false }))).hasPeerReceived;
      if (!delivered) await sleep(250);
    }
    expect(delivered).toBe(true);
    // State written before the restart survived (append-only file).
    expect((await rooms.carol.getMembers()).sort()).toEqual(['alice', 'bob', 'carol']);
    expect(await alice.getUserAttributes('bob')).toEqual({ mood: 'happy' });
    const inRoom = nextEvent<[{ text: string }]>(rooms.bob, 'ChannelMessage');
    await rooms.alice.sendMessage({ text: 'after the restart' });
    expect((await inRoom)[0].text).toBe('after the restart');
    const fresh = await user('frank', 1);
    expect(await fresh.queryPeersOnlineStatus(['carol'])).toEqual({ carol: true });
  }, 60_000);

  it('Redis restarts with its data lost: the nodes write their live users back', async () => {
    await redis.stop('SIGKILL');
    for (const entry of fs.readdirSync(redis.dir)) fs.rmSync(path.join(redis.dir, entry), { recursive: true, force: true });
    await redis.start();
    // Each node rewrites its sessions, memberships and watches on reconnect; no client has to do anything.
    let members: string[] = [];
    for (let attempt = 0; attempt < 40 && members.length < 3; attempt++) {
      members = await rooms.bob.getMembers().catch(() => []);
      if (members.length < 3) await sleep(250);
    }
    expect(members.sort()).toEqual(['alice', 'bob', 'carol']);
    expect(await bob.queryPeersOnlineStatus(['alice', 'carol'])).toEqual({ alice: true, carol: true });
    const peer = nextEvent<[{ text: string }]>(carol, 'MessageFromPeer');
    expect(await alice.sendMessageToPeer({ text: 'after the wipe' }, 'carol')).toEqual({ hasPeerReceived: true });
    expect((await peer)[0].text).toBe('after the wipe');
  }, 60_000);
});
