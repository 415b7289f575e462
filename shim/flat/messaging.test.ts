/*
 * Flat messages, channels, queries, attributes and invoke against a real server: exact traces with native
 * argument lists, error codes (never texts), and the warnings each feature raises, by ID.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import AgoraRTM from '../../rtm/client/index.js';
import type { RunningServer } from '../../rtm/server/index.js';
import type { ApiId } from '../api-map.js';
import { sleep, WarningLog } from '../test/harness.js';
import { restChannelSender } from './index.js';
import { APP_ID, FlatWorld, REST_SECRET, startTestServer, unique } from './test/world.js';

const ANY_TEXT = expect.any(String) as unknown;
const warnings = new WarningLog();
let server: RunningServer;
let userAttributes = false;
let channelAttributes = false;
const world = new FlatWorld(() => server.url);
const LOGIN: ApiId[] = ['SIG_FLAT_CREATE_AGORA_SDK_INSTANCE', 'SIG_FLAT_LOGIN', 'SIG_FLAT_ON_LOGIN_SUCCESS'];

/** Whether the RTM client has user and channel attributes yet (issue 3 lands them): probed on the real server. */
async function probeAttributes(): Promise<void> {
  const client = AgoraRTM.createInstance(APP_ID, { endpoint: server.url });
  await client.login({ uid: unique('probe'), token: '_no_need_token' });
  userAttributes = await client.addOrUpdateLocalUserAttributes({ probe: '1' }).then(() => true, () => false);
  channelAttributes = await client.addOrUpdateChannelAttributes(unique('probe'), { probe: '1' }).then(() => true, () => false);
  await client.logout();
}

beforeAll(async () => {
  server = await startTestServer();
  await probeAttributes();
});

afterAll(async () => {
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
  warnings.stop();
  vi.restoreAllMocks();
});

describe('peer messages', () => {
  it('onMessageSendSuccess(msgID) once the server has it (offline peers too), generated ids for "", receiver gets (account, 0, msg)', async () => {
    const [a, b] = [unique('alice'), unique('bob')];
    const alice = await world.loggedIn('a', a);
    await world.loggedIn('b', b);
    alice.messageInstantSend(b, 0, 'hello bob', 'm1');
    alice.messageInstantSend(unique('nobody'), 0, 'anyone?', 'm2');
    alice.messageInstantSend2(b, 0, 'second form', 'm3', '{}');
    alice.messageInstantSend(b, 0, 'no id', '');
    await world.waitFor('a', 'onMessageSendSuccess', 4);
    await world.waitFor('b', 'onMessageInstantReceive', 3);
    const ids = world.of('a', 'onMessageSendSuccess').map((entry) => entry[1]);
    expect(ids.slice(0, 3).sort()).toEqual(['m1', 'm2', 'm3']);
    expect(String(ids[3])).toMatch(/^\d{16,}$/);
    expect(world.of('b', 'onMessageInstantReceive').sort()).toEqual(
      [['b.onMessageInstantReceive', a, 0, 'hello bob'], ['b.onMessageInstantReceive', a, 0, 'second form'], ['b.onMessageInstantReceive', a, 0, 'no id']].sort(),
    );
    warnings.expectExactly([...LOGIN, 'SIG_FLAT_MESSAGE_INSTANT_SEND', 'SIG_FLAT_MESSAGE_INSTANT_SEND2', 'SIG_FLAT_ON_MESSAGE_SEND_SUCCESS', 'SIG_FLAT_ON_MESSAGE_INSTANT_RECEIVE']);
  });

  it('onMessageSendError(msgID, 400) for an oversized message, before login, and for unsupported kinds', async () => {
    const early = world.api('e');
    early.messageInstantSend('someone', 0, 'too early', 'e1');
    expect(world.trace).toEqual([]);
    const alice = await world.loggedIn('a', unique('alice'));
    alice.messageInstantSend(unique('bob'), 0, 'x'.repeat(33_000), 'big');
    alice.messageAppSend('app', 'app1');
    alice.messagePushSend('bob', 0, 'push', 'push1');
    alice.messageChatSend('bob', 0, 'chat', 'chat1');
    alice.messageDTMFSend('room', '+100', '1');
    await world.waitFor('a', 'onMessageSendError', 4);
    await world.waitFor('a', 'onError');
    await world.waitFor('e', 'onMessageSendError');
    expect(world.of('e')).toEqual([['e.onMessageSendError', 'e1', 400]]);
    expect(world.of('a', 'onMessageSendError').sort()).toEqual(
      [['a.onMessageSendError', 'big', 400], ['a.onMessageSendError', 'app1', 400], ['a.onMessageSendError', 'push1', 400], ['a.onMessageSendError', 'chat1', 400]].sort(),
    );
    expect(world.of('a', 'onError')).toEqual([['a.onError', 'messageDTMFSend', 1001, ANY_TEXT]]);
    warnings.expectExactly([
      ...LOGIN, 'SIG_FLAT_MESSAGE_INSTANT_SEND', 'SIG_FLAT_ON_MESSAGE_SEND_ERROR', 'SIG_FLAT_MESSAGE_APP_SEND', 'SIG_FLAT_MESSAGE_PUSH_SEND',
      'SIG_FLAT_MESSAGE_CHAT_SEND', 'SIG_FLAT_MESSAGE_DTMF_SEND', 'SIG_FLAT_ON_ERROR',
    ]);
  });
});

describe('channels', () => {
  it('join order, member events, channel messages with the sender receiving its own, send errors', async () => {
    const [a, b] = [unique('alice'), unique('bob')];
    const ch = unique('room');
    const alice = await world.loggedIn('a', a);
    const bob = await world.loggedIn('b', b);
    alice.channelJoin(ch);
    expect(world.of('a', 'onChannel')).toEqual([]);
    await world.waitFor('a', 'onChannelUserList');
    expect(world.of('a', 'onChannel')).toEqual([['a.onChannelJoined', ch], ['a.onChannelUserList', [a], [0]]]);
    await world.joined('b', bob, ch);
    await world.waitFor('a', 'onChannelUserJoined');
    const list = world.of('b', 'onChannelUserList')[0]!;
    expect([...(list[1] as string[])].sort()).toEqual([a, b].sort());
    expect(list[2]).toEqual([0, 0]);
    expect(world.of('a', 'onChannelUserJoined')).toEqual([['a.onChannelUserJoined', b, 0]]);
    bob.messageChannelSend(ch, 'hi all', 'c1');
    bob.messageChannelSend2(ch, 'second form', 'c2', '{}');
    bob.messageChannelSend(unique('elsewhere'), 'lost', 'c3');
    await world.waitFor('a', 'onMessageChannelReceive', 2);
    await world.waitFor('b', 'onMessageChannelReceive', 2);
    await world.waitFor('b', 'onMessageSendError');
    expect(world.of('a', 'onMessageChannelReceive')).toEqual([
      ['a.onMessageChannelReceive', ch, b, 0, 'hi all'],
      ['a.onMessageChannelReceive', ch, b, 0, 'second form'],
    ]);
    expect(world.of('b', 'onMessageSendError')).toEqual([['b.onMessageSendError', 'c3', 400]]);
    expect(world.of('b', 'onMessage').filter((entry) => entry[0] !== 'b.onMessageSendError')).toEqual([
      ['b.onMessageSendSuccess', 'c1'],
      ['b.onMessageChannelReceive', ch, b, 0, 'hi all'],
      ['b.onMessageSendSuccess', 'c2'],
      ['b.onMessageChannelReceive', ch, b, 0, 'second form'],
    ]);
    warnings.expectExactly([
      ...LOGIN, 'SIG_FLAT_CHANNEL_JOIN', 'SIG_FLAT_ON_CHANNEL_JOINED', 'SIG_FLAT_ON_CHANNEL_USER_LIST', 'SIG_FLAT_ON_CHANNEL_USER_JOINED',
      'SIG_FLAT_MESSAGE_CHANNEL_SEND', 'SIG_FLAT_MESSAGE_CHANNEL_SEND2', 'SIG_FLAT_ON_MESSAGE_SEND_SUCCESS', 'SIG_FLAT_ON_MESSAGE_SEND_ERROR',
      'SIG_FLAT_ON_MESSAGE_CHANNEL_RECEIVE',
    ]);
  });

  it('one channel at a time: joining another leaves the first (602); channelLeave (602); logout (603)', async () => {
    const [a, b] = [unique('alice'), unique('bob')];
    const [first, second] = [unique('first'), unique('second')];
    const alice = await world.loggedIn('a', a);
    const bob = await world.loggedIn('b', b);
    await world.joined('b', bob, first);
    await world.joined('a', alice, first);
    await world.joined('a', alice, second);
    await world.waitFor('b', 'onChannelUserLeaved');
    alice.channelLeave(second);
    alice.channelLeave(unique('never-joined'));
    await world.waitFor('a', 'onChannelLeaved', 2);
    bob.logout();
    await world.waitFor('b', 'onLogout');
    expect(world.of('a')).toEqual([
      ['a.onLoginSuccess', 0, 0],
      ['a.onChannelJoined', first],
      ['a.onChannelUserList', expect.arrayContaining([a, b]), [0, 0]],
      ['a.onChannelLeaved', first, 602],
      ['a.onChannelJoined', second],
      ['a.onChannelUserList', [a], [0]],
      ['a.onChannelLeaved', second, 602],
    ]);
    expect(world.of('b')).toEqual([
      ['b.onLoginSuccess', 0, 0],
      ['b.onChannelJoined', first],
      ['b.onChannelUserList', [b], [0]],
      ['b.onChannelUserJoined', a, 0],
      ['b.onChannelUserLeaved', a, 0],
      ['b.onChannelLeaved', first, 603],
      ['b.onLogout', 101],
    ]);
  });

  it('onChannelJoinFailed(ch, 300) before login and for an invalid channel name', async () => {
    const early = world.api('e');
    early.channelJoin('room');
    const alice = await world.loggedIn('a', unique('alice'));
    const bad = 'x'.repeat(65);
    alice.channelJoin(bad);
    await world.waitFor('a', 'onChannelJoinFailed');
    await world.waitFor('e', 'onChannelJoinFailed');
    expect(world.of('e')).toEqual([['e.onChannelJoinFailed', 'room', 300]]);
    expect(world.of('a', 'onChannel')).toEqual([['a.onChannelJoinFailed', bad, 300]]);
  });

  it('messageChannelSendForce: joined → a normal send; not joined → the REST sender; none configured → onMessageSendError(400)', async () => {
    const [a, b] = [unique('alice'), unique('bob')];
    const ch = unique('room');
    const alice = await world.loggedIn('a', a, { forceChannelSend: restChannelSender({ url: server.url, secret: REST_SECRET }) });
    const bob = await world.loggedIn('b', b);
    const mallory = await world.loggedIn('m', unique('mallory'), { forceChannelSend: restChannelSender({ url: server.url, secret: 'wrong' }) });
    await world.joined('b', bob, ch);
    alice.messageChannelSendForce(ch, 'from outside', 'f1');
    await world.waitFor('b', 'onMessageChannelReceive');
    bob.messageChannelSendForce(ch, 'from inside', 'f2');
    bob.messageChannelSendForce(unique('other'), 'no sender', 'f3');
    mallory.messageChannelSendForce(ch, 'bad secret', 'f4');
    await world.waitFor('b', 'onMessageChannelReceive', 2);
    await world.waitFor('b', 'onMessageSendError');
    await world.waitFor('m', 'onMessageSendError');
    await world.waitFor('a', 'onMessageSendSuccess');
    expect(world.of('a', 'onMessage')).toEqual([['a.onMessageSendSuccess', 'f1']]);
    expect(world.of('b', 'onMessageSendError')).toEqual([['b.onMessageSendError', 'f3', 400]]);
    expect(world.of('b', 'onMessage').filter((entry) => entry[0] !== 'b.onMessageSendError')).toEqual([
      ['b.onMessageChannelReceive', ch, a, 0, 'from outside'],
      ['b.onMessageSendSuccess', 'f2'],
      ['b.onMessageChannelReceive', ch, b, 0, 'from inside'],
    ]);
    expect(world.of('m', 'onMessage')).toEqual([['m.onMessageSendError', 'f4', 400]]);
    expect(console.warn).toHaveBeenCalled();
  });
});

describe('queries', () => {
  it('queryUserStatus → (name, "1" | "0"); channelQueryUserNum → (ch, 0, num); channelQueryUserIsIn → (ch, account, 1 | 0)', async () => {
    const [a, b, nobody] = [unique('alice'), unique('bob'), unique('nobody')];
    const ch = unique('room');
    const alice = await world.loggedIn('a', a);
    const bob = await world.loggedIn('b', b);
    await world.joined('a', alice, ch);
    await world.joined('b', bob, ch);
    alice.queryUserStatus(b);
    alice.queryUserStatus(nobody);
    alice.channelQueryUserNum(ch);
    alice.channelQueryUserIsIn(ch, b);
    alice.channelQueryUserIsIn(ch, nobody);
    alice.channelQueryUserIsIn(unique('other'), b);
    await world.waitFor('a', 'onQueryUserStatusResult', 2);
    await world.waitFor('a', 'onChannelQueryUserNumResult');
    await world.waitFor('a', 'onChannelQueryUserIsIn', 2);
    await world.waitFor('a', 'onError');
    expect(world.of('a', 'onQueryUserStatusResult').sort()).toEqual([['a.onQueryUserStatusResult', b, '1'], ['a.onQueryUserStatusResult', nobody, '0']].sort());
    expect(world.of('a', 'onChannelQueryUserNumResult')).toEqual([['a.onChannelQueryUserNumResult', ch, 0, 2]]);
    expect(world.of('a', 'onChannelQueryUserIsIn').sort()).toEqual([['a.onChannelQueryUserIsIn', ch, b, 1], ['a.onChannelQueryUserIsIn', ch, nobody, 0]].sort());
    expect(world.of('a', 'onError')).toEqual([['a.onError', 'channelQueryUserIsIn', 1001, ANY_TEXT]]);
  });

  it('queries before login: onError(name, 1003, desc); channelQueryUserNum → (ch, 500, 0)', async () => {
    const early = world.api('e');
    early.queryUserStatus('bob');
    early.getUserAttr('bob', 'color');
    early.channelQueryUserNum('room');
    await world.waitFor('e', 'onError', 2);
    await world.waitFor('e', 'onChannelQueryUserNumResult');
    expect(world.of('e').sort()).toEqual(
      [['e.onError', 'queryUserStatus', 1003, ANY_TEXT], ['e.onError', 'getUserAttr', 1003, ANY_TEXT], ['e.onChannelQueryUserNumResult', 'room', 500, 0]].sort(),
    );
  });

  it('invoke(name, reqJSON, callID) → onInvokeRet(callID, err, resp JSON)', async () => {
    const [a, b] = [unique('alice'), unique('bob')];
    const ch = unique('room');
    const alice = await world.loggedIn('a', a);
    await world.loggedIn('b', b);
    await world.joined('a', alice, ch);
    alice.invoke('io.agora.signal.user_query_user_status', JSON.stringify({ account: b }), 'q1');
    alice.invoke('channel_query_num', JSON.stringify({ name: ch }), 'q2');
    alice.invoke('io.agora.signal.channel_query_userlist', JSON.stringify({ name: ch }), 'q3');
    alice.invoke('io.agora.signal.channel_query_user_isin', JSON.stringify({ name: ch, account: b }), 'q4');
    alice.invoke('io.agora.signal.voip_invite', '{}', 'q5');
    alice.invoke('io.agora.signal.user_query_user_status', 'not json', 'q6');
    alice.invoke('io.agora.signal.channel_query_userlist', JSON.stringify({ name: unique('other') }), 'q7');
    await world.waitFor('a', 'onInvokeRet', 7);
    const byId: Record<string, unknown> = Object.fromEntries(world.of('a', 'onInvokeRet').map((entry): [string, unknown] => [String(entry[1]), [entry[2], JSON.parse(String(entry[3]))]]));
    expect(byId).toEqual({
      q1: ['', { result: 'ok', account: b, status: 1 }],
      q2: ['', { result: 'ok', name: ch, num: 1 }],
      q3: ['', { result: 'ok', name: ch, num: 1, list: [[a, 0]] }],
      q4: ['', { result: 'ok', name: ch, account: b, isin: 0 }],
      q5: ['unsupported function: voip_invite', { result: 'unsupported function', reason: ANY_TEXT }],
      q6: ['invalid_argument', { result: 'invalid_argument', reason: ANY_TEXT }],
      q7: ['unsupported', { result: 'unsupported', reason: ANY_TEXT }],
    });
    warnings.expectExactly([
      ...LOGIN, 'SIG_FLAT_CHANNEL_JOIN', 'SIG_FLAT_ON_CHANNEL_JOINED', 'SIG_FLAT_ON_CHANNEL_USER_LIST', 'SIG_FLAT_INVOKE', 'SIG_FLAT_ON_INVOKE_RET',
      'SIG_INVOKE_USER_QUERY_USER_STATUS', 'SIG_INVOKE_CHANNEL_QUERY_NUM', 'SIG_INVOKE_CHANNEL_QUERY_USERLIST', 'SIG_INVOKE_CHANNEL_QUERY_USER_ISIN', 'SIG_INVOKE_INTERNAL',
    ]);
  });

  it('invoke before login answers err "not_login"', async () => {
    const early = world.api('e');
    early.invoke('io.agora.signal.user_query_user_status', '{"account":"x"}', 'early');
    await world.waitFor('e', 'onInvokeRet');
    expect(world.of('e')).toEqual([['e.onInvokeRet', 'early', 'not_login', JSON.stringify({ result: 'not_login', reason: 'not logged in' })]]);
  });
});

describe('user attributes', () => {
  it('setAttr / getAttr / getAttrAll / getUserAttr / getUserAttrAll', async () => {
    const [a, b] = [unique('alice'), unique('bob')];
    const alice = await world.loggedIn('a', a);
    const bob = await world.loggedIn('b', b);
    alice.setAttr('color', 'red');
    await sleep(100);
    bob.getUserAttr(a, 'color');
    bob.getUserAttrAll(a);
    alice.getAttr('color');
    alice.getAttrAll();
    if (!userAttributes) {
      await world.waitFor('b', 'onError', 2);
      await world.waitFor('a', 'onError', 3);
      expect(world.of('b', 'onError').sort()).toEqual([['b.onError', 'getUserAttr', 1001, ANY_TEXT], ['b.onError', 'getUserAttrAll', 1001, ANY_TEXT]].sort());
      expect(world.of('a', 'onError').map((entry) => [entry[1], entry[2]]).sort()).toEqual([['getAttr', 1001], ['getAttrAll', 1001], ['setAttr', 1001]]);
      return;
    }
    await world.waitFor('b', 'onUserAttr', 2);
    await world.waitFor('a', 'onUserAttr', 2);
    expect(world.of('b', 'onUserAttr').sort()).toEqual([['b.onUserAttrResult', a, 'color', 'red'], ['b.onUserAttrAllResult', a, '{"color":"red"}']].sort());
    expect(world.of('a', 'onUserAttr').sort()).toEqual([['a.onUserAttrResult', a, 'color', 'red'], ['a.onUserAttrAllResult', a, '{"color":"red"}']].sort());
  });
});

describe('channel attributes', () => {
  it('channelSetAttr / channelDelAttr / channelClearAttr reach every member as (ch, name, value, type) and replay on join', async () => {
    const [a, b, c] = [unique('alice'), unique('bob'), unique('carol')];
    const ch = unique('room');
    const alice = await world.loggedIn('a', a);
    const bob = await world.loggedIn('b', b);
    await world.joined('a', alice, ch);
    await world.joined('b', bob, ch);
    alice.channelSetAttr(ch, 'topic', 'news');
    if (!channelAttributes) {
      await world.waitFor('a', 'onError');
      expect(world.of('a', 'onError')).toEqual([['a.onError', 'channelSetAttr', 1001, ANY_TEXT]]);
      return;
    }
    alice.channelSetAttr(ch, 'mood', 'calm');
    await world.waitFor('b', 'onChannelAttrUpdated', 2);
    const carol = await world.loggedIn('c', c);
    await world.joined('c', carol, ch);
    alice.channelDelAttr(ch, 'mood');
    await world.waitFor('b', 'onChannelAttrUpdated', 3);
    alice.channelClearAttr(ch);
    await world.waitFor('b', 'onChannelAttrUpdated', 4);
    await world.waitFor('a', 'onChannelAttrUpdated', 4);
    const expected = (label: string): unknown[][] => [
      [`${label}.onChannelAttrUpdated`, ch, 'topic', 'news', 'update'],
      [`${label}.onChannelAttrUpdated`, ch, 'mood', 'calm', 'update'],
      [`${label}.onChannelAttrUpdated`, ch, 'mood', '', 'del'],
      [`${label}.onChannelAttrUpdated`, ch, 'topic', '', 'del'],
    ];
    expect(world.of('a', 'onChannelAttrUpdated')).toEqual(expected('a'));
    expect(world.of('b', 'onChannelAttrUpdated')).toEqual(expected('b'));
    expect(world.of('c', 'onChannel').slice(0, 4)).toEqual([
      ['c.onChannelJoined', ch],
      ['c.onChannelUserList', expect.arrayContaining([a, b, c]), [0, 0, 0]],
      ['c.onChannelAttrUpdated', ch, ANY_TEXT, ANY_TEXT, 'update'],
      ['c.onChannelAttrUpdated', ch, ANY_TEXT, ANY_TEXT, 'update'],
    ]);
  });
});
