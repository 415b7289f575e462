import { afterEach, describe, expect, it } from 'vitest';
import { nextEvent, recordEvents, sleep, waitUntil } from '../../test/events.js';
import { startTcpProxy, type TcpProxy } from '../../test/tcp-proxy.js';
import { startServer, type RunningServer, type ServerOptions } from '../server/index.js';
import { CERT_APP_ID, CERTIFICATE, OTHER_CERTIFICATE, official006, official007, officialSignaling } from '../server/test/official-tokens.js';
import { buildRtmToken007 } from '../token/index.js';
import type { RtmClient } from '../index.js';
import { rtmFailure as failure, TestClients } from '../../test/rtm-clients.js';

const OPEN_APP_ID = '0123456789abcdef0123456789abcdef';
const UNLISTED_APP_ID = 'fedcba9876543210fedcba9876543210';
const APPS = { [CERT_APP_ID]: { certificate: CERTIFICATE }, [OPEN_APP_ID]: {} };

let server: RunningServer | undefined;
let proxy: TcpProxy | undefined;
const clients = new TestClients();

async function start(options: ServerOptions = {}): Promise<RunningServer> {
  server = await startServer({ port: 0, log: false, apps: APPS, ...options });
  return server;
}

function client(appId = CERT_APP_ID, endpoint = server!.url): RtmClient {
  const c = clients.create(appId, { endpoint, reconnectBaseMs: 50, reconnectMaxMs: 200 });
  return c;
}

afterEach(async () => {
  await clients.logoutAll();
  await proxy?.close();
  proxy = undefined;
  await server?.close();
  server = undefined;
});

/** [case, token, App ID, error name, error code] */
const LOGIN_FAILURES: [string, () => string | undefined, string, string, number][] = [
  ['expired', () => official006('u', -60), CERT_APP_ID, 'RtmUnauthenticatedError', 6],
  ['for another user', () => official007('other'), CERT_APP_ID, 'RtmUnauthenticatedError', 3],
  ['for another app', () => official006('u', 3600, UNLISTED_APP_ID), CERT_APP_ID, 'RtmUnauthenticatedError', 4],
  ['with a wrong certificate', () => official007('u', 3600, CERT_APP_ID, OTHER_CERTIFICATE), CERT_APP_ID, 'RtmUnauthenticatedError', 5],
  ['garbage', () => 'garbage', CERT_APP_ID, 'RtmUnauthenticatedError', 5],
  ['missing', () => undefined, CERT_APP_ID, 'RtmUnauthenticatedError', 5],
  ['legacy "_no_need_token" on a certificate app', () => '_no_need_token', CERT_APP_ID, 'RtmUnauthenticatedError', 5],
  ['given to an App-ID-only app', () => official006('u', 3600, OPEN_APP_ID), OPEN_APP_ID, 'RtmUnauthenticatedError', 5],
  ['of an unlisted App ID', () => undefined, UNLISTED_APP_ID, 'RtmUnauthenticatedError', 4],
];

describe('login with tokens', () => {
  it('logs in with 006, 007 and legacy tokens from the official builders', async () => {
    await start();
    for (const [uid, token] of [
      ['a', official006('a')],
      ['b', official007('b')],
      ['c', officialSignaling('c')],
    ] as const) {
      const c = client();
      await c.login({ uid, token });
      expect(c.connectionState).toBe('CONNECTED');
    }
  });

  it.each(LOGIN_FAILURES)('refuses a token %s: error name and code, then DISCONNECTED/LOGIN_FAILURE', async (_name, token, appId, name, code) => {
    await start();
    const c = client(appId);
    const states = recordEvents(c, ['ConnectionStateChanged']);
    const value = token();
    expect(await failure(c.login(value === undefined ? { uid: 'u' } : { uid: 'u', token: value }))).toMatchObject({ name, code });
    expect(states.trace).toEqual([
      ['ConnectionStateChanged', 'CONNECTING', 'LOGIN'],
      ['ConnectionStateChanged', 'DISCONNECTED', 'LOGIN_FAILURE'],
    ]);
  });

  it('lets an App-ID-only app log in without a token', async () => {
    await start();
    const c = client(OPEN_APP_ID);
    await c.login({ uid: 'u' });
    expect(c.connectionState).toBe('CONNECTED');
  });
});

describe('renewToken and token events', () => {
  it('validates its argument and the state, then renews with the RenewTokenError codes', async () => {
    await start();
    const c = client();
    expect(await failure(c.renewToken(''))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 2 });
    expect(await failure(c.renewToken(official006('u')))).toMatchObject({ name: 'RtmInvalidStatusError', code: 102 });
    await c.login({ uid: 'u', token: official006('u') });
    await c.renewToken(official007('u'));
    await sleep(1100);
    expect(await failure(c.renewToken('garbage'))).toMatchObject({ name: 'RtmUnauthenticatedError', code: 6 });
    expect(await failure(c.renewToken(official007('someone-else')))).toMatchObject({ name: 'RtmUnauthenticatedError', code: 6 });
    await sleep(1100);
    expect(await failure(c.renewToken(official006('u', -10)))).toMatchObject({ name: 'RtmUnauthenticatedError', code: 5 });
    expect(c.connectionState).toBe('CONNECTED');
  });

  it('emits TokenPrivilegeWillExpire, then ABORTED/TOKEN_EXPIRED and TokenExpired when the token runs out', async () => {
    await start({ tokenWillExpireLeadMs: 59_500 });
    const c = client();
    const events = recordEvents(c, ['TokenPrivilegeWillExpire', 'TokenExpired', 'ConnectionStateChanged']);
    await c.login({ uid: 'u', token: official007('u', 60) });
    await nextEvent(c, 'TokenPrivilegeWillExpire');
    // A renewal with a token that ends in about a second: the server ends the session then.
    await c.renewToken(buildRtmToken007({ appId: CERT_APP_ID, certificate: CERTIFICATE, userId: 'u', expire: 2 }));
    await nextEvent(c, 'TokenExpired');
    expect(events.trace.filter((e) => e[0] !== 'TokenPrivilegeWillExpire')).toEqual([
      ['ConnectionStateChanged', 'CONNECTING', 'LOGIN'],
      ['ConnectionStateChanged', 'CONNECTED', 'LOGIN_SUCCESS'],
      ['ConnectionStateChanged', 'ABORTED', 'TOKEN_EXPIRED'],
      ['TokenExpired'],
    ]);
    expect(await failure(c.renewToken(official007('u')))).toMatchObject({ name: 'RtmInvalidStatusError', code: 102 });
  });

  it('halts reconnecting on an expired token with TokenExpired, and resumes after renewToken', async () => {
    let offset = 0;
    const running = await start({ expiredTokenPolicy: 'keep', now: () => Date.now() + offset });
    proxy = await startTcpProxy(running.port);
    const c = client(CERT_APP_ID, proxy.url);
    await c.login({ uid: 'u', token: official007('u', 60) });
    const states = recordEvents(c, ['ConnectionStateChanged', 'TokenExpired']);
    const expired = nextEvent(c, 'TokenExpired');
    offset = 120_000;
    proxy.cut();
    await expired;
    await sleep(300);
    expect(c.connectionState).toBe('RECONNECTING');
    const fresh = buildRtmToken007({ appId: CERT_APP_ID, certificate: CERTIFICATE, userId: 'u', expire: 600, now: (Date.now() + offset) / 1000 });
    await c.renewToken(fresh);
    await waitUntil(() => c.connectionState === 'CONNECTED', 10_000, 'CONNECTED');
    expect(states.trace).toEqual([['ConnectionStateChanged', 'RECONNECTING', 'INTERRUPTED'], ['TokenExpired'], ['ConnectionStateChanged', 'CONNECTED', 'LOGIN_SUCCESS']]);
  });
});
