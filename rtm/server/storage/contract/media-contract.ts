import { afterEach, describe, expect, it } from 'vitest';
import type { MediaInput } from '../types.js';
import { APP_A, APP_B, DAY_MS, T0, TestClock, readAll, rejectionCode, storeOpener, type StoreFactory } from './harness.js';

export const MALICIOUS_IDS = [
  '../x',
  '..%2fx',
  '..%2F..%2Fresignal.sqlite',
  '/etc/passwd',
  '..',
  '.',
  '',
  'a/b',
  'a\\b',
  '%2e%2e',
  'x'.repeat(10_000),
  'AAAAAAAAAAAAAAAAAAAAAAA\0',
  'AAAAAAAAAAAAAAAAAAAAAAA/',
  'AAAAAAAAAAAAAAAAAAAAAAAA.tmp',
];

export function mediaInput(body: MediaInput['body'], extra: Partial<MediaInput> = {}): MediaInput {
  return { appId: APP_A, owner: 'alice', fileName: 'cat.png', mime: 'image/png', width: 64, height: 48, body, ...extra };
}

/** A body that arrives in pieces, like an HTTP upload. */
async function* chunked(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const part of parts) {
    await new Promise((resolve) => setImmediate(resolve));
    yield Buffer.from(part);
  }
}

export function mediaContract(factory: StoreFactory): void {
  describe('media', () => {
    const open = storeOpener(factory, afterEach);

    it('stores bytes and metadata under a fresh unguessable id', async () => {
      const store = await open(new TestClock());
      const record = await store.putMedia(mediaInput(Buffer.from('png bytes')));
      expect(record).toEqual({
        appId: APP_A,
        mediaId: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) as string,
        owner: 'alice',
        fileName: 'cat.png',
        size: 9,
        mime: 'image/png',
        width: 64,
        height: 48,
        createdAt: T0,
        expiresAt: T0 + 7 * DAY_MS,
      });
      expect(await store.getMedia(APP_A, record.mediaId)).toEqual(record);
      const download = await store.openMediaStream(APP_A, record.mediaId);
      expect(download?.media).toEqual(record);
      expect((await readAll(download!.stream)).toString()).toBe('png bytes');

      const file = await store.putMedia(mediaInput(chunked('a', 'bc', ''), { fileName: 'a.txt', mime: 'text/plain', width: undefined, height: undefined }));
      expect(file.mediaId).not.toBe(record.mediaId);
      expect(file).not.toHaveProperty('width');
      expect(file.size).toBe(3);
    });

    it('never serves media to another app', async () => {
      const store = await open(new TestClock());
      const record = await store.putMedia(mediaInput(Buffer.from('secret')));
      expect(await store.getMedia(APP_B, record.mediaId)).toBeNull();
      expect(await store.openMediaStream(APP_B, record.mediaId)).toBeNull();
    });

    it('expires media and deletes it', async () => {
      const clock = new TestClock();
      const store = await open(clock);
      const short = await store.putMedia(mediaInput(Buffer.from('short'), { expiresAt: T0 + 1000 }));
      const long = await store.putMedia(mediaInput(Buffer.from('long')));
      clock.advance(1000);
      expect(await store.getMedia(APP_A, short.mediaId)).toBeNull();
      expect(await store.openMediaStream(APP_A, short.mediaId)).toBeNull();
      expect(await store.deleteExpiredMedia()).toBe(1);
      expect(await store.deleteExpiredMedia()).toBe(0);
      expect(await store.getMedia(APP_A, long.mediaId)).toEqual(long);
      clock.advance(7 * DAY_MS);
      expect((await store.purgeExpired()).media).toBe(1);
    });

    it('answers null for malformed ids', async () => {
      const store = await open(new TestClock());
      await store.putMedia(mediaInput(Buffer.from('x')));
      for (const id of MALICIOUS_IDS) {
        expect(await store.getMedia(APP_A, id)).toBeNull();
        expect(await store.openMediaStream(APP_A, id)).toBeNull();
      }
      const valid = 'A'.repeat(24);
      for (const appId of ['..', '../' + APP_A, APP_A + '/..', APP_A.slice(1)]) {
        expect(await store.getMedia(appId, valid)).toBeNull();
        expect(await rejectionCode(store.putMedia(mediaInput(Buffer.from('x'), { appId })))).toBe('INVALID_MEDIA_ID');
      }
    });

    it('refuses media over the size limit, also when streamed', async () => {
      const store = await open(new TestClock(), { mediaMaxBytes: 4 });
      expect(await rejectionCode(store.putMedia(mediaInput(Buffer.from('12345'))))).toBe('MEDIA_TOO_LARGE');
      expect(await rejectionCode(store.putMedia(mediaInput(chunked('12', '34', '5'))))).toBe('MEDIA_TOO_LARGE');
      expect((await store.putMedia(mediaInput(chunked('12', '34')))).size).toBe(4);
    });

    it('writes different media concurrently', async () => {
      const store = await open(new TestClock());
      const bodies = Array.from({ length: 12 }, (_, i) => `body ${i} `.repeat(1000 * (i + 1)));
      const records = await Promise.all(bodies.map((body, i) => store.putMedia(mediaInput(chunked(...body.match(/.{1,4096}/gs)!), { fileName: `f${i}` }))));
      expect(new Set(records.map((r) => r.mediaId)).size).toBe(bodies.length);
      for (const [i, record] of records.entries()) {
        const download = await store.openMediaStream(APP_A, record.mediaId);
        expect(download?.media.fileName).toBe(`f${i}`);
        expect((await readAll(download!.stream)).toString()).toBe(bodies[i]);
      }
    });
  });
}
