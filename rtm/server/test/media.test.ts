import fs, { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../index.js';
import { OTHER_APP_ID } from '../test-utils.js';
import { ENGINES, useServers } from './harness.js';
import { bmp, jpeg, png } from './images.js';

const DAY = 24 * 60 * 60 * 1000;
const MB = 1024 * 1024;
const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'resignal-media-'));
  dirs.push(dir);
  return dir;
}

/** Raw HTTP, so paths reach the server exactly as written (fetch would normalise `..`). */
function rawGet(server: RunningServer, path: string, ticket: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: server.host, port: server.port, path, headers: { authorization: `Bearer ${ticket}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A body of `total` bytes produced chunk by chunk, never held whole in memory. */
function lazyBody(total: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(MB).fill(7);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(chunk.byteLength, total - sent);
      sent += size;
      controller.enqueue(size === chunk.byteLength ? chunk : chunk.subarray(0, size));
    },
  });
}

describe('media over HTTP', () => {
  const h = useServers(ENGINES[0]!);

  async function ticketFor(server: RunningServer, uid: string, appId?: string): Promise<string> {
    const { client } = await h.login(server, uid, appId ? { appId } : {});
    return (await client.request('media.ticket', {})).ticket;
  }

  async function upload(server: RunningServer, ticket: string, body: BodyInit, query = 'fileName=f.bin'): Promise<{ status: number; json: Record<string, unknown> }> {
    const init = { method: 'POST', headers: { authorization: `Bearer ${ticket}` }, body, duplex: 'half' };
    const response = await fetch(`${server.url}/media?${query}`, init);
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  it('uploads and downloads bytes exactly; IDs are 24 unguessable characters', async () => {
    const server = await h.start();
    const ticket = await ticketFor(server, 'a');
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 31) % 256);
    const up = await upload(server, ticket, bytes, 'fileName=n%C3%A4me%20.bin');
    expect(up.status).toBe(200);
    expect(up.json).toMatchObject({ result: 'success', size: bytes.byteLength, fileName: 'näme .bin' });
    expect(String(up.json['mediaId'])).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const down = await fetch(`${server.url}/media/${String(up.json['mediaId'])}`, { headers: { authorization: `Bearer ${ticket}` } });
    expect(down.status).toBe(200);
    expect(new Uint8Array(await down.arrayBuffer())).toEqual(bytes);
  });

  it('measures JPEG, PNG and BMP images unless the uploader gives the size', async () => {
    const server = await h.start();
    const ticket = await ticketFor(server, 'a');
    const cases: [Uint8Array<ArrayBuffer>, number, number, string][] = [
      [jpeg(37, 21), 37, 21, 'image/jpeg'],
      [png(5, 9), 5, 9, 'image/png'],
      [bmp(7, 3), 7, 3, 'image/bmp'],
      [bmp(4, 6, true), 4, 6, 'image/bmp'],
    ];
    for (const [bytes, width, height, mime] of cases) {
      expect((await upload(server, ticket, bytes)).json).toMatchObject({ width, height, mime });
    }
    expect((await upload(server, ticket, png(5, 9), 'width=50&height=90')).json).toMatchObject({ width: 50, height: 90 });
    const plain = await upload(server, ticket, new Uint8Array([1, 2, 3]));
    expect(plain.json['width']).toBeUndefined();
    expect((await upload(server, ticket, png(1, 1), 'width=-1')).status).toBe(400);
  });

  it('rejects empty uploads (400) and uploads over 30 MB (413), declared or streamed, keeping nothing', async () => {
    const dataDir = tempDir();
    const server = await h.start({ dataDir });
    const ticket = await ticketFor(server, 'a');
    expect(await upload(server, ticket, new Uint8Array())).toMatchObject({ status: 400, json: { code: 'INVALID_ARGUMENT' } });
    // Streamed (chunked): cut off by the store once it passes the limit.
    expect(await upload(server, ticket, lazyBody(30 * MB + 1))).toMatchObject({ status: 413, json: { code: 'BODY_TOO_LARGE' } });
    // Declared: refused before reading.
    const declared = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: server.host, port: server.port, method: 'POST', path: '/media', headers: { authorization: `Bearer ${ticket}`, 'content-length': 30 * MB + 1 } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write(new Uint8Array(1024));
    });
    expect(declared).toBe(413);
    // Exactly 30 MB is fine.
    expect((await upload(server, ticket, lazyBody(30 * MB))).status).toBe(200);
    await expect.poll(() => readdirSync(join(dataDir, 'media', '.tmp')).length).toBe(0);
  }, 60_000);

  it('needs a valid ticket (401), and a ticket only reaches media of its own app (404)', async () => {
    const server = await h.start();
    const ticket = await ticketFor(server, 'a');
    const other = await ticketFor(server, 'x', OTHER_APP_ID);
    const { json } = await upload(server, ticket, new Uint8Array([9]));
    const mediaId = String(json['mediaId']);
    expect((await upload(server, 'forged.ticket', new Uint8Array([1]))).status).toBe(401);
    expect((await upload(server, `${ticket.slice(0, -2)}xx`, new Uint8Array([1]))).status).toBe(401);
    expect((await rawGet(server, `/media/${mediaId}`, '')).status).toBe(401);
    const foreign = await rawGet(server, `/media/${mediaId}`, other);
    expect(foreign.status).toBe(404);
    expect(JSON.parse(foreign.body)).toMatchObject({ result: 'failure', code: 'NOT_FOUND' });
    expect((await rawGet(server, `/media/${mediaId}`, ticket)).status).toBe(200);
  });

  it('path traversal attempts answer 400/404 without opening any file', async () => {
    const server = await h.start();
    const ticket = await ticketFor(server, 'a');
    const { json } = await upload(server, ticket, new Uint8Array([9]));
    const mediaId = String(json['mediaId']);
    const open = vi.spyOn(fs.promises, 'open');
    const attempts = [
      '/media/..%2f..%2fresignal.sqlite',
      '/media/..%2F..%2F..%2Fetc%2Fpasswd',
      '/media/%2e%2e%2f%2e%2e%2fresignal.sqlite',
      '/media/../resignal.sqlite',
      '/media//etc/passwd',
      '/media/%2Fetc%2Fpasswd',
      `/media/${mediaId}%2f..`,
      `/media/${mediaId}/..`,
      `/media/..%5c..%5c${mediaId}`,
      `/media/${'A'.repeat(10_000)}`,
      `/media/%00${mediaId.slice(1)}`,
    ];
    for (const path of attempts) {
      const answer = await rawGet(server, path, ticket);
      expect([400, 404], path).toContain(answer.status);
    }
    expect(open).not.toHaveBeenCalled();
    // The spy does see the store's file access: a real download opens the file.
    expect((await rawGet(server, `/media/${mediaId}`, ticket)).status).toBe(200);
    expect(open).toHaveBeenCalled();
  });

  it('media expire after 7 days (injectable clock) and are purged from disk', async () => {
    let now = Date.UTC(2026, 0, 1);
    const dataDir = tempDir();
    const server = await h.start({ dataDir, now: () => now });
    const ticket = await ticketFor(server, 'a');
    const { json } = await upload(server, ticket, new Uint8Array([1, 2, 3]));
    const mediaId = String(json['mediaId']);
    expect(json['expiresAt']).toBe(now + 7 * DAY);
    now += 7 * DAY - 1;
    expect((await rawGet(server, `/media/${mediaId}`, await ticketFor(server, 'c'))).status).toBe(200);
    now += 2;
    const fresh = await ticketFor(server, 'b');
    expect((await rawGet(server, `/media/${mediaId}`, fresh)).status).toBe(404);
    const file = join(dataDir, 'media', '0123456789abcdef0123456789abcdef', mediaId);
    expect(existsSync(file)).toBe(true);
    expect((await server.store.purgeExpired()).media).toBe(1);
    expect(existsSync(file)).toBe(false);
  });
});
