/*
 * The flat API's session against a real server: construction under every native name, login/login2/logout with
 * their codes, login2's retry policy (closed port), onReconnecting/onReconnected through a TCP proxy that cuts
 * and refuses connections, callbackSet, onLog, destroy. Exact traces; warnings asserted by ID.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../../rtm/server/index.js';
import { startTcpProxy, type TcpProxy } from '../../test/tcp-proxy.js';
import { namesOf, type ApiId } from '../api-map.js';
import { getLegacyUsageCount } from '../deprecation.js';
import { sleep, waitFor, WarningLog } from '../test/harness.js';
import AgoraAPI, { FlatApi } from './index.js';
import { resetFlatDefaults } from './factory.js';
import { FLAT_CALLBACKS, SILENT_FLAT_CALLBACKS } from './dispatch.js';
import { APP_ID, FlatWorld, startTestServer, unique } from './test/world.js';

const warnings = new WarningLog();
let server: RunningServer;
let proxy: TcpProxy;
let closedPort: number;
const world = new FlatWorld(() => server.url);

beforeAll(async () => {
  server = await startTestServer();
  proxy = await startTcpProxy(server.port);
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  await proxy.close();
  await server.close();
});

beforeEach(() => {
  warnings.start();
  world.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(async () => {
  await world.closeAll();
  resetFlatDefaults();
  warnings.stop();
  vi.restoreAllMocks();
});

const LOGIN: ApiId[] = ['SIG_FLAT_CREATE_AGORA_SDK_INSTANCE', 'SIG_FLAT_LOGIN', 'SIG_FLAT_ON_LOGIN_SUCCESS'];

describe('construction', () => {
  it('offers every constructor name of the API map; getInstance is shared until destroy()', () => {
    const constructors = Object.keys(AgoraAPI).filter((key) => !['configure', 'restChannelSender'].includes(key));
    expect(constructors.sort()).toEqual([...namesOf('Flat', ['constructor'])].sort());
    const a = AgoraAPI.getInstance(APP_ID);
    expect(AgoraAPI.getInstanceWithoutMedia(APP_ID)).toBe(a);
    expect(AgoraAPI.getAgoraSDKInstanceCPP(APP_ID)).toBe(a);
    expect(AgoraAPI.getInstance({ android: 'context' }, APP_ID)).toBe(a);
    const b = AgoraAPI.createAgoraSDKInstance(APP_ID);
    const c = AgoraAPI.createSigInstance(APP_ID);
    expect(b).not.toBe(a);
    expect(c).not.toBe(b);
    expect(b).toBeInstanceOf(FlatApi);
    a.destroy();
    expect(AgoraAPI.getInstance(APP_ID)).not.toBe(a);
    expect(getLegacyUsageCount('SIG_FLAT_GET_INSTANCE')).toBe(5);
    expect(getLegacyUsageCount('SIG_FLAT_CREATE_AGORA_SDK_INSTANCE')).toBe(2);
    warnings.expectExactly(['SIG_FLAT_GET_INSTANCE', 'SIG_FLAT_CREATE_AGORA_SDK_INSTANCE', 'SIG_FLAT_DESTROY']);
  });

  it('has every callback of the API map as a property initialised to "", and the legacy version numbers', () => {
    const api = AgoraAPI.createAgoraSDKInstance(APP_ID) as unknown as Record<string, unknown>;
    for (const name of FLAT_CALLBACKS) expect(api[name]).toBe('');
    expect(FLAT_CALLBACKS).toHaveLength(37);
    const flat = AgoraAPI.createAgoraSDKInstance(APP_ID);
    expect(flat.getSdkVersion()).toBe(1010403000);
    expect([flat.getStatus(), flat.isOnline()]).toEqual([0, 0]);
    flat.dbg('a', 'b');
    flat.setBackground(1);
    flat.setNetworkStatus(1);
    flat.ping();
    flat.start();
    flat.stop();
    warnings.expectExactly([
      'SIG_FLAT_CREATE_AGORA_SDK_INSTANCE', 'SIG_FLAT_GET_SDK_VERSION', 'SIG_FLAT_GET_STATUS', 'SIG_FLAT_IS_ONLINE', 'SIG_FLAT_DBG',
      'SIG_FLAT_SET_BACKGROUND', 'SIG_FLAT_SET_NETWORK_STATUS', 'SIG_FLAT_PING', 'SIG_FLAT_START', 'SIG_FLAT_STOP',
    ]);
  });

  it('takes its options from configure()', async () => {
    AgoraAPI.configure({ endpoint: server.url });
    const api = AgoraAPI.createAgoraSDKInstance(APP_ID);
    const seen: unknown[] = [];
    api.onLoginSuccess = (uid, fd) => seen.push(['onLoginSuccess', uid, fd]);
    api.login(APP_ID, unique('configured'), '_no_need_token');
    await waitFor(() => seen.length > 0);
    expect(seen).toEqual([['onLoginSuccess', 0, 0]]);
    api.destroy();
  });
});

describe('login and logout', () => {
  it('login → state 1, nothing fired inside the call, then onLoginSuccess(0, 0) → state 2; logout → onLogout(101) → 0', async () => {
    const api = world.api('a');
    api.login(APP_ID, unique('alice'), '_no_need_token', 0, '');
    expect(api.getStatus()).toBe(1);
    expect(world.trace).toEqual([]);
    await world.waitFor('a', 'onLoginSuccess');
    expect([api.getStatus(), api.isOnline()]).toEqual([2, 1]);
    api.logout();
    expect(api.getStatus()).toBe(0);
    await world.waitFor('a', 'onLogout');
    expect(world.trace).toEqual([['a.onLoginSuccess', 0, 0], ['a.onLogout', 101]]);
    warnings.expectExactly([...LOGIN, 'SIG_FLAT_GET_STATUS', 'SIG_FLAT_IS_ONLINE', 'SIG_FLAT_LOGOUT', 'SIG_FLAT_ON_LOGOUT']);
  });

  it('reports logout while logged out (108), login while logged in (208), a cancelled login (203)', async () => {
    const api = world.api('a');
    api.logout();
    await world.waitFor('a', 'onLogout');
    const account = unique('alice');
    api.login(APP_ID, account, '_no_need_token');
    api.login(APP_ID, account, '_no_need_token');
    await world.waitFor('a', 'onLoginSuccess');
    const other = world.api('b');
    other.login(APP_ID, unique('bob'), '_no_need_token');
    other.logout();
    await world.waitFor('b', 'onLoginFailed');
    await sleep(50);
    expect(world.of('a')).toEqual([['a.onLogout', 108], ['a.onLoginFailed', 208], ['a.onLoginSuccess', 0, 0]]);
    expect(world.of('b')).toEqual([['b.onLoginFailed', 203]]);
    expect(other.getStatus()).toBe(0);
  });

  it('maps login failures: invalid account 209 at once, no retry', async () => {
    const api = world.api('a');
    api.login2(APP_ID, 'x'.repeat(65), '_no_need_token', 0, '', 30, 3);
    await world.waitFor('a', 'onLoginFailed');
    expect(world.trace).toEqual([['a.onLoginFailed', 209]]);
  });

  it('login2 gives up after retry_count retries against a closed port: onLoginFailed(201)', async () => {
    const api = world.api('a', { endpoint: `http://127.0.0.1:${closedPort}`, loginAttemptTimeoutMs: 300 });
    const lines: string[] = [];
    api.onLog = (line) => lines.push(line);
    const started = Date.now();
    api.login2(APP_ID, unique('alice'), '_no_need_token', 0, '', 60, 2);
    await world.waitFor('a', 'onLoginFailed', 1, 10_000);
    const elapsed = Date.now() - started;
    await sleep(200);
    expect(world.trace).toEqual([['a.onLoginFailed', 201]]);
    expect(lines.filter((line) => / login attempt \d+ as /.test(line))).toHaveLength(3);
    expect(elapsed).toBeLessThan(5_000);
    expect(api.getStatus()).toBe(0);
    warnings.expectExactly(['SIG_FLAT_CREATE_AGORA_SDK_INSTANCE', 'SIG_FLAT_LOGIN2', 'SIG_FLAT_ON_LOGIN_FAILED', 'SIG_FLAT_ON_LOG', 'SIG_FLAT_GET_STATUS']);
  });

  it('login2 gives up when retry_time_in_s runs out first: onLoginFailed(201)', async () => {
    const api = world.api('a', { endpoint: `http://127.0.0.1:${closedPort}`, loginAttemptTimeoutMs: 400 });
    const lines: string[] = [];
    api.callbackSet({ onLog: (line) => lines.push(line) });
    const started = Date.now();
    api.login2(APP_ID, unique('alice'), '_no_need_token', 0, '', 1, 100);
    await world.waitFor('a', 'onLoginFailed', 1, 10_000);
    const elapsed = Date.now() - started;
    expect(world.trace).toEqual([['a.onLoginFailed', 201]]);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(3_000);
    expect(lines.filter((line) => / login attempt \d+ as /.test(line)).length).toBeLessThanOrEqual(3);
  });

  it('login2 retries until the server is reachable, then succeeds', async () => {
    proxy.block(true);
    const api = world.api('a', { endpoint: proxy.url, loginAttemptTimeoutMs: 300 });
    api.login2(APP_ID, unique('alice'), '_no_need_token', 0, '', 30, 10);
    setTimeout(() => proxy.block(false), 700);
    await world.waitFor('a', 'onLogin', 1, 10_000);
    expect(world.trace).toEqual([['a.onLoginSuccess', 0, 0]]);
  });
});

describe('reconnection', () => {
  it('a cut connection gives onReconnecting(1) then onReconnected(0); the session stays usable', async () => {
    const [a, b] = [unique('alice'), unique('bob')];
    const alice = await world.loggedIn('a', a, { endpoint: proxy.url });
    await world.loggedIn('b', b);
    proxy.cut();
    await world.waitFor('a', 'onReconnected', 1, 10_000);
    expect(world.of('a')).toEqual([['a.onLoginSuccess', 0, 0], ['a.onReconnecting', 1], ['a.onReconnected', 0]]);
    expect(alice.getStatus()).toBe(2);
    world.apis[1]!.messageInstantSend(a, 0, 'after the cut', 'm1');
    await world.waitFor('a', 'onMessageInstantReceive');
    await world.waitFor('b', 'onMessageSendSuccess');
    expect(world.of('a', 'onMessageInstantReceive')).toEqual([['a.onMessageInstantReceive', b, 0, 'after the cut']]);
    expect(world.of('b', 'onMessageSend')).toEqual([['b.onMessageSendSuccess', 'm1']]);
    warnings.expectExactly([
      ...LOGIN, 'SIG_FLAT_ON_RECONNECTING', 'SIG_FLAT_ON_RECONNECTED', 'SIG_FLAT_GET_STATUS',
      'SIG_FLAT_MESSAGE_INSTANT_SEND', 'SIG_FLAT_ON_MESSAGE_SEND_SUCCESS', 'SIG_FLAT_ON_MESSAGE_INSTANT_RECEIVE',
    ]);
  });

  it('counts reconnect attempts while the server is unreachable and gives up at retry_count: onLogout(102)', async () => {
    const alice = world.api('a', { endpoint: proxy.url });
    alice.login2(APP_ID, unique('alice'), '_no_need_token', 0, '', 30, 2);
    await world.waitFor('a', 'onLoginSuccess');
    const channel = unique('room');
    await world.joined('a', alice, channel);
    proxy.block(true);
    proxy.cut();
    await world.waitFor('a', 'onLogout', 1, 10_000);
    proxy.block(false);
    expect(world.of('a')).toEqual([
      ['a.onLoginSuccess', 0, 0],
      ['a.onChannelJoined', channel],
      ['a.onChannelUserList', [expect.any(String)], [0]],
      ['a.onReconnecting', 1],
      ['a.onReconnecting', 2],
      ['a.onChannelLeaved', channel, 604],
      ['a.onLogout', 102],
    ]);
    expect(alice.getStatus()).toBe(0);
  });

  it('a peer message sent while reconnecting is held by RTM and succeeds once the connection is back', async () => {
    const [a, b] = [unique('alice'), unique('bob')];
    const alice = await world.loggedIn('a', a, { endpoint: proxy.url });
    await world.loggedIn('b', b);
    proxy.block(true);
    proxy.cut();
    await world.waitFor('a', 'onReconnecting');
    expect(alice.getStatus()).toBe(3);
    alice.messageInstantSend(b, 0, 'sent while reconnecting', 'r1');
    setTimeout(() => proxy.block(false), 300);
    await world.waitFor('a', 'onMessageSendSuccess', 1, 10_000);
    await world.waitFor('b', 'onMessageInstantReceive');
    expect(world.of('a', 'onMessageSendSuccess')).toEqual([['a.onMessageSendSuccess', 'r1']]);
    expect(world.of('a', 'onReconnected')).toEqual([['a.onReconnected', 0]]);
    expect(world.of('b', 'onMessageInstantReceive')).toEqual([['b.onMessageInstantReceive', a, 0, 'sent while reconnecting']]);
  });

  it('gives up at retry_time_in_s even with retries left', async () => {
    const alice = world.api('a', { endpoint: proxy.url });
    alice.login2(APP_ID, unique('alice'), '_no_need_token', 0, '', 1, 50);
    await world.waitFor('a', 'onLoginSuccess');
    proxy.block(true);
    const lost = Date.now();
    proxy.cut();
    await world.waitFor('a', 'onLogout', 1, 10_000);
    const elapsed = Date.now() - lost;
    proxy.block(false);
    expect(world.of('a', 'onLogout')).toEqual([['a.onLogout', 102]]);
    expect(elapsed).toBeLessThan(2_500);
    expect(world.of('a', 'onReconnecting')[0]).toEqual(['a.onReconnecting', 1]);
  });

  it('being logged in elsewhere ends the session with onLogout(103)', async () => {
    const account = unique('alice');
    await world.loggedIn('a', account);
    await world.loggedIn('b', account);
    await world.waitFor('a', 'onLogout');
    expect(world.of('a')).toEqual([['a.onLoginSuccess', 0, 0], ['a.onLogout', 103]]);
  });
});

describe('callbacks', () => {
  it('callbackSet: methods are read at fire time with the object as this; block properties win', async () => {
    const api = AgoraAPI.createAgoraSDKInstance(APP_ID, { endpoint: server.url });
    world.apis.push(api);
    const seen: unknown[] = [];
    const handler: Record<string, unknown> = { name: 'handler' };
    api.callbackSet(handler);
    handler['onLoginSuccess'] = function (this: { name: string }, uid: number, fd: number) {
      seen.push([this.name, 'onLoginSuccess', uid, fd]);
    };
    handler['onLogout'] = () => seen.push(['handler', 'onLogout']);
    api.onLogout = (ecode) => seen.push(['property', 'onLogout', ecode]);
    api.login(APP_ID, unique('alice'), '_no_need_token');
    await waitFor(() => seen.length === 1);
    api.logout();
    await waitFor(() => seen.length === 2);
    expect(seen).toEqual([['handler', 'onLoginSuccess', 0, 0], ['property', 'onLogout', 101]]);
    warnings.expectExactly(['SIG_FLAT_CREATE_AGORA_SDK_INSTANCE', 'SIG_FLAT_CALLBACK_SET', 'SIG_FLAT_LOGIN', 'SIG_FLAT_ON_LOGIN_SUCCESS', 'SIG_FLAT_LOGOUT', 'SIG_FLAT_ON_LOGOUT']);
  });

  it('callbacks that never fire count as used when assigned, as a property or through callbackSet', () => {
    const api = AgoraAPI.createAgoraSDKInstance(APP_ID);
    const onMsg = (): void => undefined;
    api.onMsg = onMsg;
    api.onDbg = '';
    expect([api.onMsg, api.onDbg]).toEqual([onMsg, '']);
    expect(Object.keys(api)).toEqual(expect.arrayContaining([...SILENT_FLAT_CALLBACKS]));
    api.callbackSet({ onBCCall_result: () => undefined, onInviteMsg: () => undefined, onLoginSuccess: () => undefined });
    // onInviteMsg fires (a Web peer's DTMF), so like onLoginSuccess it counts when it fires, not when assigned.
    warnings.expectExactly(['SIG_FLAT_CREATE_AGORA_SDK_INSTANCE', 'SIG_FLAT_ON_MSG', 'SIG_FLAT_CALLBACK_SET', 'SIG_FLAT_ON_BC_CALL_RESULT']);
  });

  it('an exception thrown by an app callback is logged (console and onLog) and swallowed', async () => {
    const api = world.api('a');
    const lines: string[] = [];
    api.onLog = (line) => lines.push(line);
    api.onLoginSuccess = () => {
      throw new Error('app bug');
    };
    api.login(APP_ID, unique('alice'), '_no_need_token');
    await waitFor(() => api.getStatus() === 2);
    await sleep(5);
    expect(console.error).toHaveBeenCalledWith(expect.objectContaining({ message: 'app bug' }));
    expect(lines.some((line) => line.includes('app bug'))).toBe(true);
  });

  it('destroy() ends the session without callbacks and refuses further calls', async () => {
    const api = await world.loggedIn('a', unique('alice'));
    api.destroy();
    api.login(APP_ID, unique('again'), '_no_need_token');
    api.messageInstantSend('x', 0, 'x', 'm');
    await sleep(100);
    expect(world.trace).toEqual([['a.onLoginSuccess', 0, 0]]);
    expect(api.getStatus()).toBe(0);
    expect(console.warn).toHaveBeenCalled();
  });
});
