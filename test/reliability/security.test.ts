/**
 * Security checks: app isolation for every operation, REST authentication and authorization, hostile HTTP
 * upgrade requests (header floods, oversized requests, slow headers), the per-address connection-rate limit,
 * and the `ws` version. The token matrix at login (006, 007, legacy: valid, expired, wrong user, wrong app,
 * wrong certificate, garbage) lives in rtm/server/test/apps-tokens.test.ts and runs on both engines; here the
 * matrix is re-run against the real binary started with an apps file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../rtm/protocol/version.js';
import { buildRtmToken006, buildRtmToken007, buildSignalingToken } from '../../rtm/token/index.js';
import { ENGINES, useServers } from '../../rtm/server/test/harness.js';
import { CERT_APP_ID, CERTIFICATE, OTHER_CERTIFICATE } from '../../rtm/server/test/official-tokens.js';
import { OTHER_APP_ID, RawClient, ReplyError, TEST_APP_ID, sleep, text } from '../../rtm/server/test-utils.js';
import { freePort, requireBuild, startServerProcess, type ServerProcess } from '../server-process.js';
import { Figures } from './figures.js';
import { rawHttp, upgradeRequest } from './support/raw-http.js';

const figures = new Figures('security');
const running: ServerProcess[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'resignal-security-'));
afterAll(async () => {
  figures.write();
  await Promise.all(running.map((s) => s.stop('SIGKILL')));
  rmSync(tmp, { recursive: true, force: true });
});

const A = TEST_APP_ID;
const B = OTHER_APP_ID;

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    if (error instanceof ReplyError) return error.code;
    throw error;
  }
}

describe('app isolation for every operation', () => {
  const h = useServers(ENGINES[0]!);

  it('a user of app B sees nothing of app A, and the same uid in both apps are two users', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'a', { appId: A });
    const { client: uA } = await h.login(server, 'u', { appId: A });
    const { client: uB } = await h.login(server, 'u', { appId: B });
    const { client: b } = await h.login(server, 'b', { appId: B });
    await a.request('ch.join', { ch: 'room' });
    await b.request('ch.join', { ch: 'room' });
    await b.request('status.sub', { uids: ['a'] });
    await b.request('meta.sub', { uid: 'a' });
    await a.request('uattr.write', { op: 'set', attrs: { secret: 'A' } });
    await a.request('cattr.write', { ch: 'room', op: 'set', attrs: { secret: 'A' }, notify: true });
    await a.request('meta.write', { op: 'set', items: [{ key: 'secret', value: 'A', rev: -1 }], major: -1 });
    await a.request('meta.write', { ch: 'room', op: 'set', items: [{ key: 'secret', value: 'A', rev: -1 }], major: -1 });

    const checks: Record<string, unknown> = {
      'status.query': (await b.request('status.query', { uids: ['a'] })).online,
      'status.sub': (await b.request('status.sub', { uids: ['a'] })).states,
      'peer.send': (await b.request('peer.send', { to: 'a', msg: text('x') })).delivered,
      'call.send': (await b.request('call.send', { to: 'a', signal: { kind: 'invite', callId: 'c', channel: '', extra: '' } })).delivered,
      'ch.members': (await b.request('ch.members', { ch: 'room' })).members,
      'ch.count': (await b.request('ch.count', { chs: ['room'] })).counts,
      'uattr.get': await code(b.request('uattr.get', { uid: 'a' })),
      'cattr.get': (await b.request('cattr.get', { ch: 'room' })).attrs,
      'meta.get user': (await b.request('meta.get', { uid: 'a' })).data,
      'meta.get channel': (await b.request('meta.get', { ch: 'room' })).data,
    };
    expect(checks).toEqual({
      'status.query': { a: false },
      'status.sub': { a: 'OFFLINE' },
      'peer.send': false,
      'call.send': false,
      'ch.members': ['b'],
      'ch.count': { room: 1 },
      'uattr.get': 'PEER_OFFLINE',
      'cattr.get': {},
      'meta.get user': { major: 0, items: [] },
      'meta.get channel': { major: 0, items: [] },
    });
    // Channel messages and pushes stay in their app.
    await a.request('ch.send', { ch: 'room', msg: text('for A only') });
    await a.request('meta.write', { op: 'set', items: [{ key: 'k', value: 'again', rev: -1 }], major: -1 });
    await a.request('logout', {});
    const leaked = await b.collect(() => true, 300);
    expect(leaked.map((f) => f.t)).not.toContain('ch.msg');
    expect(leaked.filter((f) => f.t === 'status' || f.t === 'meta.update' || f.t === 'cattr.update' || f.t === 'ch.member')).toEqual([]);
    // The same uid in two apps: neither kicked the other.
    expect(uA.closeStatus).toBeNull();
    expect(uB.closeStatus).toBeNull();
    expect((await uB.request('peer.send', { to: 'u', msg: text('self in B') })).delivered).toBe(true);
    const inA = await uA.collect((f) => f.t === 'peer.msg', 200);
    expect(inA).toEqual([]);
    figures.set('appIsolationOperations', Object.keys(checks).length + 3);
  });
});

describe('REST authentication and authorization', () => {
  const h = useServers(ENGINES[0]!);
  const SECRET_A = 'rest-secret-of-app-a';
  const SECRET_B = 'rest-secret-of-app-b';
  const basic = (app: string, secret: string) => `Basic ${Buffer.from(`${app}:${secret}`).toString('base64')}`;

  it('every endpoint refuses missing, wrong and cross-app credentials; a valid call reaches only its own app', async () => {
    const server = await h.start({ restSecrets: { [A]: SECRET_A, [B]: SECRET_B }, restLimits: { messagesPerSecond: 5 } });
    const { client: inA } = await h.login(server, 'dest', { appId: A });
    const { client: inB } = await h.login(server, 'dest', { appId: B });
    const url = (app: string, path: string) => `${server.url}/dev/v2/project/${app}/${path}`;
    const endpoints: [string, string, object?][] = [
      ['POST', 'rtm/users/src/peer_messages', { destination: 'dest', payload: 'hi' }],
      ['POST', 'rtm/users/src/channel_messages', { channel_name: 'room', payload: 'hi' }],
      ['POST', 'rtm/message/history/query', { filter: { source: 'src' }, limit: 20 }],
      ['GET', 'rtm/message/history/count?source=src&start_time=2020-01-01T00:00:00Z&end_time=2030-01-01T00:00:00Z'],
      ['GET', 'rtm/vendor/user_events'],
      ['GET', 'rtm/vendor/channel_events'],
      ['GET', 'rtm/users/online_status?user_id=dest'],
      ['GET', 'rtm/channels/member_count?channel_id=room'],
    ];
    const authorizations: [string, string | undefined][] = [
      ['none', undefined],
      ['B credentials on A', basic(B, SECRET_B)],
      ['A user name with B secret', basic(A, SECRET_B)],
      ['B user name with A secret', basic(B, SECRET_A)],
      ['bearer of B', `Bearer ${SECRET_B}`],
      ['empty secret', basic(A, '')],
      ['garbage', 'Basic !!!notbase64'],
      ['unknown scheme', `Token ${SECRET_A}`],
    ];
    let refused = 0;
    for (const [method, path, body] of endpoints) {
      for (const [name, authorization] of authorizations) {
        const res = await fetch(url(A, path), {
          method,
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        expect(res.status, `${method} ${path} with ${name}`).toBe(401);
        refused++;
      }
    }
    // An app that has no REST secret cannot be reached at all, whatever the credentials.
    const noSecretApp = 'abcdefabcdefabcdefabcdefabcdefab';
    expect((await fetch(url(noSecretApp, 'rtm/vendor/user_events'), { headers: { authorization: basic(noSecretApp, '') } })).status).toBe(401);
    // Valid: A's peer message reaches A's "dest" only, never B's "dest".
    const ok = await fetch(url(A, 'rtm/users/src/peer_messages'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: basic(A, SECRET_A) },
      body: JSON.stringify({ destination: 'dest', payload: 'only A' }),
    });
    expect(ok.status).toBe(200);
    expect(await inA.nextEvent('peer.msg')).toMatchObject({ from: 'src', msg: { text: 'only A' } });
    expect(await inB.collect((f) => f.t === 'peer.msg', 200)).toEqual([]);
    // Path tricks: encoded slashes and dot segments never escape the app's prefix.
    for (const tricky of [`${A}/rtm/users/..%2F..%2F${B}/peer_messages`, `${A}/../${B}/rtm/vendor/user_events`, `${A}%2F..%2F${B}/rtm/vendor/user_events`]) {
      const res = await fetch(`${server.url}/dev/v2/project/${tricky}`, { method: 'POST', headers: { authorization: basic(A, SECRET_A) }, body: '{}' });
      expect([400, 401, 404, 405]).toContain(res.status);
    }
    // Rate limit per App ID (5/s here): the sixth call within a second is 429.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await fetch(url(A, 'rtm/users/src/channel_messages'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: basic(A, SECRET_A) },
        body: JSON.stringify({ channel_name: 'room', payload: 'x' }),
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    figures.set('restRefusals', refused);
  });

  it('media: tickets confine uploads and downloads to their app; forged tickets and path tricks get nothing', async () => {
    const server = await h.start();
    const { client: a } = await h.login(server, 'owner', { appId: A });
    const { client: a2 } = await h.login(server, 'colleague', { appId: A });
    const { client: b } = await h.login(server, 'stranger', { appId: B });
    const ticket = async (c: RawClient): Promise<string> => (await c.request('media.ticket', {})).ticket;
    const [ta, ta2, tb] = [await ticket(a), await ticket(a2), await ticket(b)];
    const bytes = new Uint8Array(Array.from({ length: 1000 }, (_, i) => i % 251));
    const up = await fetch(`${server.url}/media?fileName=${encodeURIComponent('../../../etc/evil')}`, { method: 'POST', headers: { authorization: `Bearer ${ta}` }, body: bytes });
    expect(up.status).toBe(200);
    const { mediaId } = (await up.json()) as { mediaId: string };
    const get = (id: string, auth?: string) => fetch(`${server.url}/media/${id}`, auth ? { headers: { authorization: `Bearer ${auth}` } } : {});
    const same = await get(mediaId, ta2);
    expect(same.status).toBe(200);
    expect(new Uint8Array(await same.arrayBuffer())).toEqual(bytes);
    expect(same.headers.get('content-disposition')).not.toContain('/');
    const statuses: Record<string, number> = {
      'other app': (await get(mediaId, tb)).status,
      'no ticket': (await get(mediaId)).status,
      'forged ticket': (await get(mediaId, `${ta.slice(0, -4)}AAAA`)).status,
      'ticket of another kind': (await get(mediaId, SECRET_A)).status,
      'upload without ticket': (await fetch(`${server.url}/media`, { method: 'POST', body: bytes })).status,
    };
    expect(statuses).toEqual({ 'other app': 404, 'no ticket': 401, 'forged ticket': 401, 'ticket of another kind': 401, 'upload without ticket': 401 });
    let traversals = 0;
    for (const tricky of ['..%2F..%2F..%2Fetc%2Fpasswd', '%2e%2e', '..', `${mediaId}%00`, `${mediaId}%2F..`, 'x'.repeat(24), encodeURIComponent(`../${mediaId}`)]) {
      // Dot segments are resolved by URL parsing (…/media/%2e%2e is "/", the index page): never a media download.
      const res = await get(tricky, ta);
      const body = new Uint8Array(await res.arrayBuffer());
      expect(res.headers.get('content-disposition'), tricky).toBeNull();
      expect(body.byteLength === bytes.byteLength && body.every((v, i) => v === bytes[i]), tricky).toBe(false);
      traversals++;
    }
    figures.set('media', { crossAppAndAuthChecks: Object.keys(statuses).length + 1, traversalAttempts: traversals });
  });
});

describe('hostile HTTP upgrade requests', () => {
  const h = useServers(ENGINES[0]!);

  it('header floods, oversized requests and slow headers never take the server down', async () => {
    const server = await h.start();
    const { client: alice } = await h.login(server, 'alice');
    await h.login(server, 'bob');
    const stillServes = async (): Promise<void> => {
      expect((await alice.request('peer.send', { to: 'bob', msg: text('alive') })).delivered).toBe(true);
    };
    // ws CVE-2024-37890: more headers than server.maxHeadersCount (2000) used to crash ws's upgrade handling.
    const manyHeaders = Array.from({ length: 2100 }, (_, i) => `x-h${i}: 1\r\n`).join('');
    const flood = await rawHttp(server.port, upgradeRequest(server.port, manyHeaders));
    await stillServes();
    // Beyond Node's 16 KB header limit: refused (431) or closed, never accepted.
    const huge = await rawHttp(server.port, upgradeRequest(server.port, `x-big: ${'a'.repeat(20_000)}\r\n`));
    expect(huge.statusLine.includes(' 101 ')).toBe(false);
    const longUrl = await rawHttp(server.port, upgradeRequest(server.port, '', `/rtm?${'q'.repeat(20_000)}`));
    expect(longUrl.statusLine.includes(' 101 ')).toBe(false);
    // Wrong path and wrong method.
    expect((await rawHttp(server.port, upgradeRequest(server.port, '', '/not-rtm'))).statusLine).toContain('404');
    await stillServes();
    // Slow headers: 50 sockets that never finish their request do not block anyone else.
    const { connect } = await import('node:net');
    const slow = Array.from({ length: 50 }, () => {
      const socket = connect(server.port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write('GET /rtm HTTP/1.1\r\nHost: x\r\n');
      return socket;
    });
    await sleep(200);
    await stillServes();
    const { client: late } = await h.login(server, 'late');
    expect(late.closeStatus).toBeNull();
    for (const socket of slow) socket.destroy();
    figures.set('upgradeAbuse', { manyHeaders: flood.statusLine || 'closed', oversizedHeader: huge.statusLine || 'closed', oversizedUrl: longUrl.statusLine || 'closed', slowHeaderSockets: slow.length });
  });

  it('limits WebSocket upgrades per remote address when configured (429), and others keep working', async () => {
    const server = await h.start({ rateLimits: { connectionsPerIpPerSecond: 20 } });
    const results = await Promise.all(Array.from({ length: 40 }, () => rawHttp(server.port, upgradeRequest(server.port, ''), 2000)));
    const accepted = results.filter((r) => r.statusLine.includes(' 101 ')).length;
    const limited = results.filter((r) => r.statusLine.includes(' 429 ')).length;
    expect(accepted).toBeLessThanOrEqual(20);
    expect(accepted + limited).toBe(40);
    await sleep(1100);
    const { reply } = await h.login(server, 'after-the-second');
    expect(reply.resumed).toBe(false);
    figures.set('connectionRateLimit', { attempted: 40, accepted, limited429: limited });
  });

  it('uses a ws release without known advisories (≥ 8.17.1, which fixed CVE-2024-37890)', () => {
    const require = createRequire(import.meta.url);
    const version = (require('ws/package.json') as { version: string }).version;
    const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
    expect(major).toBe(8);
    expect(minor > 17 || (minor === 17 && patch >= 1)).toBe(true);
    const declared = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }).dependencies['ws'];
    figures.set('ws', { installed: version, declared: declared ?? 'missing' });
  });
});

describe('token matrix against the real binary with an apps file', () => {
  it('accepts valid 006/007/legacy tokens and refuses each bad one with its code', async () => {
    requireBuild();
    const appsFile = join(tmp, 'apps.json');
    writeFileSync(appsFile, JSON.stringify({ [CERT_APP_ID]: { certificate: CERTIFICATE }, [A]: {} }));
    const port = await freePort();
    const server = await startServerProcess(['--port', String(port), '--data', join(tmp, 'data'), '--apps', appsFile]);
    running.push(server);
    const now = Math.floor(Date.now() / 1000);
    const t006 = (uid: string, over: Partial<Parameters<typeof buildRtmToken006>[0]> = {}) =>
      buildRtmToken006({ appId: CERT_APP_ID, certificate: CERTIFICATE, account: uid, privilegeExpiredTs: now + 600, ...over });
    const t007 = (uid: string, over: Partial<Parameters<typeof buildRtmToken007>[0]> = {}) =>
      buildRtmToken007({ appId: CERT_APP_ID, certificate: CERTIFICATE, userId: uid, expire: 600, ...over });
    const legacy = (uid: string, over: Partial<Parameters<typeof buildSignalingToken>[0]> = {}) =>
      buildSignalingToken({ appId: CERT_APP_ID, certificate: CERTIFICATE, account: uid, expire: 600, ...over });
    const cases: [string, string, string | undefined, string][] = [
      ['006 valid', CERT_APP_ID, t006('u'), 'ok'],
      ['007 valid', CERT_APP_ID, t007('u'), 'ok'],
      ['legacy valid', CERT_APP_ID, legacy('u'), 'ok'],
      ['006 expired', CERT_APP_ID, t006('u', { privilegeExpiredTs: now - 60 }), 'TOKEN_EXPIRED'],
      ['007 expired', CERT_APP_ID, t007('u', { issueTs: now - 1200 }), 'TOKEN_EXPIRED'],
      ['legacy expired', CERT_APP_ID, legacy('u', { expiredTs: now - 60 }), 'TOKEN_EXPIRED'],
      ['006 wrong user', CERT_APP_ID, t006('v'), 'TOKEN_USER_MISMATCH'],
      ['007 wrong user', CERT_APP_ID, t007('v'), 'TOKEN_USER_MISMATCH'],
      ['006 wrong app', CERT_APP_ID, t006('u', { appId: B }), 'INVALID_APP_ID'],
      ['007 wrong app', CERT_APP_ID, t007('u', { appId: B }), 'INVALID_APP_ID'],
      ['006 wrong certificate', CERT_APP_ID, t006('u', { certificate: OTHER_CERTIFICATE }), 'INVALID_TOKEN'],
      ['007 wrong certificate', CERT_APP_ID, t007('u', { certificate: OTHER_CERTIFICATE }), 'INVALID_TOKEN'],
      ['legacy wrong certificate', CERT_APP_ID, legacy('u', { certificate: OTHER_CERTIFICATE }), 'INVALID_TOKEN'],
      ['garbage', CERT_APP_ID, 'garbage', 'INVALID_TOKEN'],
      ['no token', CERT_APP_ID, undefined, 'TOKEN_REQUIRED'],
      ['unlisted app', B, undefined, 'INVALID_APP_ID'],
      ['token for an app without certificate', A, t006('u', { appId: A }), 'TOKEN_NOT_ENABLED'],
    ];
    const got: [string, string][] = [];
    for (const [name, appId, token] of cases) {
      const c = await RawClient.connect(server.url);
      got.push([name, await code(c.request('login', { v: PROTOCOL_VERSION, appId, uid: 'u', instance: 'i', ...(token === undefined ? {} : { token }) }))]);
      c.ws.terminate();
    }
    expect(got).toEqual(cases.map(([name, , , expected]) => [name, expected]));
    figures.set('tokenMatrixCases', cases.length);
  });
});
