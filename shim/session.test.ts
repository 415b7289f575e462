/* Legacy semantics (§11) on an in-memory RTM network: exact callback traces, order and arguments. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_CALLBACKS } from './call.js';
import { CHANNEL_CALLBACKS } from './channel.js';
import type { LegacyCall, LegacyChannel, LegacySession } from './legacy-types.js';
import { Signal } from './signal.js';
import { FakeNetwork, type FakeClient } from './test/fake-rtm.js';
import { only, record, sleep, TRACED_SESSION_CALLBACKS, waitFor, WarningLog, type Trace } from './test/harness.js';

const APP_ID = '0123456789abcdef0123456789abcdef';
const warnings = new WarningLog();
let network: FakeNetwork;
let trace: Trace;

beforeEach(() => {
  warnings.start();
  network = new FakeNetwork();
  trace = [];
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  warnings.stop();
  vi.restoreAllMocks();
});

const signal = () => Signal(APP_ID, { createInstance: network.createInstance });

async function loggedIn(account: string, label = account, reconnect?: [number, number]): Promise<LegacySession> {
  const session = reconnect ? signal().login(account, '_no_need_token', ...reconnect) : signal().login(account, '_no_need_token');
  record(trace, label, session, TRACED_SESSION_CALLBACKS);
  await waitFor(() => trace.some((entry) => entry[0] === `${label}.onLoginSuccess`), `${label} login`);
  return session;
}

async function joined(session: LegacySession, name: string, label: string): Promise<LegacyChannel> {
  const channel = session.channelJoin(name)!;
  record(trace, label, channel, CHANNEL_CALLBACKS);
  await waitFor(() => trace.some((entry) => entry[0] === `${label}.onChannelUserList`), `${label} join`);
  return channel;
}

const clientOf = (account: string): FakeClient => network.clients.get(account)!;

describe('Signal and login', () => {
  it('works with and without new, and reports the legacy version', () => {
    const a = Signal(APP_ID);
    const b = new Signal(APP_ID);
    expect(a.getSDKVersion()).toBe('1.4.3');
    expect(b.getSDKVersion_int()).toBe(1010403000);
    expect(b instanceof Signal).toBe(true);
    warnings.expectExactly(['SIG_SIGNAL', 'SIG_GET_SDK_VERSION', 'SIG_GET_SDK_VERSION_INT']);
  });

  it('returns the session synchronously in state 1, fires nothing inside login(), then onLoginSuccess(0)', async () => {
    const session = signal().login('alice', '_no_need_token');
    record(trace, 'alice', session, TRACED_SESSION_CALLBACKS);
    expect(session.getStatus()).toBe(1);
    expect(trace).toEqual([]);
    await waitFor(() => trace.length > 0);
    expect(trace).toEqual([['alice.onLoginSuccess', 0]]);
    expect([session.getStatus(), session.state, session.uid, session.account]).toEqual([2, 2, 0, 'alice']);
    expect(session.line).not.toBe('');
    warnings.expectExactly([
      'SIG_SIGNAL', 'SIG_LOGIN', 'SIG_GET_STATUS', 'SIG_ON_LOGIN_SUCCESS',
      'SIG_SESSION_STATE', 'SIG_SESSION_UID', 'SIG_SESSION_ACCOUNT', 'SIG_SESSION_LINE',
    ]);
  });

  it('reports login failures with the legacy codes and returns to state 0', async () => {
    network.rejectTokens.set('bad', Object.assign(new Error('bad'), { name: 'RtmUnauthenticatedError', code: 5 }));
    network.rejectTokens.set('old', Object.assign(new Error('old'), { name: 'RtmUnauthenticatedError', code: 6 }));
    const bad = signal().login('alice', 'bad');
    const old = signal().login('bob', 'old');
    const invalid = signal().login('x'.repeat(65), 'token');
    record(trace, 'bad', bad, TRACED_SESSION_CALLBACKS);
    record(trace, 'old', old, TRACED_SESSION_CALLBACKS);
    record(trace, 'invalid', invalid, TRACED_SESSION_CALLBACKS);
    await waitFor(() => trace.length === 3);
    expect(trace).toEqual(expect.arrayContaining([['bad.onLoginFailed', 206], ['old.onLoginFailed', 204], ['invalid.onLoginFailed', 209]]));
    expect([bad.getStatus(), old.getStatus(), invalid.getStatus()]).toEqual([0, 0, 0]);
  });

  it('fails with 201 when no RTM client can be created', async () => {
    const session = Signal(APP_ID, { createInstance: () => { throw new Error('no client'); } }).login('alice', 't');
    record(trace, 'alice', session, TRACED_SESSION_CALLBACKS);
    await waitFor(() => trace.length > 0);
    expect(trace).toEqual([['alice.onLoginFailed', 201]]);
  });

  it('JSON-stringifies a non-string account like 1.4.3', async () => {
    const session = signal().login(42 as unknown as string, 't');
    record(trace, 's', session, TRACED_SESSION_CALLBACKS);
    await waitFor(() => trace.length > 0);
    expect(session.account).toBe('42');
  });

  it('logs and swallows an exception thrown by an app callback', async () => {
    const session = signal().login('alice', 't');
    session.onLoginSuccess = () => { throw new Error('app bug'); };
    await waitFor(() => session.getStatus() === 2);
    await sleep(5);
    expect(console.error).toHaveBeenCalledWith(expect.objectContaining({ message: 'app bug' }));
  });
});

describe('logout', () => {
  it('does nothing while logged in without an onLogout handler', async () => {
    const session = await loggedIn('alice');
    session.onLogout = '';
    session.logout();
    await sleep(20);
    expect(session.getStatus()).toBe(2);
    expect(network.clients.get('alice')?.state).toBe('CONNECTED');
  });

  it('fires onLogout(101) at once and disconnects', async () => {
    const session = await loggedIn('alice');
    session.logout();
    expect(trace).toEqual([['alice.onLoginSuccess', 0], ['alice.onLogout', 101]]);
    expect(session.getStatus()).toBe(0);
    await waitFor(() => !network.clients.has('alice'));
    session.logout();
    expect(only(trace, 'alice.onLogout')).toHaveLength(1);
  });

  it('while logging in: back to 0 with no callback at all', async () => {
    const session = signal().login('alice', 't');
    record(trace, 'alice', session, TRACED_SESSION_CALLBACKS);
    session.logout();
    expect(session.getStatus()).toBe(0);
    await sleep(30);
    expect(trace).toEqual([]);
  });
});

describe('peer messages', () => {
  it('cb(false) on success; the peer gets (account, 0, msg); cb(true) on failure', async () => {
    const alice = await loggedIn('alice');
    await loggedIn('bob');
    const results: unknown[] = [];
    alice.messageInstantSend('bob', 'hello', (isError) => results.push(isError));
    await waitFor(() => results.length === 1 && trace.length === 3);
    expect(results).toEqual([false]);
    expect(only(trace, 'bob.onMessageInstantReceive')).toEqual([['bob.onMessageInstantReceive', 'alice', 0, 'hello']]);
    alice.messageInstantSend('bob', 'x'.repeat(40_000), (isError) => results.push(isError));
    alice.messageInstantSend('nobody', 'hi', (isError) => results.push(isError));
    await waitFor(() => results.length === 3);
    expect(results.slice(1).sort()).toEqual([false, true]);
  });

  it('before login or without a callback: no crash, cb(true)', async () => {
    const session = signal().login('alice', 't');
    const results: unknown[] = [];
    session.messageInstantSend('bob', 'early', (isError) => results.push(isError));
    session.messageInstantSend('bob', 'no cb');
    await waitFor(() => results.length === 1);
    expect(results).toEqual([true]);
  });
});

describe('channels', () => {
  it('returns undefined before login', () => {
    const session = signal().login('alice', 't');
    expect(session.channelJoin('room')).toBeUndefined();
  });

  it('join order: joined → user list → attribute replay; never inside channelJoin()', async () => {
    const bob = await loggedIn('bob');
    await joined(bob, 'room', 'bobRoom');
    network.channelAttributes.set('room', new Map([['topic', 'cats'], ['mode', 'quiet']]));
    const alice = await loggedIn('alice');
    trace.length = 0;
    const channel = alice.channelJoin('room')!;
    record(trace, 'room', channel, CHANNEL_CALLBACKS);
    expect(channel.state).toBe('joining');
    expect(trace).toEqual([]);
    await waitFor(() => only(trace, 'room.').length === 4);
    expect(only(trace, 'room.')).toEqual([
      ['room.onChannelJoined'],
      ['room.onChannelUserList', [['bob', 0], ['alice', 0]]],
      ['room.onChannelAttrUpdated', 'topic', 'cats', 'update'],
      ['room.onChannelAttrUpdated', 'mode', 'quiet', 'update'],
    ]);
    expect(only(trace, 'bobRoom.')).toEqual([['bobRoom.onChannelUserJoined', 'alice', 0]]);
    expect([channel.state, channel.name]).toEqual(['joined', 'room']);
  });

  it('delivers the sender its own channel message, then calls cb() with no arguments', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const aliceRoom = await joined(alice, 'room', 'aliceRoom');
    await joined(bob, 'room', 'bobRoom');
    trace.length = 0;
    aliceRoom.messageChannelSend('hi all', (...args: unknown[]) => trace.push(['sendCb', ...args]));
    await waitFor(() => trace.length === 3);
    expect(only(trace, 'aliceRoom.').concat(only(trace, 'sendCb'))).toEqual([['aliceRoom.onMessageChannelReceive', 'alice', 0, 'hi all'], ['sendCb']]);
    expect(trace.indexOf(only(trace, 'sendCb')[0]!)).toBeGreaterThan(trace.indexOf(only(trace, 'aliceRoom.')[0]!));
    expect(only(trace, 'bobRoom.')).toEqual([['bobRoom.onMessageChannelReceive', 'alice', 0, 'hi all']]);
    expect(aliceRoom.m_channel_msgid).toBe(1);
  });

  it('channelLeave(cb) suppresses onChannelLeaved; without a cb it fires onChannelLeaved(0)', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const bobRoom = await joined(bob, 'room', 'bobRoom');
    const aliceRoom = await joined(alice, 'room', 'aliceRoom');
    trace.length = 0;
    aliceRoom.channelLeave(() => trace.push(['leaveCb']));
    await waitFor(() => trace.length >= 2);
    await sleep(10);
    expect(trace).toEqual(expect.arrayContaining([['leaveCb'], ['bobRoom.onChannelUserLeaved', 'alice', 0]]));
    expect(aliceRoom.state).toBe('leaved');
    trace.length = 0;
    bobRoom.channelLeave();
    await waitFor(() => trace.length === 1);
    expect(trace).toEqual([['bobRoom.onChannelLeaved', 0]]);
  });

  it('keeps one channel per session: a second channelJoin silently leaves the first', async () => {
    const alice = await loggedIn('alice');
    const first = await joined(alice, 'one', 'one');
    const second = await joined(alice, 'two', 'two');
    expect(network.members('one')).toEqual([]);
    expect(network.members('two')).toEqual(['alice']);
    expect(only(trace, 'one.onChannelLeaved')).toEqual([]);
    expect(first.state).toBe('joined');
    expect(second.state).toBe('joined');
  });

  it('channel attributes: update/del/clear reach every member, the writer included; cbs get no arguments, on failure too', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const aliceRoom = await joined(alice, 'room', 'a');
    await joined(bob, 'room', 'b');
    trace.length = 0;
    const cbs: unknown[][] = [];
    aliceRoom.channelSetAttr('k', 'v', (...args: unknown[]) => cbs.push(['set', ...args]));
    await waitFor(() => cbs.length === 1 && trace.length === 2);
    aliceRoom.channelDelAttr('k', (...args: unknown[]) => cbs.push(['del', ...args]));
    await waitFor(() => cbs.length === 2 && trace.length === 4);
    aliceRoom.channelSetAttr('x', '1');
    await waitFor(() => trace.length === 6);
    aliceRoom.channelSetAttr('y', '2');
    await waitFor(() => trace.length === 8);
    aliceRoom.channelClearAttr((...args: unknown[]) => cbs.push(['clear', ...args]));
    await waitFor(() => cbs.length === 3 && trace.length === 10);
    aliceRoom.channelSetAttr('bad', '', (...args: unknown[]) => cbs.push(['failed', ...args]));
    await waitFor(() => cbs.length === 4);
    expect(cbs).toEqual([['set'], ['del'], ['clear'], ['failed']]);
    for (const who of ['a', 'b']) {
      expect(only(trace, `${who}.`)).toEqual([
        [`${who}.onChannelAttrUpdated`, 'k', 'v', 'update'],
        [`${who}.onChannelAttrUpdated`, 'k', '', 'del'],
        [`${who}.onChannelAttrUpdated`, 'x', '1', 'update'],
        [`${who}.onChannelAttrUpdated`, 'y', '2', 'update'],
        [`${who}.onChannelAttrUpdated`, '', '', 'clear'],
      ]);
    }
  });
});

describe('invoke', () => {
  it('query_user_status: mutates args with line, err === "" and the result fields', async () => {
    const alice = await loggedIn('alice');
    await loggedIn('bob');
    const args: Record<string, unknown> = { account: 'bob' };
    const replies: unknown[][] = [];
    alice.invoke('io.agora.signal.user_query_user_status', args, (err, ret) => replies.push([err, ret]));
    expect(args['line']).toBe(alice.line);
    alice.invoke('io.agora.signal.user_query_user_status', { account: 'nobody' }, (err, ret) => replies.push([err, ret]));
    await waitFor(() => replies.length === 2);
    expect(replies).toEqual([
      ['', { result: 'ok', account: 'bob', status: 1 }],
      ['', { result: 'ok', account: 'nobody', status: 0 }],
    ]);
    warnings.expectExactly([
      'SIG_SIGNAL', 'SIG_LOGIN', 'SIG_ON_LOGIN_SUCCESS', 'SIG_INVOKE', 'SIG_INVOKE_USER_QUERY_USER_STATUS', 'SIG_SESSION_LINE',
    ]);
  });

  it('ignores other prefixes, rejects internal RPCs, and fails before login', async () => {
    const alice = await loggedIn('alice');
    const replies: unknown[][] = [];
    alice.invoke('user_query_user_status', { account: 'x' }, (err, ret) => replies.push(['ignored?', err, ret]));
    alice.invoke('io.agora.signal.user_sendmsg', {}, (err, ret) => replies.push([err, ret]));
    const early = signal().login('carol', 't');
    early.invoke('io.agora.signal.channel_query_num', { name: 'room' }, (err, ret) => replies.push([err, ret]));
    await waitFor(() => replies.length === 2);
    await sleep(10);
    expect(replies).toEqual(expect.arrayContaining([
      ['unsupported function: user_sendmsg', { result: 'unsupported function', reason: 'io.agora.signal.user_sendmsg is an internal legacy RPC' }],
      ['not_login', { result: 'not_login', reason: 'the session is not logged in' }],
    ]));
  });

  it('answers channel and attribute queries with their legacy result fields', async () => {
    const alice = await loggedIn('alice');
    const room = await joined(alice, 'room', 'room');
    const call = (func: string, args: Record<string, unknown>) =>
      new Promise<unknown[]>((resolve) => alice.invoke(`io.agora.signal.${func}`, args, (err, ret) => resolve([err, ret])));
    expect(await call('channel_query_num', { name: 'room' })).toEqual(['', { result: 'ok', name: 'room', num: 1 }]);
    expect(await call('channel_query_user_isin', { name: 'room', account: 'alice' })).toEqual(['', { result: 'ok', name: 'room', account: 'alice', isin: 1 }]);
    expect(await call('channel_query_userlist', { name: 'room' })).toEqual(['', { result: 'ok', name: 'room', num: 1, list: [['alice', 0]] }]);
    expect((await call('channel_query_userlist', { name: 'elsewhere' }))[0]).toBe('unsupported');
    expect(await call('user_set_attr', { name: 'color', value: 'red' })).toEqual(['', { result: 'ok' }]);
    expect(await call('user_get_attr', { account: 'alice', name: 'color' })).toEqual(['', { result: 'ok', account: 'alice', name: 'color', value: 'red' }]);
    expect((await call('user_get_attr_all', { account: 'alice' }))[0]).toBe('unsupported');
    expect(await call('channel_set_attr', { channel: 'room', name: 'n', value: 'v' })).toEqual(['', { result: 'ok' }]);
    await waitFor(() => only(trace, 'room.onChannelAttrUpdated').length === 1);
    expect(only(trace, 'room.onChannelAttrUpdated')).toEqual([['room.onChannelAttrUpdated', 'n', 'v', 'update']]);
    expect(room.state).toBe('joined');
  });
});

describe('calls', () => {
  async function ringing(extra = '{"v":1}'): Promise<{ out: LegacyCall; incoming: LegacyCall }> {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    let incoming: LegacyCall | undefined;
    bob.onInviteReceived = (call) => {
      incoming = call;
      trace.push(['bob.onInviteReceived', call.channelName, call.peer, call.extra]);
      record(trace, 'in', call, CALL_CALLBACKS);
    };
    const out = alice.channelInviteUser2('room', 'bob', extra);
    record(trace, 'out', out, CALL_CALLBACKS);
    await waitFor(() => incoming !== undefined && only(trace, 'out.onInviteReceivedByPeer').length === 1);
    return { out, incoming: incoming! };
  }

  it('callee auto-acks; accept reaches the caller; accepting does not join', async () => {
    const { out, incoming } = await ringing();
    expect(trace.slice(2)).toEqual([['bob.onInviteReceived', 'room', 'alice', '{"v":1}'], ['out.onInviteReceivedByPeer', '']]);
    incoming.channelInviteAccept('{"ok":true}');
    await waitFor(() => only(trace, 'out.onInviteAcceptedByPeer').length === 1);
    expect(only(trace, 'out.')).toEqual([['out.onInviteReceivedByPeer', ''], ['out.onInviteAcceptedByPeer', '{"ok":true}']]);
    expect(network.members('room')).toEqual([]);
    expect([out.channelName, out.peer, out.extra]).toEqual(['room', 'bob', '{"v":1}']);
  });

  it('refuse reaches the caller with its extra', async () => {
    const { incoming } = await ringing();
    incoming.channelInviteRefuse('{"status":1}');
    await waitFor(() => only(trace, 'out.onInviteRefusedByPeer').length === 1);
    expect(only(trace, 'out.onInviteRefusedByPeer')).toEqual([['out.onInviteRefusedByPeer', '{"status":1}']]);
  });

  it("channelInviteEnd fires onInviteEndByMyself('') synchronously; the callee gets onInviteEndByPeer(extra)", async () => {
    const { out } = await ringing();
    out.channelInviteEnd('bye');
    expect(trace.at(-1)).toEqual(['out.onInviteEndByMyself', '']);
    await waitFor(() => only(trace, 'in.onInviteEndByPeer').length === 1);
    expect(only(trace, 'in.')).toEqual([['in.onInviteEndByPeer', 'bye']]);
  });

  it('hang-up after accept, from either side, reaches the peer', async () => {
    const { out, incoming } = await ringing();
    incoming.channelInviteAccept('');
    await waitFor(() => only(trace, 'out.onInviteAcceptedByPeer').length === 1);
    incoming.channelInviteEnd('{"reason":"done"}');
    expect(trace.at(-1)).toEqual(['in.onInviteEndByMyself', '']);
    await waitFor(() => only(trace, 'out.onInviteEndByPeer').length === 1);
    expect(only(trace, 'out.onInviteEndByPeer')).toEqual([['out.onInviteEndByPeer', '{"reason":"done"}']]);
    out.channelInviteEnd();
    expect(trace.at(-1)).toEqual(['out.onInviteEndByMyself', '']);
    expect(only(trace, 'alice.onMessageInstantReceive').concat(only(trace, 'bob.onMessageInstantReceive'))).toEqual([]);
  });

  it('an offline callee fails the call with JSON extra', async () => {
    const alice = await loggedIn('alice');
    const out = alice.channelInviteUser2('room', 'nobody', '{"_require_peer_online":1}');
    record(trace, 'out', out, CALL_CALLBACKS);
    await waitFor(() => only(trace, 'out.').length === 1);
    expect(only(trace, 'out.')).toEqual([['out.onInviteFailed', '{"reason":"PEER_OFFLINE","ecode":703}']]);
  });

  it('DTMF reaches the peer\'s Call as onInviteMsg(extra) with the legacy JSON extra, and fails nothing', async () => {
    const { out, incoming } = await ringing();
    out.channelInviteDTMF('1');
    await waitFor(() => only(trace, 'in.onInviteMsg').length === 1);
    incoming.channelInviteDTMF('#');
    await waitFor(() => only(trace, 'out.onInviteMsg').length === 1);
    expect(only(trace, 'in.')).toEqual([['in.onInviteMsg', '{"msgtype":"dtmf","msgdata":"1"}']]);
    expect(only(trace, 'out.')).toEqual([['out.onInviteReceivedByPeer', ''], ['out.onInviteMsg', '{"msgtype":"dtmf","msgdata":"#"}']]);
  });
});

describe('reconnect and kick', () => {
  it('1.4.x: state 3 while reconnecting, onLoginSuccess again afterwards, old channel left and not re-joined', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    await joined(bob, 'room', 'bobRoom');
    const room = await joined(alice, 'room', 'room');
    trace.length = 0;
    clientOf('alice').interrupt();
    expect([alice.getStatus(), alice.line]).toEqual([3, '']);
    clientOf('alice').resume();
    await waitFor(() => trace.some((entry) => entry[0] === 'alice.onLoginSuccess'));
    expect(alice.getStatus()).toBe(2);
    expect(trace).toEqual([['bobRoom.onChannelUserLeaved', 'alice', 0], ['alice.onLoginSuccess', 0]]);
    expect(room.state).toBe('joined');
    expect(network.members('room')).toEqual(['bob']);
    await joined(alice, 'room', 'again');
    expect(network.members('room').sort()).toEqual(['alice', 'bob']);
  });

  it('gives up with onLogout(102) when the reconnect budget is used up', async () => {
    const alice = await loggedIn('alice', 'alice', [10, 30]);
    clientOf('alice').interrupt();
    await waitFor(() => trace.length === 2);
    expect(trace).toEqual([['alice.onLoginSuccess', 0], ['alice.onLogout', 102]]);
    expect(alice.getStatus()).toBe(0);
  });

  it('a second drop after a reconnect is budgeted afresh: one more onLoginSuccess, then onLogout(102) once', async () => {
    const alice = await loggedIn('alice', 'alice', [10, 40]);
    clientOf('alice').interrupt();
    clientOf('alice').resume();
    await waitFor(() => only(trace, 'alice.onLoginSuccess').length === 2);
    clientOf('alice').interrupt();
    await waitFor(() => only(trace, 'alice.onLogout').length === 1);
    await sleep(60);
    expect(trace).toEqual([['alice.onLoginSuccess', 0], ['alice.onLoginSuccess', 0], ['alice.onLogout', 102]]);
    expect(alice.getStatus()).toBe(0);
  });

  it('reconnect_count 0 gives up at once', async () => {
    await loggedIn('alice', 'alice', [0, 300_000]);
    clientOf('alice').interrupt();
    expect(trace).toEqual([['alice.onLoginSuccess', 0], ['alice.onLogout', 102]]);
  });

  it('logout() while reconnecting does nothing (1.4.3)', async () => {
    const alice = await loggedIn('alice');
    clientOf('alice').interrupt();
    alice.logout();
    expect(alice.getStatus()).toBe(3);
  });

  it('the same account logging in elsewhere kicks the first session with onLogout(103)', async () => {
    const first = await loggedIn('alice', 'first');
    await loggedIn('alice', 'second');
    await waitFor(() => only(trace, 'first.onLogout').length === 1);
    expect(only(trace, 'first.')).toEqual([['first.onLoginSuccess', 0], ['first.onLogout', 103]]);
    expect(first.getStatus()).toBe(0);
  });
});

describe('listeners and life cycle', () => {
  it('never leaks RTM listeners: one set per object whatever the app reassigns, all dropped when it ends', async () => {
    const alice = await loggedIn('alice');
    const client = clientOf('alice');
    const counts = () => ['ConnectionStateChanged', 'MessageFromPeer', 'RemoteInvitationReceived'].map((event) => client.listenerCount(event));
    expect(counts()).toEqual([1, 1, 1]);
    for (let i = 0; i < 50; i += 1) record(trace, `r${i}`, alice, TRACED_SESSION_CALLBACKS);
    expect(counts()).toEqual([1, 1, 1]);
    const room = await joined(alice, 'room', 'room');
    const rtmChannel = [...client.joined][0]!;
    for (let i = 0; i < 50; i += 1) record(trace, `c${i}`, room, CHANNEL_CALLBACKS);
    expect(['ChannelMessage', 'MemberJoined', 'MemberLeft', 'AttributesUpdated'].map((event) => rtmChannel.listenerCount(event))).toEqual([1, 1, 1, 1]);
    room.channelLeave(() => undefined);
    await waitFor(() => room.state === 'leaved');
    expect(rtmChannel.eventNames()).toEqual([]);
    alice.logout();
    expect(counts()).toEqual([0, 0, 0]);
  });

  it('never fires inside channelJoin(), even when the channel is rejected at once', async () => {
    const alice = await loggedIn('alice');
    const client = clientOf('alice');
    client.createChannel = () => {
      throw Object.assign(new Error('bad id'), { name: 'RtmInvalidArgumentError', code: 1 });
    };
    trace.length = 0;
    const room = alice.channelJoin('room')!;
    expect(trace).toEqual([]);
    record(trace, 'room', room, CHANNEL_CALLBACKS);
    await waitFor(() => trace.length === 1);
    expect(trace).toEqual([['room.onChannelJoinFailed', 'invalid_argument']]);
    expect(room.state).toBe('leaved');
  });

  it('session.dbg = true (≤1.3.0) and setDoLog switch the debug log on', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const s = signal();
    s.setDoLog(true, 'DEBUG');
    const session = s.login('alice', 't');
    await waitFor(() => session.getStatus() === 2);
    expect(log).toHaveBeenCalledWith('Agora sig dbg :', 'login', 'alice');
    s.setDoLog(false);
    (session as unknown as { dbg: boolean }).dbg = true;
    expect((session as unknown as { dbg: boolean }).dbg).toBe(true);
  });
});

describe('clients that throw synchronously', () => {
  it('never lets a synchronous RTM throw escape into the app', async () => {
    const alice = await loggedIn('alice');
    const client = clientOf('alice');
    const fail = () => {
      throw Object.assign(new Error('sync'), { name: 'RtmInvalidArgumentError', code: 3 });
    };
    client.sendMessageToPeer = fail;
    client.queryPeersOnlineStatus = fail;
    const results: unknown[] = [];
    expect(() => alice.messageInstantSend('bob', 'x', (isError) => results.push(isError))).not.toThrow();
    expect(() => alice.invoke('io.agora.signal.user_query_user_status', { account: 'bob' }, (err) => results.push(err))).not.toThrow();
    const call = alice.channelInviteUser2('room', 'bob', '{"_require_peer_online":1}');
    call.onInviteFailed = (extra) => results.push(JSON.parse(extra));
    await waitFor(() => results.length === 3);
    expect(results).toEqual(expect.arrayContaining([true, 'invalid_argument', { reason: 'invalid_argument', ecode: 700 }]));

    const throwing = Signal(APP_ID, {
      createInstance: (appId) => Object.assign(network.createInstance(appId), { login: fail }),
    }).login('carol', 't');
    record(trace, 'carol', throwing, TRACED_SESSION_CALLBACKS);
    await waitFor(() => only(trace, 'carol.').length === 1);
    expect(only(trace, 'carol.')).toEqual([['carol.onLoginFailed', 209]]);
  });
});
