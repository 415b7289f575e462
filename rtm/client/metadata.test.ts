import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextEvent, recordEvents, sleep } from '../../test/events.js';
import { startServer, type RunningServer } from '../server/index.js';
import type { RtmClient, RtmMetadata, RtmMetadataItem } from '../index.js';
import { rtmFailure as failure, TestClients } from '../../test/rtm-clients.js';

const APP_ID = '0123456789abcdef0123456789abcdef';

let server: RunningServer;
const clients = new TestClients();

async function loggedIn(uid: string): Promise<RtmClient> {
  const c = clients.create(APP_ID, { endpoint: server.url });
  await c.login({ uid });
  return c;
}

function item(c: RtmClient, key: string, value: string | null, revision?: number): RtmMetadataItem {
  const it = c.createMetadataItem();
  it.setKey(key);
  it.setValue(value);
  if (revision !== undefined) it.setRevision(revision);
  return it;
}

const plain = (data: RtmMetadata) => ({
  majorRevision: data.majorRevision,
  items: data.items.map((i) => ({ key: i.getKey(), value: i.getValue(), revision: i.getRevision() })),
});

beforeEach(async () => {
  server = await startServer({ port: 0, log: false });
});

afterEach(async () => {
  await clients.logoutAll();
  await server.close();
});

describe('user metadata', () => {
  it('set / add / update / delete / clear with revisions, readable by anyone', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    expect(plain(await bob.getUserMetadata('alice'))).toEqual({ majorRevision: 0, items: [] });
    await alice.setLocalUserMetadata([item(alice, 'a', '1'), item(alice, 'b', '2')]);
    const added = item(alice, 'c', '3');
    await alice.addLocalUserMetadata([added], { enableRecordTs: true, enableRecordUserId: true });
    expect(added.getRevision()).toBe(0);
    const updated = item(alice, 'a', '10', 1);
    await alice.updateLocalUserMetadata([updated]);
    expect(updated.getRevision()).toBe(-2);
    const data = await bob.getUserMetadata('alice');
    expect(plain(data)).toEqual({
      majorRevision: 3,
      items: [
        { key: 'a', value: '10', revision: 2 },
        { key: 'b', value: '2', revision: 1 },
        { key: 'c', value: '3', revision: 1 },
      ],
    });
    const c = data.items.find((i) => i.getKey() === 'c')!;
    expect(c.getAuthorUserId()).toBe('alice');
    expect(c.getUpdateTs()).toBeGreaterThan(0);
    expect(data.items.find((i) => i.getKey() === 'a')!.getAuthorUserId()).toBe('');
    const deleted = item(alice, 'b', 'ignored');
    await alice.deleteLocalUserMetadata([deleted]);
    expect(deleted.getValue()).toBeNull();
    expect(plain(await bob.getUserMetadata('alice')).items.map((i) => i.key)).toEqual(['a', 'c']);
    await alice.clearLocalUserMetadata({ majorRevision: 4 });
    expect(plain(await bob.getUserMetadata('alice'))).toEqual({ majorRevision: 5, items: [] });
  });

  it('reports compare-and-set failures as RtmUnavailableError code 8, and the client-side checks', async () => {
    const alice = await loggedIn('alice');
    await alice.setLocalUserMetadata([item(alice, 'a', '1')]);
    expect(await failure(alice.setLocalUserMetadata([item(alice, 'a', '2')], { majorRevision: 0 }))).toMatchObject({ name: 'RtmUnavailableError', code: 8 });
    expect(await failure(alice.setLocalUserMetadata([item(alice, 'a', '2', 9)]))).toMatchObject({ name: 'RtmUnavailableError', code: 8 });
    expect(await failure(alice.addLocalUserMetadata([item(alice, 'a', '2')]))).toMatchObject({ name: 'RtmUnavailableError', code: 8 });
    expect(await failure(alice.setLocalUserMetadata([item(alice, 'a', '2')], { majorRevision: -2 }))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 3 });
    expect(await failure(alice.setLocalUserMetadata([item(alice, 'x', '1'), item(alice, 'x', '2')]))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 5 });
    expect(await failure(alice.setLocalUserMetadata([item(alice, 'x', 'y'.repeat(8193))]))).toMatchObject({ name: 'RtmUnavailableError', code: 4 });
    expect(plain(await alice.getUserMetadata('alice')).items).toEqual([{ key: 'a', value: '1', revision: 1 }]);
    await alice.setLocalUserMetadata([item(alice, 'a', '2', 1)], { majorRevision: 1 });
    await alice.logout();
    expect(await failure(alice.setLocalUserMetadata([item(alice, 'a', '2')]))).toMatchObject({ name: 'RtmInvalidStatusError', code: 102 });
    expect(await failure(alice.subscribeUserMetadata('bob'))).toMatchObject({ name: 'RtmInvalidStatusError', code: 102 });
  });

  it('emits UserMetaDataUpdated(uid, full set) to subscribers', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    await bob.subscribeUserMetadata('alice');
    const update = nextEvent<[string, RtmMetadata]>(bob, 'UserMetaDataUpdated');
    await alice.setLocalUserMetadata([item(alice, 'a', '1')]);
    const [uid, data] = await update;
    expect(uid).toBe('alice');
    expect(plain(data)).toEqual({ majorRevision: 1, items: [{ key: 'a', value: '1', revision: 1 }] });
    await bob.unsubscribeUserMetadata('alice');
    const after = recordEvents(bob, ['UserMetaDataUpdated']);
    await alice.setLocalUserMetadata([item(alice, 'a', '2')]);
    await sleep(100);
    expect(after.trace).toEqual([]);
  });
});

describe('channel metadata', () => {
  it('needs the channel joined (get → 9, writes → 5) and emits ChannelMetaDataUpdated on the client', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const aliceRoom = alice.createChannel('room');
    const bobRoom = bob.createChannel('room');
    expect(await failure(aliceRoom.getChannelMetadata())).toMatchObject({ name: 'RtmInvalidStatusError', code: 9 });
    expect(await failure(aliceRoom.setChannelMetadata([item(alice, 'k', 'v')]))).toMatchObject({ name: 'RtmInvalidStatusError', code: 5 });
    expect(await failure(aliceRoom.clearChannelMetadata())).toMatchObject({ name: 'RtmInvalidStatusError', code: 5 });
    await aliceRoom.join();
    await bobRoom.join();
    const onChannel = recordEvents(bobRoom, ['ChannelMetaDataUpdated']);
    const bobGets = nextEvent<[RtmMetadata]>(bob, 'ChannelMetaDataUpdated');
    const aliceGets = nextEvent<[RtmMetadata]>(alice, 'ChannelMetaDataUpdated');
    await aliceRoom.setChannelMetadata([item(alice, 'k', 'v')], { enableRecordUserId: true });
    const [data] = await bobGets;
    expect(plain(data)).toEqual({ majorRevision: 1, items: [{ key: 'k', value: 'v', revision: 1 }] });
    expect(data.items[0]!.getAuthorUserId()).toBe('alice');
    await aliceGets;
    expect(onChannel.trace).toEqual([]);
    await bobRoom.updateChannelMetadata([item(bob, 'k', 'w')]);
    expect(plain(await aliceRoom.getChannelMetadata()).items).toEqual([{ key: 'k', value: 'w', revision: 2 }]);
    expect(await failure(bobRoom.addChannelMetadata([item(bob, 'k', 'x')]))).toMatchObject({ name: 'RtmUnavailableError', code: 8 });
    await bobRoom.deleteChannelMetadata([item(bob, 'k', null)]);
    await bobRoom.clearChannelMetadata({ majorRevision: 3 });
    expect(plain(await bobRoom.getChannelMetadata())).toEqual({ majorRevision: 4, items: [] });
    await bobRoom.leave();
    expect(await failure(bobRoom.getChannelMetadata())).toMatchObject({ name: 'RtmInvalidStatusError', code: 9 });
  });
});
