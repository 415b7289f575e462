/*
 * The browser side of the HTTP server: the SDK bundles and demo pages as static files (types, caching, HEAD,
 * conditional requests, methods, path traversal), and the counters behind /metrics and /status.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../index.js';
import type { WebSocket } from 'ws';
import type { ServerFrame } from '../../protocol/frames.js';
import { Connection } from '../connection.js';
import { RawClient } from '../test-utils.js';
import { ServerMetrics } from './metrics.js';

const SIGNAL = '/* signal bundle */ var Signal = function () {};\n';
const RTM = '/* rtm bundle */ var AgoraRTM = {};\n';
const SECRET = 'do-not-serve-me';
let dir: string;
let server: RunningServer;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path is sent exactly as given (no client-side `..` normalisation). */
function raw(path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Reply> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'resignal-web-'));
  mkdirSync(join(dir, 'browser'));
  mkdirSync(join(dir, 'demo'));
  writeFileSync(join(dir, 'browser/resignal-signal.js'), SIGNAL);
  writeFileSync(join(dir, 'browser/resignal-rtm.js'), RTM);
  writeFileSync(join(dir, 'browser/resignal-signal.js.map'), '{"version":3}');
  writeFileSync(join(dir, 'browser/other.js'), SECRET);
  writeFileSync(join(dir, 'demo/index.html'), '<!doctype html><title>index</title>');
  writeFileSync(join(dir, 'demo/page.js'), 'console.log(1);');
  writeFileSync(join(dir, 'demo/.hidden.js'), SECRET);
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  server = await startServer({ port: 0, log: false, webDirs: { browser: join(dir, 'browser'), demo: join(dir, 'demo') } });
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SDK bundles at /sdk/', () => {
  it('serves both builds and the legacy file name as JavaScript with revalidated caching', async () => {
    for (const [path, body] of [
      ['/sdk/resignal-signal.js', SIGNAL],
      ['/sdk/AgoraSig.js', SIGNAL],
      ['/sdk/resignal-rtm.js', RTM],
    ] as const) {
      const reply = await raw(path);
      expect(reply.status, path).toBe(200);
      expect(reply.body).toBe(body);
      expect(reply.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(reply.headers['cache-control']).toBe('public, max-age=300, must-revalidate');
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['etag']).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
      expect(reply.headers['last-modified']).toBeTruthy();
    }
    const map = await raw('/sdk/resignal-signal.js.map');
    expect([map.status, map.headers['content-type']]).toEqual([200, 'application/json; charset=utf-8']);
  });

  it('answers HEAD without a body, a matching If-None-Match or If-Modified-Since with 304, other methods with 405', async () => {
    const head = await raw('/sdk/resignal-rtm.js', 'HEAD');
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', String(RTM.length)]);
    const etag = String(head.headers['etag']);
    expect((await raw('/sdk/resignal-rtm.js', 'GET', { 'if-none-match': etag })).status).toBe(304);
    expect((await raw('/sdk/resignal-rtm.js', 'GET', { 'if-none-match': 'W/"other"' })).status).toBe(200);
    expect((await raw('/sdk/resignal-rtm.js', 'GET', { 'if-modified-since': String(head.headers['last-modified']) })).status).toBe(304);
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const reply = await raw('/sdk/resignal-rtm.js', method);
      expect([reply.status, reply.headers['allow']]).toEqual([405, 'GET, HEAD']);
    }
  });

  it('serves only the listed names: other files, traversal and encoded separators are 404', async () => {
    for (const path of [
      '/sdk/other.js',
      '/sdk/../secret.txt',
      '/sdk/..%2Fsecret.txt',
      '/sdk/%2e%2e%2fsecret.txt',
      '/sdk/resignal-signal.js/../../secret.txt',
      '/demo/../secret.txt',
      '/demo/..%2Fsecret.txt',
      '/demo/..%5Csecret.txt',
      '/demo/%2e%2e/secret.txt',
      '/demo/.hidden.js',
      '/demo/page.js%00.html',
      '/demo/sub/page.js',
    ]) {
      const reply = await raw(path);
      expect(reply.status, path).toBe(404);
      expect(reply.body, path).not.toContain(SECRET);
    }
  });

  it('says how to build when the bundles are missing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'resignal-web-empty-'));
    const bare = await startServer({ port: 0, log: false, demo: false, webDirs: { browser: empty, demo: empty } });
    try {
      const reply = await fetch(`${bare.url}/sdk/resignal-signal.js`);
      expect(reply.status).toBe(404);
      expect(await reply.text()).toContain('npm run build');
      expect((await fetch(`${bare.url}/`)).status).toBe(404);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('demo pages', () => {
  it('serves the index at / and demo files under /demo/, never cached without revalidation', async () => {
    const index = await raw('/');
    expect([index.status, index.headers['content-type'], index.headers['cache-control']]).toEqual([200, 'text/html; charset=utf-8', 'no-cache']);
    const script = await raw('/demo/page.js');
    expect([script.status, script.headers['content-type'], script.body]).toEqual([200, 'text/javascript; charset=utf-8', 'console.log(1);']);
    const folder = await raw('/demo/');
    expect([folder.status, folder.headers['location']]).toEqual([302, '/']);
  });
});

describe('/metrics and /status', () => {
  it('count connections, logins, messages in, deliveries, fan-out and errors by code', async () => {
    const { client: alice } = await RawClient.login(server.url, 'alice');
    const { client: bob } = await RawClient.login(server.url, 'bob');
    const { client: carol } = await RawClient.login(server.url, 'carol');
    try {
      for (const client of [alice, bob, carol]) await client.request('ch.join', { ch: 'room' });
      await alice.request('peer.send', { to: 'bob', msg: { type: 'TEXT', text: 'hi' } });
      await alice.request('ch.send', { ch: 'room', msg: { type: 'TEXT', text: 'hello room' } });
      expect(await alice.errorCode('ch.send', { ch: 'not-joined', msg: { type: 'TEXT', text: 'x' } })).toBe('NOT_IN_CHANNEL');
      await bob.next((frame) => frame.t === 'ch.msg');
      await carol.next((frame) => frame.t === 'ch.msg');

      const metrics = await fetch(`${server.url}/metrics`);
      expect(metrics.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      const text = await metrics.text();
      for (const line of text.trimEnd().split('\n')) {
        expect(line).toMatch(/^(# (HELP|TYPE) resignal_[a-z_]+ .+|resignal_[a-z_]+(\{[a-z]+="[^"]*"(,[a-z]+="[^"]*")*\})? -?[0-9.e+]+)$/);
      }
      const value = (sample: string): number => Number(new RegExp(`^${sample.replace(/[{}]/g, '\\$&')} (.+)$`, 'm').exec(text)?.[1]);
      expect(value('resignal_connections')).toBe(3);
      expect(value('resignal_sessions')).toBe(3);
      expect(value('resignal_channels')).toBe(1);
      expect(value('resignal_logins_total')).toBeGreaterThanOrEqual(3);
      expect(value('resignal_messages_received_total{kind="peer"}')).toBeGreaterThanOrEqual(1);
      expect(value('resignal_messages_received_total{kind="channel"}')).toBeGreaterThanOrEqual(1);
      expect(value('resignal_deliveries_total{kind="peer"}')).toBeGreaterThanOrEqual(1);
      expect(value('resignal_deliveries_total{kind="channel"}')).toBeGreaterThanOrEqual(2);
      expect(value('resignal_errors_total{code="NOT_IN_CHANNEL"}')).toBeGreaterThanOrEqual(1);
      expect(value('resignal_queue_drops_total')).toBe(0);
      expect(text).toContain(`resignal_info{version="`);

      const status = (await (await fetch(`${server.url}/status`)).json()) as Record<string, unknown>;
      expect(status).toMatchObject({ engine: 'embedded', node: server.options.nodeId, connections: 3, users: 3, channels: 1 });
      expect(status['errors']).toMatchObject({ NOT_IN_CHANNEL: expect.any(Number) as unknown });
    } finally {
      await Promise.all([alice.close(), bob.close(), carol.close()]);
    }
  });

  it('count a slow consumer closed by the send-queue cap as a queue drop', () => {
    const metrics = new ServerMetrics();
    const ws = { OPEN: 1, CLOSED: 3, readyState: 1, bufferedAmount: 2048, send: () => undefined, close: () => undefined, terminate: () => undefined };
    const conn = new Connection(ws as unknown as WebSocket, { maxSendQueueBytes: 1024, maxFramesPerSecond: 10, maxBadFrames: 10, closeGraceMs: 10 }, Date.now, () => undefined, metrics);
    const pong: ServerFrame = { t: 'pong', ts: 1 };
    conn.send(pong);
    conn.disposed();
    expect([metrics.queueDrops, metrics.framesSent]).toEqual([1, 1]);
  });
});
