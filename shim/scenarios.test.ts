/*
 * Legacy scenarios on a real resignal server over real WebSockets: two (or three) legacy users, exact callback
 * traces (order and arguments), and the deprecation warnings each scenario must raise, asserted by ID.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import AgoraRTM from '../rtm/client/index.js';
import { startServer, type RunningServer } from '../rtm/server/index.js';
import type { ApiId } from './api-map.js';
import { CALL_CALLBACKS } from './call.js';
import { CHANNEL_CALLBACKS } from './channel.js';
import { getLegacyUsageCount, getLegacyUsageReport } from './deprecation.js';
import type { LegacyCall, LegacyChannel, LegacySession } from './legacy-types.js';
import { Signal } from './signal.js';
import { only, record, sleep, TRACED_SESSION_CALLBACKS, waitFor, WarningLog, type Trace } from './test/harness.js';
import { SocketCutter } from './test/sockets.js';

const APP_ID = '0123456789abcdef0123456789abcdef';
const BASE: ApiId[] = ['SIG_SIGNAL', 'SIG_LOGIN', 'SIG_ON_LOGIN_SUCCESS'];
/** What joined() uses, and what ringing() uses (on both sides of the call). */
const JOINED: ApiId[] = ['SIG_CHANNEL_JOIN', 'SIG_ON_CHANNEL_JOINED', 'SIG_ON_CHANNEL_USER_LIST'];
const RINGING: ApiId[] = ['SIG_CHANNEL_INVITE_USER2', 'SIG_ON_INVITE_RECEIVED', 'SIG_ON_INVITE_RECEIVED_BY_PEER', 'SIG_CALL_CHANNEL_NAME', 'SIG_CALL_PEER', 'SIG_CALL_EXTRA'];
const warnings = new WarningLog();
const cutter = new SocketCutter();
let server: RunningServer;
let trace: Trace;
let sessions: LegacySession[];

const probe = AgoraRTM.createInstance(APP_ID, { endpoint: 'http://127.0.0.1:1' }) as unknown as Record<string, unknown>;
const hasInvitations = typeof probe['createLocalInvitation'] === 'function';

beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'resignal-shim-')), log: false });
  cutter.install();
});

afterAll(async () => {
  cutter.restore();
  await server.close();
});

beforeEach(() => {
  warnings.start();
  trace = [];
  sessions = [];
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(async () => {
  for (const session of sessions) {
    session.onLogout = () => undefined;
    session.logout();
  }
  await sleep(20);
  warnings.stop();
  vi.restoreAllMocks();
});

const signal = () => Signal(APP_ID, { endpoint: server.url });
let accountCounter = 0;
/** Unique per test, so sessions of one test never meet another's. */
const account = (name: string): string => `${name}-${++accountCounter}`;

async function loggedIn(uid: string, label: string, reconnect?: [number, number]): Promise<LegacySession> {
  const session = reconnect ? signal().login(uid, '_no_need_token', ...reconnect) : signal().login(uid, '_no_need_token');
  sessions.push(session);
  record(trace, label, session, TRACED_SESSION_CALLBACKS);
  await waitFor(() => only(trace, `${label}.onLogin`).length > 0, `${label} login`);
  expect(only(trace, `${label}.onLogin`)).toEqual([[`${label}.onLoginSuccess`, 0]]);
  return session;
}

async function joined(session: LegacySession, name: string, label: string): Promise<LegacyChannel> {
  const channel = session.channelJoin(name)!;
  record(trace, label, channel, CHANNEL_CALLBACKS);
  await waitFor(() => only(trace, `${label}.onChannelUserList`).length > 0 || only(trace, `${label}.onChannelJoinFailed`).length > 0, `${label} join`);
  return channel;
}

describe('session (§3)', () => {
  it('login → state 1 then onLoginSuccess(0) → state 2; logout → onLogout(101) → state 0', async () => {
    const alice = account('alice');
    const session = signal().login(alice, '_no_need_token');
    sessions.push(session);
    record(trace, 'a', session, TRACED_SESSION_CALLBACKS);
    expect(session.getStatus()).toBe(1);
    expect(trace).toEqual([]);
    await waitFor(() => trace.length > 0);
    expect(session.getStatus()).toBe(2);
    session.logout();
    expect(trace).toEqual([['a.onLoginSuccess', 0], ['a.onLogout', 101]]);
    expect(session.getStatus()).toBe(0);
    warnings.expectExactly([...BASE, 'SIG_GET_STATUS', 'SIG_LOGOUT', 'SIG_ON_LOGOUT']);
  });

  it('onError never fires, so assigning a function to it is what counts; callbacks that fire count only when they fire', async () => {
    const session = signal().login(account('alice'), '_no_need_token');
    sessions.push(session);
    session.onLoginSuccess = (uid) => trace.push(['a.onLoginSuccess', uid]);
    expect([session.onError, getLegacyUsageCount('SIG_ON_LOGIN_SUCCESS')]).toEqual(['', 0]);
    const onError = (): void => {
      trace.push(['a.onError']);
    };
    session.onError = onError;
    expect([session.onError, Object.keys(session).includes('onError'), getLegacyUsageCount('SIG_ON_ERROR')]).toEqual([onError, true, 1]);
    session.onError = null;
    expect(getLegacyUsageCount('SIG_ON_ERROR')).toBe(1);
    session.onError = onError;
    await waitFor(() => trace.length > 0);
    await sleep(20);
    expect(trace).toEqual([['a.onLoginSuccess', 0]]);
    expect(getLegacyUsageReport().filter((usage) => usage.id === 'SIG_ON_ERROR' || usage.id === 'SIG_ON_LOGIN_SUCCESS')).toEqual([
      { id: 'SIG_ON_ERROR', count: 2, rtm: null, support: 'emulated' },
      { id: 'SIG_ON_LOGIN_SUCCESS', count: 1, rtm: expect.any(String) as unknown, support: 'native' },
    ]);
    warnings.expectExactly([...BASE, 'SIG_ON_ERROR']);
  });

  it('logout() without onLogout leaves the session online; a peer can still reach it', async () => {
    const [a, b] = [account('alice'), account('bob')];
    const alice = await loggedIn(a, 'a');
    const bob = await loggedIn(b, 'b');
    alice.onLogout = null;
    alice.logout();
    expect(alice.getStatus()).toBe(2);
    bob.messageInstantSend(a, 'still there?');
    await waitFor(() => only(trace, 'a.onMessageInstantReceive').length === 1);
    expect(only(trace, 'a.onMessageInstantReceive')).toEqual([['a.onMessageInstantReceive', b, 0, 'still there?']]);
    warnings.expectExactly([...BASE, 'SIG_GET_STATUS', 'SIG_LOGOUT', 'SIG_MESSAGE_INSTANT_SEND', 'SIG_ON_MESSAGE_INSTANT_RECEIVE']);
  });

  it('peer messages: cb(false) on success (offline peers too), receiver gets (account, 0, msg); oversized → cb(true)', async () => {
    const [a, b] = [account('alice'), account('bob')];
    const alice = await loggedIn(a, 'a');
    await loggedIn(b, 'b');
    const results: unknown[] = [];
    alice.messageInstantSend(b, 'hello bob', (isError) => results.push(['online', isError]));
    alice.messageInstantSend(account('nobody'), 'anyone?', (isError) => results.push(['offline', isError]));
    alice.messageInstantSend(b, 'x'.repeat(33_000), (isError) => results.push(['oversized', isError]));
    await waitFor(() => results.length === 3 && only(trace, 'b.onMessageInstantReceive').length === 1);
    expect(results).toEqual(expect.arrayContaining([['online', false], ['offline', false], ['oversized', true]]));
    expect(only(trace, 'b.')).toEqual([['b.onLoginSuccess', 0], ['b.onMessageInstantReceive', a, 0, 'hello bob']]);
    warnings.expectExactly([...BASE, 'SIG_MESSAGE_INSTANT_SEND', 'SIG_ON_MESSAGE_INSTANT_RECEIVE']);
  });

  it('bad input: wrong types, missing callbacks and calls before login neither throw nor fire synchronously', async () => {
    const early = signal().login(account('early'), '_no_need_token');
    sessions.push(early);
    const results: unknown[] = [];
    expect(early.channelJoin('room')).toBeUndefined();
    early.messageInstantSend('someone', 'too early', (isError) => results.push(isError));
    early.invoke('io.agora.signal.user_query_user_status', { account: 'x' }, (err) => results.push(err));
    expect(results).toEqual([]);
    await waitFor(() => results.length === 2);
    expect(results.sort()).toEqual(['not_login', true].sort());
    const session = await loggedIn(account('typed'), 't');
    const numberPeer = account('42');
    expect(() => session.messageInstantSend(42 as unknown as string, { not: 'a string' } as unknown as string)).not.toThrow();
    expect(() => session.messageInstantSend(numberPeer, 'no callback', 'not a function' as unknown as () => void)).not.toThrow();
    const channel = session.channelJoin({ room: 1 } as unknown as string)!;
    record(trace, 'c', channel, CHANNEL_CALLBACKS);
    await waitFor(() => only(trace, 'c.').length > 0);
    expect(only(trace, 'c.')[0]).toEqual(['c.onChannelJoinFailed', 'invalid_argument']);
    await waitFor(() => vi.mocked(console.error).mock.calls.length > 0, 'the logged callback error');
    expect(console.error).toHaveBeenCalledWith(expect.objectContaining({ message: 'the callback argument is not a function' }));
    warnings.expectExactly([
      ...BASE, 'SIG_CHANNEL_JOIN', 'SIG_INVOKE', 'SIG_INVOKE_USER_QUERY_USER_STATUS', 'SIG_MESSAGE_INSTANT_SEND', 'SIG_ON_CHANNEL_JOIN_FAILED',
    ]);
  });

  it('setup_debugging(\'ap_url\') and Signal.configure({ endpoint }) point an unchanged Signal(appId) at the server', async () => {
    const viaDebug = Signal(APP_ID);
    viaDebug.setup_debugging('ap_url', server.url);
    const first = viaDebug.login(account('debug'), '_no_need_token');
    sessions.push(first);
    record(trace, 'first', first, TRACED_SESSION_CALLBACKS);
    Signal.configure({ endpoint: server.url });
    try {
      const second = Signal(APP_ID).login(account('configured'), '_no_need_token');
      sessions.push(second);
      record(trace, 'second', second, TRACED_SESSION_CALLBACKS);
    } finally {
      Signal.configure({ endpoint: undefined });
    }
    await waitFor(() => trace.length === 2);
    expect(trace).toEqual(expect.arrayContaining([['first.onLoginSuccess', 0], ['second.onLoginSuccess', 0]]));
    warnings.expectExactly([...BASE, 'SIG_SETUP_DEBUGGING']);
  });

  it('logout() then login() at once replaces the session: the new one stays online, the old one hears nothing more', async () => {
    const [a, b] = [account('alice'), account('bob')];
    const old = await loggedIn(a, 'old');
    const bob = await loggedIn(b, 'b');
    old.logout();
    const fresh = await loggedIn(a, 'new');
    await sleep(100);
    bob.messageInstantSend(a, 'which one?');
    await waitFor(() => only(trace, 'new.onMessageInstantReceive').length === 1);
    expect(only(trace, 'old.')).toEqual([['old.onLoginSuccess', 0], ['old.onLogout', 101]]);
    expect(only(trace, 'new.')).toEqual([['new.onLoginSuccess', 0], ['new.onMessageInstantReceive', b, 0, 'which one?']]);
    expect(fresh.getStatus()).toBe(2);
    warnings.expectExactly([...BASE, 'SIG_GET_STATUS', 'SIG_LOGOUT', 'SIG_MESSAGE_INSTANT_SEND', 'SIG_ON_LOGOUT', 'SIG_ON_MESSAGE_INSTANT_RECEIVE']);
  });

  it('a login to an unreachable server fails with 201', async () => {
    const session = Signal(APP_ID, { endpoint: 'http://127.0.0.1:1' }).login(account('lost'), '_no_need_token');
    record(trace, 's', session, TRACED_SESSION_CALLBACKS);
    await waitFor(() => trace.length > 0, 'onLoginFailed', 20_000);
    expect(trace).toEqual([['s.onLoginFailed', 201]]);
    expect(session.getStatus()).toBe(0);
    warnings.expectExactly(['SIG_GET_STATUS', 'SIG_LOGIN', 'SIG_ON_LOGIN_FAILED', 'SIG_SIGNAL']);
  }, 25_000);

  it('a login with an invalid account fails with 209', async () => {
    const session = signal().login('a/b', '_no_need_token');
    record(trace, 's', session, TRACED_SESSION_CALLBACKS);
    await waitFor(() => trace.length > 0);
    expect(trace).toEqual([['s.onLoginFailed', 209]]);
    expect(session.getStatus()).toBe(0);
    warnings.expectExactly(['SIG_GET_STATUS', 'SIG_LOGIN', 'SIG_ON_LOGIN_FAILED', 'SIG_SIGNAL']);
  });
});

describe('channels (§4)', () => {
  it('join order: onChannelJoined() → onChannelUserList([[acc, 0], …]); others get onChannelUserJoined(acc, 0)', async () => {
    const [a, b, room] = [account('alice'), account('bob'), account('room')];
    const bob = await loggedIn(b, 'b');
    await joined(bob, room, 'bRoom');
    const alice = await loggedIn(a, 'a');
    const channel = alice.channelJoin(room)!;
    record(trace, 'aRoom', channel, CHANNEL_CALLBACKS);
    expect(only(trace, 'aRoom.')).toEqual([]);
    await waitFor(() => only(trace, 'aRoom.').length >= 2 && only(trace, 'bRoom.onChannelUserJoined').length === 1);
    const [first, second] = only(trace, 'aRoom.');
    expect(first).toEqual(['aRoom.onChannelJoined']);
    expect(second![0]).toBe('aRoom.onChannelUserList');
    expect((second![1] as [string, number][]).sort()).toEqual([[a, 0], [b, 0]].sort());
    expect(only(trace, 'bRoom.').slice(2)).toEqual([['bRoom.onChannelUserJoined', a, 0]]);
    expect([channel.name, channel.state]).toEqual([room, 'joined']);
    warnings.expectExactly([...BASE, ...JOINED, 'SIG_CHANNEL_NAME', 'SIG_CHANNEL_STATE', 'SIG_ON_CHANNEL_USER_JOINED']);
  });

  it('messageChannelSend: the sender gets its own message, then cb(); members get (acc, 0, msg)', async () => {
    const [a, b, room] = [account('alice'), account('bob'), account('room')];
    const alice = await loggedIn(a, 'a');
    const bob = await loggedIn(b, 'b');
    const aRoom = await joined(alice, room, 'aRoom');
    await joined(bob, room, 'bRoom');
    await waitFor(() => only(trace, 'aRoom.onChannelUserJoined').length === 1);
    trace.length = 0;
    aRoom.messageChannelSend('hi room', (...args: unknown[]) => trace.push(['sendCb', ...args]));
    await waitFor(() => trace.length === 3);
    expect(only(trace, 'aRoom.').concat(only(trace, 'sendCb'))).toEqual([['aRoom.onMessageChannelReceive', a, 0, 'hi room'], ['sendCb']]);
    expect(trace.findIndex((entry) => entry[0] === 'sendCb')).toBeGreaterThan(trace.findIndex((entry) => entry[0] === 'aRoom.onMessageChannelReceive'));
    expect(only(trace, 'bRoom.')).toEqual([['bRoom.onMessageChannelReceive', a, 0, 'hi room']]);
    warnings.expectExactly([
      ...BASE, 'SIG_CHANNEL_JOIN', 'SIG_ON_CHANNEL_JOINED', 'SIG_ON_CHANNEL_USER_LIST', 'SIG_ON_CHANNEL_USER_JOINED',
      'SIG_MESSAGE_CHANNEL_SEND', 'SIG_ON_MESSAGE_CHANNEL_RECEIVE',
    ]);
  });

  it('channelLeave(cb) calls cb() only; channelLeave() fires onChannelLeaved(0); members see onChannelUserLeaved', async () => {
    const [a, b, room] = [account('alice'), account('bob'), account('room')];
    const alice = await loggedIn(a, 'a');
    const bob = await loggedIn(b, 'b');
    const bRoom = await joined(bob, room, 'bRoom');
    const aRoom = await joined(alice, room, 'aRoom');
    await waitFor(() => only(trace, 'bRoom.onChannelUserJoined').length === 1);
    trace.length = 0;
    aRoom.channelLeave(() => trace.push(['leaveCb']));
    await waitFor(() => trace.length === 2);
    expect(trace).toEqual(expect.arrayContaining([['leaveCb'], ['bRoom.onChannelUserLeaved', a, 0]]));
    expect(aRoom.state).toBe('leaved');
    trace.length = 0;
    bRoom.channelLeave();
    await waitFor(() => trace.length === 1);
    expect(trace).toEqual([['bRoom.onChannelLeaved', 0]]);
    await sleep(30);
    expect(only(trace, 'aRoom.')).toEqual([]);
    warnings.expectExactly([
      ...BASE, ...JOINED, 'SIG_CHANNEL_LEAVE', 'SIG_CHANNEL_STATE', 'SIG_ON_CHANNEL_LEAVED', 'SIG_ON_CHANNEL_USER_JOINED',
      'SIG_ON_CHANNEL_USER_LEAVED',
    ]);
  });

  it('joining the same channel again replaces the first Channel object, which stays silent', async () => {
    const [a, b, room] = [account('alice'), account('bob'), account('room')];
    const alice = await loggedIn(a, 'a');
    const bob = await loggedIn(b, 'b');
    const bRoom = await joined(bob, room, 'bRoom');
    await joined(alice, room, 'first');
    await joined(alice, room, 'second');
    expect(only(trace, 'second.')[0]).toEqual(['second.onChannelJoined']);
    trace.length = 0;
    bRoom.messageChannelSend('to whoever is here');
    await waitFor(() => only(trace, 'second.onMessageChannelReceive').length === 1);
    await sleep(30);
    expect(only(trace, 'first.')).toEqual([]);
    warnings.expectExactly([
      ...BASE, ...JOINED, 'SIG_MESSAGE_CHANNEL_SEND', 'SIG_ON_CHANNEL_USER_JOINED', 'SIG_ON_CHANNEL_USER_LEAVED', 'SIG_ON_MESSAGE_CHANNEL_RECEIVE',
    ]);
  });

  it('attribute calls call cb() with no arguments, on success and on failure alike', async () => {
    const alice = await loggedIn(account('alice'), 'a');
    const room = await joined(alice, account('room'), 'room');
    const cbs: unknown[][] = [];
    room.channelSetAttr('k', 'v', (...args: unknown[]) => cbs.push(['set', ...args]));
    room.channelSetAttr('empty', '', (...args: unknown[]) => cbs.push(['rejected', ...args]));
    room.channelDelAttr('k', (...args: unknown[]) => cbs.push(['del', ...args]));
    room.channelClearAttr((...args: unknown[]) => cbs.push(['clear', ...args]));
    await waitFor(() => cbs.length === 4);
    expect(cbs.map((entry) => entry.length)).toEqual([1, 1, 1, 1]);
    warnings.expectExactly([
      ...BASE, ...JOINED, 'SIG_CHANNEL_CLEAR_ATTR', 'SIG_CHANNEL_DEL_ATTR', 'SIG_CHANNEL_SET_ATTR', 'SIG_ON_CHANNEL_ATTR_UPDATED',
    ]);
  });
});

describe('channel attributes (§4.1), when the client has them', () => {
  it('set/del/clear reach every member, the writer included; a later joiner gets the replay after its user list', async (ctx) => {
    const [a, b, c, room] = [account('alice'), account('bob'), account('carol'), account('room')];
    const alice = await loggedIn(a, 'a');
    const bob = await loggedIn(b, 'b');
    const aRoom = await joined(alice, room, 'aRoom');
    await joined(bob, room, 'bRoom');
    const probe = await new Promise<string>((resolve) => alice.invoke('io.agora.signal.channel_query_num', { name: room }, (err) => resolve(err)));
    expect(probe).toBe('');
    const cbs: unknown[][] = [];
    aRoom.channelSetAttr('topic', 'cats', (...args: unknown[]) => cbs.push(['set', ...args]));
    await waitFor(() => cbs.length === 1);
    if (only(trace, 'aRoom.onChannelAttrUpdated').length === 0) ctx.skip();
    await waitFor(() => only(trace, 'bRoom.onChannelAttrUpdated').length === 1);
    aRoom.channelSetAttr('mode', 'quiet');
    await waitFor(() => only(trace, 'bRoom.onChannelAttrUpdated').length === 2);
    const carol = await loggedIn(c, 'c');
    await joined(carol, room, 'cRoom');
    await waitFor(() => only(trace, 'cRoom.').length >= 4);
    expect(only(trace, 'cRoom.').slice(0, 4).map((entry) => entry[0])).toEqual([
      'cRoom.onChannelJoined', 'cRoom.onChannelUserList', 'cRoom.onChannelAttrUpdated', 'cRoom.onChannelAttrUpdated',
    ]);
    expect(only(trace, 'cRoom.onChannelAttrUpdated').sort()).toEqual([
      ['cRoom.onChannelAttrUpdated', 'mode', 'quiet', 'update'],
      ['cRoom.onChannelAttrUpdated', 'topic', 'cats', 'update'],
    ]);
    aRoom.channelDelAttr('mode', (...args: unknown[]) => cbs.push(['del', ...args]));
    await waitFor(() => cbs.length === 2 && only(trace, 'cRoom.onChannelAttrUpdated').length === 3);
    aRoom.channelSetAttr('extra', '1');
    await waitFor(() => only(trace, 'cRoom.onChannelAttrUpdated').length === 4);
    aRoom.channelClearAttr((...args: unknown[]) => cbs.push(['clear', ...args]));
    await waitFor(() => cbs.length === 3 && only(trace, 'cRoom.onChannelAttrUpdated').length === 5);
    expect(cbs).toEqual([['set'], ['del'], ['clear']]);
    for (const who of ['aRoom', 'bRoom']) {
      expect(only(trace, `${who}.onChannelAttrUpdated`)).toEqual([
        [`${who}.onChannelAttrUpdated`, 'topic', 'cats', 'update'],
        [`${who}.onChannelAttrUpdated`, 'mode', 'quiet', 'update'],
        [`${who}.onChannelAttrUpdated`, 'mode', '', 'del'],
        [`${who}.onChannelAttrUpdated`, 'extra', '1', 'update'],
        [`${who}.onChannelAttrUpdated`, '', '', 'clear'],
      ]);
    }
    warnings.expectExactly([
      ...BASE, ...JOINED, 'SIG_CHANNEL_CLEAR_ATTR', 'SIG_CHANNEL_DEL_ATTR', 'SIG_CHANNEL_SET_ATTR', 'SIG_INVOKE', 'SIG_INVOKE_CHANNEL_QUERY_NUM',
      'SIG_ON_CHANNEL_ATTR_UPDATED', 'SIG_ON_CHANNEL_USER_JOINED',
    ]);
  });
});

describe('invoke (§6)', () => {
  it('user_query_user_status: args gain line; cb("", {result: "ok", account, status})', async () => {
    const [a, b] = [account('alice'), account('bob')];
    const alice = await loggedIn(a, 'a');
    await loggedIn(b, 'b');
    const replies: unknown[] = [];
    const args: Record<string, unknown> = { account: b };
    alice.invoke('io.agora.signal.user_query_user_status', args, (err, ret) => replies.push([err, ret]));
    expect(typeof args['line']).toBe('string');
    const nobody = account('nobody');
    alice.invoke('io.agora.signal.user_query_user_status', { account: nobody }, (err, ret) => replies.push([err, ret]));
    await waitFor(() => replies.length === 2);
    expect(replies).toEqual([
      ['', { result: 'ok', account: b, status: 1 }],
      ['', { result: 'ok', account: nobody, status: 0 }],
    ]);
    warnings.expectExactly([...BASE, 'SIG_INVOKE', 'SIG_INVOKE_USER_QUERY_USER_STATUS']);
  });

  it('user attributes, when the client has them: user_set_attr then user_get_attr / user_get_attr_all from a peer', async (ctx) => {
    const [a, b] = [account('alice'), account('bob')];
    const alice = await loggedIn(a, 'a');
    const bob = await loggedIn(b, 'b');
    const ask = (session: LegacySession, func: string, args: Record<string, unknown>) =>
      new Promise<unknown[]>((resolve) => session.invoke(`io.agora.signal.${func}`, args, (err, ret) => resolve([err, ret])));
    const [err] = await ask(alice, 'user_set_attr', { name: 'color', value: 'red' });
    if (err !== '') ctx.skip();
    expect(await ask(bob, 'user_get_attr', { account: a, name: 'color' })).toEqual(['', { result: 'ok', account: a, name: 'color', value: 'red' }]);
    const [allErr, all] = await ask(bob, 'user_get_attr_all', { account: a });
    expect(allErr).toBe('');
    expect(JSON.parse((all as { json: string }).json)).toEqual({ color: 'red' });
    warnings.expectExactly([...BASE, 'SIG_INVOKE', 'SIG_INVOKE_USER_GET_ATTR', 'SIG_INVOKE_USER_GET_ATTR_ALL', 'SIG_INVOKE_USER_SET_ATTR']);
  });

  it('channel_query_num / channel_query_userlist of the joined channel', async () => {
    const [a, room] = [account('alice'), account('room')];
    const alice = await loggedIn(a, 'a');
    await joined(alice, room, 'room');
    const ask = (func: string, args: Record<string, unknown>) =>
      new Promise<unknown[]>((resolve) => alice.invoke(`io.agora.signal.${func}`, args, (err, ret) => resolve([err, ret])));
    expect(await ask('channel_query_num', { name: room })).toEqual(['', { result: 'ok', name: room, num: 1 }]);
    expect(await ask('channel_query_userlist', { name: room })).toEqual(['', { result: 'ok', name: room, num: 1, list: [[a, 0]] }]);
    expect(await ask('channel_query_user_isin', { name: room, account: 'x' })).toEqual(['', { result: 'ok', name: room, account: 'x', isin: 0 }]);
    warnings.expectExactly([
      ...BASE, ...JOINED, 'SIG_INVOKE', 'SIG_INVOKE_CHANNEL_QUERY_NUM', 'SIG_INVOKE_CHANNEL_QUERY_USERLIST', 'SIG_INVOKE_CHANNEL_QUERY_USER_ISIN',
    ]);
  });
});

describe.skipIf(!hasInvitations)('calls (§5)', () => {
  async function ringing(): Promise<{ out: LegacyCall; incoming: LegacyCall; a: string; b: string; alice: LegacySession; bob: LegacySession }> {
    const [a, b] = [account('alice'), account('bob')];
    const alice = await loggedIn(a, 'a');
    const bob = await loggedIn(b, 'b');
    let incoming: LegacyCall | undefined;
    bob.onInviteReceived = (call) => {
      incoming = call;
      trace.push(['b.onInviteReceived', call.channelName, call.peer, call.extra]);
      record(trace, 'in', call, CALL_CALLBACKS);
    };
    const out = alice.channelInviteUser2('callroom', b, '{"video":true}');
    record(trace, 'out', out, CALL_CALLBACKS);
    await waitFor(() => incoming !== undefined && only(trace, 'out.onInviteReceivedByPeer').length === 1);
    expect(only(trace, 'b.onInviteReceived')).toEqual([['b.onInviteReceived', 'callroom', a, '{"video":true}']]);
    return { out, incoming: incoming!, a, b, alice, bob };
  }

  it('accepted: caller gets onInviteReceivedByPeer("") then onInviteAcceptedByPeer(extra)', async () => {
    const { incoming } = await ringing();
    incoming.channelInviteAccept('{"ok":1}');
    await waitFor(() => only(trace, 'out.onInviteAcceptedByPeer').length === 1);
    expect(only(trace, 'out.')).toEqual([['out.onInviteReceivedByPeer', ''], ['out.onInviteAcceptedByPeer', '{"ok":1}']]);
    warnings.expectExactly([...BASE, ...RINGING, 'SIG_CHANNEL_INVITE_ACCEPT', 'SIG_ON_INVITE_ACCEPTED_BY_PEER']);
  });

  it('refused: caller gets onInviteRefusedByPeer(extra)', async () => {
    const { incoming } = await ringing();
    incoming.channelInviteRefuse('{"status":1}');
    await waitFor(() => only(trace, 'out.onInviteRefusedByPeer').length === 1);
    expect(only(trace, 'out.onInviteRefusedByPeer')).toEqual([['out.onInviteRefusedByPeer', '{"status":1}']]);
    warnings.expectExactly([...BASE, ...RINGING, 'SIG_CHANNEL_INVITE_REFUSE', 'SIG_ON_INVITE_REFUSED_BY_PEER']);
  });

  it('hang-up after accept, from either side, reaches the peer as onInviteEndByPeer(extra) and never as a message', async () => {
    const { out, incoming } = await ringing();
    incoming.channelInviteAccept('');
    await waitFor(() => only(trace, 'out.onInviteAcceptedByPeer').length === 1);
    incoming.channelInviteEnd('{"reason":"done"}');
    expect(trace.at(-1)).toEqual(['in.onInviteEndByMyself', '']);
    await waitFor(() => only(trace, 'out.onInviteEndByPeer').length === 1);
    expect(only(trace, 'out.')).toEqual([['out.onInviteReceivedByPeer', ''], ['out.onInviteAcceptedByPeer', ''], ['out.onInviteEndByPeer', '{"reason":"done"}']]);
    out.channelInviteEnd();
    expect(trace.at(-1)).toEqual(['out.onInviteEndByMyself', '']);
    await sleep(50);
    expect(only(trace, 'a.onMessageInstantReceive').concat(only(trace, 'b.onMessageInstantReceive'))).toEqual([]);
    expect(only(trace, 'in.')).toEqual([['in.onInviteEndByMyself', '']]);
    warnings.expectExactly([
      ...BASE, ...RINGING, 'SIG_CHANNEL_INVITE_ACCEPT', 'SIG_CHANNEL_INVITE_END', 'SIG_ON_INVITE_ACCEPTED_BY_PEER', 'SIG_ON_INVITE_END_BY_MYSELF',
      'SIG_ON_INVITE_END_BY_PEER',
    ]);
  });

  it('the callee ending a ringing call: caller gets onInviteEndByPeer(extra), nothing else follows', async () => {
    const { incoming } = await ringing();
    incoming.channelInviteEnd('busy_now');
    await waitFor(() => only(trace, 'out.onInviteEndByPeer').length === 1);
    await sleep(100);
    expect(only(trace, 'out.')).toEqual([['out.onInviteReceivedByPeer', ''], ['out.onInviteEndByPeer', 'busy_now']]);
    warnings.expectExactly([...BASE, ...RINGING, 'SIG_CHANNEL_INVITE_END', 'SIG_ON_INVITE_END_BY_MYSELF', 'SIG_ON_INVITE_END_BY_PEER']);
  });

  it('DTMF on an accepted call, from either side: the peer\'s Call gets onInviteMsg(extra), never a message', async () => {
    const { out, incoming, a, b, alice } = await ringing();
    incoming.channelInviteAccept('');
    await waitFor(() => only(trace, 'out.onInviteAcceptedByPeer').length === 1);
    out.channelInviteDTMF('1#');
    incoming.channelInviteDTMF('9');
    await waitFor(() => only(trace, 'in.onInviteMsg').length === 1 && only(trace, 'out.onInviteMsg').length === 1);
    expect(only(trace, 'in.')).toEqual([['in.onInviteMsg', '{"msgtype":"dtmf","msgdata":"1#"}']]);
    expect(only(trace, 'out.')).toEqual([['out.onInviteReceivedByPeer', ''], ['out.onInviteAcceptedByPeer', ''], ['out.onInviteMsg', '{"msgtype":"dtmf","msgdata":"9"}']]);
    // An ordinary message sent afterwards arrives as one, and is the only message either side sees.
    alice.messageInstantSend(b, 'after');
    await waitFor(() => only(trace, 'b.onMessageInstantReceive').length === 1);
    expect(only(trace, 'b.onMessageInstantReceive').concat(only(trace, 'a.onMessageInstantReceive'))).toEqual([['b.onMessageInstantReceive', a, 0, 'after']]);
    warnings.expectExactly([
      ...BASE, ...RINGING, 'SIG_CHANNEL_INVITE_ACCEPT', 'SIG_ON_INVITE_ACCEPTED_BY_PEER', 'SIG_CHANNEL_INVITE_DTMF', 'SIG_ON_INVITE_MSG',
      'SIG_MESSAGE_INSTANT_SEND', 'SIG_ON_MESSAGE_INSTANT_RECEIVE',
    ]);
  });

  it('DTMF while ringing reaches the callee; once the call ended, DTMF from either side fires nothing anywhere', async () => {
    const { out, incoming, a, b, alice, bob } = await ringing();
    incoming.channelInviteDTMF('5');
    await waitFor(() => only(trace, 'out.onInviteMsg').length === 1);
    out.channelInviteEnd('');
    await waitFor(() => only(trace, 'in.onInviteEndByPeer').length === 1);
    out.channelInviteDTMF('6');
    incoming.channelInviteDTMF('7');
    // Peer messages between two users arrive in order: once these markers are in, any DTMF signal would be too.
    alice.messageInstantSend(b, 'marker');
    bob.messageInstantSend(a, 'marker');
    await waitFor(() => only(trace, 'a.onMessageInstantReceive').length === 1 && only(trace, 'b.onMessageInstantReceive').length === 1);
    expect(only(trace, 'out.')).toEqual([['out.onInviteReceivedByPeer', ''], ['out.onInviteMsg', '{"msgtype":"dtmf","msgdata":"5"}'], ['out.onInviteEndByMyself', '']]);
    expect(only(trace, 'in.')).toEqual([['in.onInviteEndByPeer', '']]);
    expect(only(trace, 'b.onMessageInstantReceive').concat(only(trace, 'a.onMessageInstantReceive'))).toEqual([
      ['b.onMessageInstantReceive', a, 0, 'marker'],
      ['a.onMessageInstantReceive', b, 0, 'marker'],
    ]);
  });

  it('_require_peer_online: 1 fails at once for an offline callee with a JSON extra', async () => {
    const alice = await loggedIn(account('alice'), 'a');
    const out = alice.channelInviteUser2('callroom', account('offline'), '{"_require_peer_online":1}');
    record(trace, 'out', out, CALL_CALLBACKS);
    await waitFor(() => only(trace, 'out.').length === 1);
    expect(only(trace, 'out.')).toEqual([['out.onInviteFailed', '{"reason":"PEER_OFFLINE","ecode":703}']]);
    warnings.expectExactly([...BASE, 'SIG_CHANNEL_INVITE_USER2', 'SIG_ON_INVITE_FAILED']);
  });

  it("ended by myself: onInviteEndByMyself('') synchronously; callee gets onInviteEndByPeer(extra)", async () => {
    const { out } = await ringing();
    out.channelInviteEnd('cancelled');
    expect(trace.at(-1)).toEqual(['out.onInviteEndByMyself', '']);
    await waitFor(() => only(trace, 'in.onInviteEndByPeer').length === 1);
    expect(only(trace, 'in.')).toEqual([['in.onInviteEndByPeer', 'cancelled']]);
    warnings.expectExactly([...BASE, ...RINGING, 'SIG_CHANNEL_INVITE_END', 'SIG_ON_INVITE_END_BY_MYSELF', 'SIG_ON_INVITE_END_BY_PEER']);
  });
});

describe('reconnect and kick (§7)', () => {
  it('cut socket → state 3 → onLoginSuccess(0) again; the channel is not re-joined', async () => {
    const [a, b, room] = [account('alice'), account('bob'), account('room')];
    const alice = await loggedIn(a, 'a');
    const bob = await loggedIn(b, 'b');
    await joined(bob, room, 'bRoom');
    const aRoom = await joined(alice, room, 'aRoom');
    await waitFor(() => only(trace, 'bRoom.onChannelUserJoined').length === 1);
    trace.length = 0;
    cutter.cut(a);
    await waitFor(() => alice.getStatus() === 3, 'reconnecting');
    expect(alice.line).toBe('');
    await waitFor(() => only(trace, 'a.onLoginSuccess').length === 1, 'second onLoginSuccess', 15_000);
    expect(alice.getStatus()).toBe(2);
    await waitFor(() => only(trace, 'bRoom.onChannelUserLeaved').length === 1);
    expect(only(trace, 'a.')).toEqual([['a.onLoginSuccess', 0]]);
    expect(only(trace, 'aRoom.')).toEqual([]);
    expect(aRoom.state).toBe('joined');
    const again = await joined(alice, room, 'again');
    expect(again.state).toBe('joined');
    await waitFor(() => only(trace, 'bRoom.onChannelUserJoined').length === 1);
    warnings.expectExactly([
      ...BASE, ...JOINED, 'SIG_CHANNEL_STATE', 'SIG_GET_STATUS', 'SIG_ON_CHANNEL_USER_JOINED', 'SIG_ON_CHANNEL_USER_LEAVED', 'SIG_SESSION_LINE',
    ]);
  });

  it('reconnect attempts used up → onLogout(102)', async () => {
    const a = account('alice');
    const alice = await loggedIn(a, 'a', [1, 1]);
    cutter.cut(a);
    await waitFor(() => only(trace, 'a.onLogout').length === 1, 'onLogout');
    expect(trace).toEqual([['a.onLoginSuccess', 0], ['a.onLogout', 102]]);
    expect(alice.getStatus()).toBe(0);
    warnings.expectExactly([...BASE, 'SIG_GET_STATUS', 'SIG_ON_LOGOUT']);
  });

  it('the same account logging in elsewhere → the first session gets onLogout(103)', async () => {
    const a = account('alice');
    const first = await loggedIn(a, 'first');
    await loggedIn(a, 'second');
    await waitFor(() => only(trace, 'first.onLogout').length === 1, 'kick');
    expect(only(trace, 'first.')).toEqual([['first.onLoginSuccess', 0], ['first.onLogout', 103]]);
    expect(first.getStatus()).toBe(0);
    warnings.expectExactly([...BASE, 'SIG_GET_STATUS', 'SIG_ON_LOGOUT']);
  });
});
