import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { fakeAgoraRtm, type FakeClient } from './test/fake-rtm.js';
import { transformSource } from './transform-file.js';

/** Converts a legacy script, runs it against a fake RTM client and returns what it logged. */
async function run(legacy: string, configure?: (client: FakeClient) => void): Promise<{ log: unknown[][]; rtm: ReturnType<typeof fakeAgoraRtm>; sandbox: Record<string, unknown> }> {
  const result = transformSource('app.js', legacy, { rtmModule: 'resignal', noPreserve: new Set() });
  expect(result.error).toBeUndefined();
  expect(result.sites.filter((site) => site.status === 'todo')).toEqual([]);
  const log: unknown[][] = [];
  const rtm = fakeAgoraRtm(configure);
  const sandbox: Record<string, unknown> = { AgoraRTM: rtm.AgoraRTM, log: (...args: unknown[]) => log.push(args), console, queueMicrotask, setTimeout, Date };
  runInNewContext(result.output, sandbox);
  await new Promise((resolve) => setTimeout(resolve, 10));
  return { log, rtm, sandbox };
}

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

describe('converted code behaves like the legacy SDK (on a fake RTM client)', () => {
  test('login: onLoginSuccess(0), peer messages with uid 0, messageInstantSend cb(isError)', async () => {
    const { log, rtm, sandbox } = await run(`
      var session = Signal('app').login('alice', '_no_need_token');
      session.onLoginSuccess = function (uid) { log('login', uid); };
      session.onMessageInstantReceive = function (account, uid, msg) { log('peer', account, uid, msg); };
      function send(peer) { session.messageInstantSend(peer, 'hi', function (isError) { log('sent', peer, isError); }); }
    `);
    const client = rtm.clients[0]!;
    expect(client.loginOptions).toEqual({ uid: 'alice' });
    client.emit('MessageFromPeer', { text: 'yo' }, 'bob', { serverReceivedTs: 1 });
    (sandbox.send as (peer: string) => void)('bob');
    (sandbox.send as (peer: string) => void)('nobody');
    await flush();
    expect(log).toEqual([
      ['login', 0],
      ['peer', 'bob', 0, 'yo'],
      ['sent', 'bob', false],
      ['sent', 'nobody', true],
    ]);
  });

  test('login failure gives the legacy code; logout gives onLogout(101)', async () => {
    const rtm = fakeAgoraRtm((client) => (client.failLogin = { name: 'RtmUnauthenticatedError', code: 6 }));
    const legacy = `
      var session = Signal('app').login('alice', 'expired');
      session.onLoginFailed = function (ecode) { log('failed', ecode); };
      session.onLogout = function (ecode) { log('logout', ecode); };
      session.logout();
    `;
    const output = transformSource('app.js', legacy, { rtmModule: 'resignal', noPreserve: new Set() }).output;
    const log: unknown[][] = [];
    runInNewContext(output, { AgoraRTM: rtm.AgoraRTM, log: (...args: unknown[]) => log.push(args), console, queueMicrotask });
    await flush();
    expect(log).toEqual([
      ['failed', 204],
      ['logout', 101],
    ]);
  });

  test('channels: joined, then the member list, own messages echoed, channelLeave(cb) suppresses onChannelLeaved', async () => {
    const { log, rtm, sandbox } = await run(`
      var account = 'me';
      var channel;
      var session = Signal('app').login(account, '_no_need_token');
      session.onLoginSuccess = function () {
        channel = session.channelJoin('room');
        channel.onChannelJoined = function () { log('joined'); };
        channel.onChannelUserList = function (users) { log('users', users); };
        channel.onMessageChannelReceive = function (account, uid, msg) { log('msg', account, uid, msg); };
        channel.onChannelLeaved = function (ecode) { log('left', ecode); };
        channel.onChannelUserJoined = function (account, uid) { log('member', account, uid); };
        say = function (text) { channel.messageChannelSend(text, function () { log('sent', arguments.length); }); };
        leave = function (quiet) { if (quiet) { channel.channelLeave(function () { log('quiet'); }); } else { channel.channelLeave(); } };
      };
      var say, leave;
    `);
    const channel = rtm.clients[0]!.channels[0]!;
    channel.emit('MemberJoined', 'carol');
    channel.emit('ChannelMessage', { text: 'hello' }, 'bob', { serverReceivedTs: 1 });
    (sandbox.say as (text: string) => void)('mine');
    await flush();
    (sandbox.leave as (quiet: boolean) => void)(true);
    await flush();
    (sandbox.leave as (quiet: boolean) => void)(false);
    await flush();
    expect(channel.sent).toEqual(['mine']);
    expect(log).toEqual([
      ['joined'],
      ['users', [['me', 0], ['bob', 0]]],
      ['member', 'carol', 0],
      ['msg', 'bob', 0, 'hello'],
      ['msg', 'me', 0, 'mine'],
      ['sent', 0],
      ['quiet'],
      ['left', 0],
    ]);
  });

  test.each([
    ['RtmInvalidArgumentError', 3, 209],
    ['RtmUnauthenticatedError', 5, 206],
    ['RtmUnauthenticatedError', 3, 206],
    ['RtmTimeoutError', 9, 201],
  ] as const)('a login rejected with %s (code %i) gives onLoginFailed(%i), as the shim reports it', async (name, code, ecode) => {
    const { log } = await run(
      `
      var session = Signal('app').login('alice', '_no_need_token');
      session.onLoginFailed = function (ecode) { log('failed', ecode); };
    `,
      (client) => (client.failLogin = { name, code }),
    );
    expect(log).toEqual([['failed', ecode]]);
  });

  test("a join RTM rejects gives onChannelJoinFailed with the shim's string", async () => {
    const { log } = await run(
      `
      var session = Signal('app').login('alice', '_no_need_token');
      session.onLoginSuccess = function () {
        var channel = session.channelJoin('room');
        channel.onChannelJoined = function () { log('joined'); };
        channel.onChannelJoinFailed = function (err) { log('join failed', err); };
      };
    `,
      (client) => (client.channelOptions.failJoin = { name: 'RtmInvalidArgumentError', code: 1 }),
    );
    expect(log).toEqual([['join failed', 'invalid_argument']]);
  });

  test('channel events that arrive before the member list wait for onChannelUserList, in order', async () => {
    let membersReady = (): void => undefined;
    const { log, rtm } = await run(
      `
      var session = Signal('app').login('me', '_no_need_token');
      session.onLoginSuccess = function () {
        var channel = session.channelJoin('room');
        channel.onChannelJoined = function () { log('joined'); };
        channel.onChannelUserList = function (users) { log('users', users.length); };
        channel.onChannelUserJoined = function (account) { log('member joined', account); };
        channel.onChannelUserLeaved = function (account) { log('member left', account); };
        channel.onMessageChannelReceive = function (account, uid, msg) { log('msg', account, msg); };
      };
    `,
      (client) => {
        client.channelOptions.membersReady = new Promise((resolve) => (membersReady = resolve));
      },
    );
    const channel = rtm.clients[0]!.channels[0]!;
    channel.emit('MemberJoined', 'carol');
    channel.emit('ChannelMessage', { text: 'early' }, 'carol', { serverReceivedTs: 1 });
    channel.emit('MemberLeft', 'carol');
    await flush();
    expect(log).toEqual([['joined']]);
    membersReady();
    await flush();
    channel.emit('ChannelMessage', { text: 'later' }, 'bob', { serverReceivedTs: 2 });
    expect(log).toEqual([['joined'], ['users', 2], ['member joined', 'carol'], ['msg', 'carol', 'early'], ['member left', 'carol'], ['msg', 'bob', 'later']]);
    expect(channel.listenerCount('ChannelMessage')).toBe(1);
  });
});
