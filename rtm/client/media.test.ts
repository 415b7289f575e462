import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nextEvent } from '../../test/events.js';
import { startServer, type RunningServer } from '../server/index.js';
import { bmp, jpeg, png } from '../server/test/images.js';
import AgoraRTM, { type RtmClient } from '../index.js';
import { createMediaMessageByUploadingFile, downloadMediaToFile } from './media-node.js';
import type { MediaOperationProgress, RtmFileMessage, RtmImageMessage, RtmMessage } from './types.js';
import { rtmFailure as failure, TestClients } from '../../test/rtm-clients.js';

const APP_ID = '0123456789abcdef0123456789abcdef';
const OTHER_APP = 'fedcba9876543210fedcba9876543210';
const MB = 1024 * 1024;

let server: RunningServer;
let dir: string;
const clients = new TestClients();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'resignal-client-media-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  server = await startServer({ port: 0, log: false });
});
afterEach(async () => {
  await clients.logoutAll();
  await server.close();
});

async function loggedIn(uid: string, appId = APP_ID): Promise<RtmClient> {
  const c = clients.create(appId, { endpoint: server.url });
  await c.login({ uid });
  return c;
}

const bytesOf = async (blob: Blob): Promise<Uint8Array> => new Uint8Array(await blob.arrayBuffer());

describe('image and file messages', () => {
  it('uploads a file, sends it peer-to-peer, and the receiver downloads the same bytes', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 251);
    const file = await alice.createMediaMessageByUploading(new Blob([bytes]), { fileName: 'notes.bin', description: 'd', messageType: 'FILE' });
    expect(file).toMatchObject({ messageType: 'FILE', fileName: 'notes.bin', description: 'd', size: bytes.byteLength });
    expect(file.mediaId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const received = nextEvent<[RtmMessage, string]>(bob, 'MessageFromPeer');
    expect(await alice.sendMessageToPeer(file, 'bob')).toEqual({ hasPeerReceived: true });
    const [message, from] = await received;
    expect(from).toBe('alice');
    expect(message).toMatchObject({ messageType: 'FILE', mediaId: file.mediaId, size: file.size, fileName: 'notes.bin', description: 'd' });
    expect(await bytesOf(await bob.downloadMedia(file.mediaId))).toEqual(bytes);
  });

  it('image messages carry the size the server measured (JPEG, PNG, BMP) and a binary thumbnail, also in channels', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    for (const [bytes, width, height] of [
      [jpeg(40, 30), 40, 30],
      [png(3, 4), 3, 4],
      [bmp(6, 2), 6, 2],
    ] as const) {
      const image = await alice.createMediaMessageByUploading(new Blob([bytes]), { messageType: 'IMAGE' });
      expect(image).toMatchObject({ messageType: 'IMAGE', width, height, size: bytes.byteLength });
    }
    const given = await alice.createMediaMessageByUploading(new Blob([png(3, 4)]), { width: 300, height: 400, messageType: 'IMAGE' });
    expect(given).toMatchObject({ width: 300, height: 400 });

    const thumbnail = new Blob([png(2, 2)]);
    const image: RtmImageMessage = await alice.createMediaMessageByUploading(new Blob([jpeg(16, 8)], { type: 'image/jpeg' }), {
      fileName: 'p.jpg',
      thumbnail,
      thumbnailWidth: 2,
      thumbnailHeight: 2,
      messageType: 'IMAGE',
    });
    const aliceRoom = alice.createChannel('room');
    const bobRoom = bob.createChannel('room');
    await aliceRoom.join();
    await bobRoom.join();
    const got = nextEvent<[RtmMessage, string]>(bobRoom, 'ChannelMessage');
    await aliceRoom.sendMessage(image);
    const [message, from] = await got;
    expect(from).toBe('alice');
    expect(message).toMatchObject({ messageType: 'IMAGE', mediaId: image.mediaId, width: 16, height: 8, thumbnailWidth: 2, thumbnailHeight: 2, fileName: 'p.jpg' });
    const received = message as RtmImageMessage;
    expect(received.thumbnail).toBeInstanceOf(Blob);
    expect(await bytesOf(received.thumbnail!)).toEqual(await bytesOf(thumbnail));
  });

  it('an image sent with enableOfflineMessaging waits for an offline receiver', async () => {
    const alice = await loggedIn('alice');
    const image = await alice.createMediaMessageByUploading(new Blob([png(5, 5)]), { thumbnail: new Blob([new Uint8Array([1, 2, 3])]), messageType: 'IMAGE' });
    expect(await alice.sendMessageToPeer(image, 'carol', { enableOfflineMessaging: true })).toEqual({ hasPeerReceived: false });
    const carol = clients.create(APP_ID, { endpoint: server.url });
    const received = nextEvent<[RtmMessage, string, { isOfflineMessage?: boolean }]>(carol, 'MessageFromPeer');
    await carol.login({ uid: 'carol' });
    const [message, , props] = await received;
    expect(props.isOfflineMessage).toBe(true);
    expect(message).toMatchObject({ messageType: 'IMAGE', mediaId: image.mediaId, width: 5, height: 5 });
    expect(await bytesOf((message as RtmImageMessage).thumbnail!)).toEqual(new Uint8Array([1, 2, 3]));
  });

  it('checks sizes: empty → InvalidArgument 2, over 30 MB → LimitExceeded 4, name + description + thumbnail over 32 KB → 7', async () => {
    const alice = await loggedIn('alice');
    expect(await failure(alice.createMediaMessageByUploading(new Blob([])))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 2 });
    const oneMb = new Uint8Array(MB);
    const huge = new Blob([...Array.from({ length: 30 }, () => oneMb), new Uint8Array(1)]);
    expect(await failure(alice.createMediaMessageByUploading(huge))).toMatchObject({ name: 'RtmLimitExceededError', code: 4 });
    const file = await alice.createMediaMessageByUploading(new Blob([new Uint8Array([1])]), { messageType: 'FILE' });
    const heavy: RtmFileMessage = { ...file, description: 'x'.repeat(32 * 1024 - 10), thumbnail: new Blob([new Uint8Array(11)]) };
    expect(await failure(alice.sendMessageToPeer(heavy, 'bob'))).toMatchObject({ name: 'RtmLimitExceededError', code: 7 });
  });

  it('allows 9 concurrent transfers per client; the 10th fails with LimitExceeded 5', async () => {
    const alice = await loggedIn('alice');
    const blob = new Blob([new Uint8Array(1000)]);
    const transfers = Array.from({ length: 10 }, () => alice.createMediaMessageByUploading(blob, { messageType: 'FILE' }));
    const results = await Promise.allSettled(transfers);
    expect(results.slice(0, 9).every((r) => r.status === 'fulfilled')).toBe(true);
    const tenth = results[9];
    expect(tenth?.status === 'rejected' && tenth.reason).toMatchObject({ name: 'RtmLimitExceededError', code: 5 });
    // Slots are given back: a later transfer works.
    await alice.createMediaMessageByUploading(blob, { messageType: 'FILE' });
  });

  it('reports progress and cancels uploads and downloads through the AbortSignal', async () => {
    const alice = await loggedIn('alice');
    const big = new Blob([new Uint8Array(8 * MB).fill(3)]);
    const progress: MediaOperationProgress[] = [];
    const file = await alice.createMediaMessageByUploading(big, { messageType: 'FILE' }, { onOperationProgress: (e) => progress.push(e) });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ currentSize: big.size, totalSize: big.size });
    expect(progress.every((e, i) => i === 0 || e.currentSize >= progress[i - 1]!.currentSize)).toBe(true);

    const downloaded: MediaOperationProgress[] = [];
    await alice.downloadMedia(file.mediaId, { onOperationProgress: (e) => downloaded.push(e) });
    expect(downloaded.at(-1)).toEqual({ currentSize: big.size, totalSize: big.size });

    const upload = new AbortController();
    const canceledUpload = alice.createMediaMessageByUploading(big, { messageType: 'FILE' }, {
      cancelSignal: upload.signal,
      onOperationProgress: () => upload.abort(),
    });
    expect(await failure(canceledUpload)).toMatchObject({ code: 6 });
    // The server threw the partial upload away.
    await expect.poll(() => readdirSync(join(server.options.dataDir, 'media', '.tmp')).length).toBe(0);

    const download = new AbortController();
    const canceledDownload = alice.downloadMedia(file.mediaId, { cancelSignal: download.signal, onOperationProgress: () => download.abort() });
    expect(await failure(canceledDownload)).toMatchObject({ code: 6 });

    const before = new AbortController();
    before.abort();
    expect(await failure(alice.downloadMedia(file.mediaId, { cancelSignal: before.signal }))).toMatchObject({ code: 6 });
    // Nothing is left in flight: all 9 slots are free again.
    await Promise.all(Array.from({ length: 9 }, () => alice.createMediaMessageByUploading(new Blob([new Uint8Array(10)]), { messageType: 'FILE' })));
  });

  it('media of another app cannot be downloaded; unknown IDs fail; not logged in → 102', async () => {
    const alice = await loggedIn('alice');
    const mallory = await loggedIn('mallory', OTHER_APP);
    const file = await alice.createMediaMessageByUploading(new Blob([new Uint8Array([1, 2])]), { messageType: 'FILE' });
    expect(await failure(mallory.downloadMedia(file.mediaId))).toMatchObject({ code: 4, statusCode: 404 });
    expect(await failure(alice.downloadMedia('A'.repeat(24)))).toMatchObject({ code: 4 });
    const idle = AgoraRTM.createInstance(APP_ID, { endpoint: server.url });
    expect(await failure(idle.downloadMedia(file.mediaId))).toMatchObject({ name: 'RtmInvalidStatusError', code: 102 });
  });

  it('Node helpers upload from a file path and download to a file path', async () => {
    const alice = await loggedIn('alice');
    const source = join(dir, 'photo.png');
    const target = join(dir, 'copy.png');
    writeFileSync(source, png(9, 7));
    const image = await createMediaMessageByUploadingFile(alice, source, { messageType: 'IMAGE' });
    expect(image).toMatchObject({ messageType: 'IMAGE', fileName: 'photo.png', width: 9, height: 7 });
    await downloadMediaToFile(alice, image.mediaId, target);
    expect(readFileSync(target)).toEqual(readFileSync(source));
  });
});
