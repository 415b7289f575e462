import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../protocol/errors.js';
import { PROTOCOL_VERSION } from '../../protocol/version.js';
import { buildRtmToken006, buildRtmToken007, buildSignalingToken } from '../../token/index.js';
import { AppsConfigError, loadAppsFile, parseApps, startServer } from '../index.js';
import { OTHER_APP_ID, ReplyError, TEST_APP_ID, sleep } from '../test-utils.js';
import { ENGINES, useServers } from './harness.js';
import { CERT_APP_ID, CERTIFICATE, OTHER_CERTIFICATE, official006, official007, officialSignaling } from './official-tokens.js';

/** TEST_APP_ID is App-ID-only; CERT_APP_ID has a certificate; OTHER_APP_ID is not listed. */
const APPS = { [CERT_APP_ID]: { certificate: CERTIFICATE }, [TEST_APP_ID]: {} };
const nowS = () => Math.floor(Date.now() / 1000);

describe('apps file parsing', () => {
  it('accepts certificates, App-ID-only apps and a REST secret', () => {
    const apps = parseApps({ [CERT_APP_ID]: { certificate: CERTIFICATE, restSecret: 'a-long-rest-secret' }, [TEST_APP_ID]: {} });
    expect(apps.get(CERT_APP_ID)).toEqual({ certificate: CERTIFICATE, restSecret: 'a-long-rest-secret' });
    expect(apps.get(TEST_APP_ID)).toEqual({});
  });

  it.each([
    ['not an object', []],
    ['empty', {}],
    ['bad App ID', { 'not-an-app-id': {} }],
    ['entry not an object', { [TEST_APP_ID]: 'cert' }],
    ['short certificate', { [TEST_APP_ID]: { certificate: 'abc' } }],
    ['non-hex certificate', { [TEST_APP_ID]: { certificate: 'z'.repeat(32) } }],
    ['unknown field', { [TEST_APP_ID]: { certficate: CERTIFICATE } }],
  ])('refuses %s', (_name, input) => {
    expect(() => parseApps(input)).toThrow(AppsConfigError);
  });

  it('reads a file and reports unreadable files and bad JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'resignal-apps-'));
    const good = join(dir, 'apps.json');
    await writeFile(good, JSON.stringify(APPS));
    expect((await loadAppsFile(good)).size).toBe(2);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{ nope');
    await expect(loadAppsFile(bad)).rejects.toBeInstanceOf(AppsConfigError);
    await expect(loadAppsFile(join(dir, 'missing.json'))).rejects.toBeInstanceOf(AppsConfigError);
  });

  it('logs open development mode once at start, and not with apps', async () => {
    const warnings: string[] = [];
    const logger = { debug: () => undefined, info: () => undefined, warn: (m: string) => void warnings.push(m), error: () => undefined };
    const open = await startServer({ port: 0, logger, log: 'warn' });
    await open.close();
    expect(warnings).toHaveLength(1);
    const withApps = await startServer({ port: 0, logger, log: 'warn', apps: APPS });
    await withApps.close();
    expect(warnings).toHaveLength(1);
  });

  it('startServer refuses a bad apps option', async () => {
    await expect(startServer({ port: 0, log: false, apps: { x: {} } })).rejects.toBeInstanceOf(AppsConfigError);
  });
});

describe.each(ENGINES)('apps and tokens at login ($name engine)', (engineCase) => {
  const h = useServers(engineCase);

  async function loginCode(server: Awaited<ReturnType<typeof h.start>>, uid: string, appId: string, token?: string) {
    const c = await h.connect(server);
    return c.errorCode('login', { v: PROTOCOL_VERSION, appId, uid, instance: 'i', ...(token === undefined ? {} : { token }) });
  }

  it('accepts valid 006, 007 and legacy tokens from the official builders and from rtm/token', async () => {
    const server = await h.start({ apps: APPS });
    const now = nowS();
    const tokens = [
      official006('u'),
      official007('u'),
      officialSignaling('u'),
      buildRtmToken006({ appId: CERT_APP_ID, certificate: CERTIFICATE, account: 'u', privilegeExpiredTs: now + 600 }),
      buildRtmToken007({ appId: CERT_APP_ID, certificate: CERTIFICATE, userId: 'u', expire: 600 }),
      buildSignalingToken({ appId: CERT_APP_ID, certificate: CERTIFICATE, account: 'u', expire: 600 }),
    ];
    for (const token of tokens) expect(await loginCode(server, 'u', CERT_APP_ID, token)).toBeNull();
  });

  it('refuses every bad login with its wire code', async () => {
    const server = await h.start({ apps: APPS });
    const now = nowS();
    const cases: [string, string, string | undefined, string][] = [
      ['unlisted app', OTHER_APP_ID, undefined, 'INVALID_APP_ID'],
      ['no token', CERT_APP_ID, undefined, 'TOKEN_REQUIRED'],
      ['empty token', CERT_APP_ID, '', 'TOKEN_REQUIRED'],
      ['legacy no-token marker', CERT_APP_ID, '_no_need_token', 'TOKEN_REQUIRED'],
      ['App ID as token', CERT_APP_ID, CERT_APP_ID, 'TOKEN_REQUIRED'],
      ['expired 006', CERT_APP_ID, official006('u', -60), 'TOKEN_EXPIRED'],
      ['expired 007', CERT_APP_ID, buildRtmToken007({ appId: CERT_APP_ID, certificate: CERTIFICATE, userId: 'u', expire: 60, issueTs: now - 120 }), 'TOKEN_EXPIRED'],
      ['expired legacy', CERT_APP_ID, buildSignalingToken({ appId: CERT_APP_ID, certificate: CERTIFICATE, account: 'u', expiredTs: now - 60 }), 'TOKEN_EXPIRED'],
      ['006 of another user', CERT_APP_ID, official006('someone-else'), 'TOKEN_USER_MISMATCH'],
      ['007 of another user', CERT_APP_ID, official007('someone-else'), 'TOKEN_USER_MISMATCH'],
      ['legacy of another user', CERT_APP_ID, officialSignaling('someone-else'), 'INVALID_TOKEN'],
      ['006 of another app', CERT_APP_ID, official006('u', 3600, OTHER_APP_ID), 'INVALID_APP_ID'],
      ['007 of another app', CERT_APP_ID, official007('u', 3600, OTHER_APP_ID), 'INVALID_APP_ID'],
      ['006 with a wrong certificate', CERT_APP_ID, official006('u', 3600, CERT_APP_ID, OTHER_CERTIFICATE), 'INVALID_TOKEN'],
      ['007 with a wrong certificate', CERT_APP_ID, official007('u', 3600, CERT_APP_ID, OTHER_CERTIFICATE), 'INVALID_TOKEN'],
      ['legacy with a wrong certificate', CERT_APP_ID, officialSignaling('u', 3600, CERT_APP_ID, OTHER_CERTIFICATE), 'INVALID_TOKEN'],
      ['garbage', CERT_APP_ID, 'garbage', 'INVALID_TOKEN'],
      ['truncated 006', CERT_APP_ID, official006('u').slice(0, 60), 'INVALID_TOKEN'],
      ['token for an App-ID-only app', TEST_APP_ID, official006('u', 3600, TEST_APP_ID), 'TOKEN_NOT_ENABLED'],
    ];
    const got = [];
    for (const [name, appId, token] of cases) got.push([name, await loginCode(server, 'u', appId, token)]);
    expect(got).toEqual(cases.map(([name, , , code]) => [name, code]));
  });

  it('lets App-ID-only apps log in without a token or with "_no_need_token"', async () => {
    const server = await h.start({ apps: APPS });
    expect(await loginCode(server, 'u', TEST_APP_ID)).toBeNull();
    expect(await loginCode(server, 'v', TEST_APP_ID, '_no_need_token')).toBeNull();
    expect(await loginCode(server, 'w', TEST_APP_ID, '')).toBeNull();
    expect(await loginCode(server, 'x', TEST_APP_ID, TEST_APP_ID)).toBeNull();
  });

  it('ignores tokens in open development mode', async () => {
    const server = await h.start();
    expect(await loginCode(server, 'u', OTHER_APP_ID, 'garbage')).toBeNull();
    expect(await loginCode(server, 'v', CERT_APP_ID)).toBeNull();
  });

  it('checks the token again when a session resumes', async () => {
    let offset = 0;
    const server = await h.start({ apps: APPS, expiredTokenPolicy: 'keep', now: () => Date.now() + offset });
    const token = official007('u', 60);
    const { client, reply } = await h.login(server, 'u', { appId: CERT_APP_ID, token });
    await client.terminate();
    offset = 120_000;
    const again = await h.connect(server);
    const attempt = again.request('login', { v: PROTOCOL_VERSION, appId: CERT_APP_ID, uid: 'u', instance: 'i', token, resume: reply.session });
    await expect(attempt).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' });
    await expect(attempt).rejects.toBeInstanceOf(ReplyError);
  });

  it('renews the token: valid for the session uid only, rate-limited', async () => {
    const server = await h.start({ apps: APPS });
    const { client } = await h.login(server, 'u', { appId: CERT_APP_ID, token: official006('u') });
    const fresh = await client.request('token.renew', { token: official007('u', 600) });
    expect(typeof fresh.expiresAt).toBe('number');
    expect(await client.errorCode('token.renew', { token: official007('other') })).toBe('TOKEN_USER_MISMATCH');
    expect(await client.errorCode('token.renew', { token: 'garbage' })).toBe('TOO_OFTEN');
    await sleep(1100);
    expect(await client.errorCode('token.renew', { token: 'garbage' })).toBe('INVALID_TOKEN');
    expect(await client.errorCode('token.renew', { token: official006('u', -10) })).toBe('TOKEN_EXPIRED');
  });

  it('warns before the token expires, then kicks with TOKEN_EXPIRED (4003) and the uid goes offline', async () => {
    const server = await h.start({ apps: APPS, tokenWillExpireLeadMs: 59_500, now: () => Date.now() });
    const { client: watcher } = await h.login(server, 'w', { appId: TEST_APP_ID });
    const { client } = await h.login(server, 'u', { appId: CERT_APP_ID, token: official007('u', 60) });
    expect(await client.nextEvent('token.expiring', () => true, 3000)).toMatchObject({ t: 'token.expiring' });
    // Renewing re-arms the timers: a short token now expires for real.
    await client.request('token.renew', { token: official007('u', 2) });
    const kick = await client.nextEvent('kick', () => true, 5000);
    expect(kick.reason).toBe('TOKEN_EXPIRED');
    expect((await client.closed).code).toBe(CLOSE_CODES.TOKEN_EXPIRED);
    expect((await watcher.request('status.query', { uids: ['u'] })).online).toEqual({ u: false });
  });

  it("keeps a live session past its token's expiry with expiredTokenPolicy 'keep'", async () => {
    const server = await h.start({ apps: APPS, expiredTokenPolicy: 'keep', tokenWillExpireLeadMs: 500 });
    const { client } = await h.login(server, 'u', { appId: CERT_APP_ID, token: official007('u', 1) });
    expect(await client.nextEvent('token.expiring', () => true, 3000)).toMatchObject({ t: 'token.expiring' });
    await sleep(1500);
    expect(client.closeStatus).toBeNull();
    expect(await client.request('status.query', { uids: ['u'] })).toEqual({ online: { u: true } });
  });
});
