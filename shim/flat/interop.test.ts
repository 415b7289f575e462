/*
 * Mixed fleet on one real server: a flat-API user, a Web-API user (the Web shim's `Signal`) and a native RTM
 * user reach each other with peer messages, share a channel, and invite each other.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import AgoraRTM, { type LocalInvitation, type RemoteInvitation, type RtmChannel, type RtmClient } from '../../rtm/client/index.js';
import type { RunningServer } from '../../rtm/server/index.js';
import { CALL_CALLBACKS } from '../call.js';
import { CHANNEL_CALLBACKS } from '../channel.js';
import type { LegacyCall, LegacySession } from '../legacy-types.js';
import { Signal } from '../signal.js';
import { only, record, TRACED_SESSION_CALLBACKS, waitFor, WarningLog, type Trace } from '../test/harness.js';
import type { AgoraAPI } from './factory.js';
import { APP_ID, FlatWorld, startTestServer, unique } from './test/world.js';

const warnings = new WarningLog();
let server: RunningServer;
const world = new FlatWorld(() => server.url);
let natives: RtmClient[] = [];
const sessions: LegacySession[] = [];

beforeAll(async () => {
  server = await startTestServer();
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
  for (const session of sessions.splice(0)) {
    session.onLogout = () => undefined;
    session.logout();
  }
  for (const client of natives.splice(0)) await client.logout().catch(() => undefined);
  natives = [];
  warnings.stop();
  vi.restoreAllMocks();
});

interface Fleet {
  f: string;
  w: string;
  n: string;
  flat: AgoraAPI;
  web: LegacySession;
  native: RtmClient;
  trace: Trace;
}

/** f = flat user, w = Web-shim user, n = native RTM user; the Web and native events go to world.trace too. */
async function fleet(): Promise<Fleet> {
  const [f, w, n] = [unique('flat'), unique('web'), unique('native')];
  const trace = world.trace;
  const flat = await world.loggedIn('f', f);
  const web = Signal(APP_ID, { endpoint: server.url }).login(w, '_no_need_token');
  sessions.push(web);
  record(trace, 'w', web, TRACED_SESSION_CALLBACKS);
  const native = AgoraRTM.createInstance(APP_ID, { endpoint: server.url });
  natives.push(native);
  native.on('MessageFromPeer', (message, peerId) => trace.push(['n.MessageFromPeer', message.text, peerId]));
  await native.login({ uid: n, token: '_no_need_token' });
  await waitFor(() => only(trace, 'w.onLoginSuccess').length === 1, 'web login');
  return { f, w, n, flat, web, native, trace };
}

describe('flat ↔ Web ↔ native RTM', () => {
  it('peer messages cross all three', async () => {
    const { f, w, n, flat, web, native, trace } = await fleet();
    flat.messageInstantSend(w, 0, 'flat→web', 'p1');
    flat.messageInstantSend(n, 0, 'flat→native', 'p2');
    web.messageInstantSend(f, 'web→flat');
    await native.sendMessageToPeer({ text: 'native→flat' }, f);
    await native.sendMessageToPeer({ text: 'native→web' }, w);
    web.messageInstantSend(n, 'web→native');
    await waitFor(() => only(trace, 'f.onMessageInstantReceive').length === 2 && only(trace, 'w.onMessageInstantReceive').length === 2 && only(trace, 'n.').length === 2);
    expect(only(trace, 'f.onMessageInstantReceive').sort()).toEqual([['f.onMessageInstantReceive', w, 0, 'web→flat'], ['f.onMessageInstantReceive', n, 0, 'native→flat']].sort());
    expect(only(trace, 'w.onMessageInstantReceive').sort()).toEqual([['w.onMessageInstantReceive', f, 0, 'flat→web'], ['w.onMessageInstantReceive', n, 0, 'native→web']].sort());
    expect(only(trace, 'n.').sort()).toEqual([['n.MessageFromPeer', 'flat→native', f], ['n.MessageFromPeer', 'web→native', w]].sort());
    await world.waitFor('f', 'onMessageSendSuccess', 2);
    expect(only(trace, 'f.onMessageSend').sort()).toEqual([['f.onMessageSendSuccess', 'p1'], ['f.onMessageSendSuccess', 'p2']]);
    warnings.expectExactly([
      'SIG_FLAT_CREATE_AGORA_SDK_INSTANCE', 'SIG_FLAT_LOGIN', 'SIG_FLAT_ON_LOGIN_SUCCESS', 'SIG_FLAT_MESSAGE_INSTANT_SEND', 'SIG_FLAT_ON_MESSAGE_SEND_SUCCESS',
      'SIG_FLAT_ON_MESSAGE_INSTANT_RECEIVE', 'SIG_SIGNAL', 'SIG_LOGIN', 'SIG_ON_LOGIN_SUCCESS', 'SIG_MESSAGE_INSTANT_SEND', 'SIG_ON_MESSAGE_INSTANT_RECEIVE',
    ]);
  });

  it('one channel: member events and messages reach every user', async () => {
    const { f, w, n, flat, web, native, trace } = await fleet();
    const ch = unique('room');
    await world.joined('f', flat, ch);
    const channel = web.channelJoin(ch)!;
    record(trace, 'wc', channel, CHANNEL_CALLBACKS);
    await waitFor(() => only(trace, 'wc.onChannelUserList').length === 1, 'web join');
    const rtmChannel: RtmChannel = native.createChannel(ch);
    rtmChannel.on('ChannelMessage', (message, memberId) => trace.push(['nc.ChannelMessage', message.text, memberId]));
    rtmChannel.on('MemberJoined', (memberId) => trace.push(['nc.MemberJoined', memberId]));
    await rtmChannel.join();
    await world.waitFor('f', 'onChannelUserJoined', 2);
    flat.messageChannelSend(ch, 'from flat', 'c1');
    await waitFor(() => only(trace, 'wc.onMessageChannelReceive').length === 1 && only(trace, 'nc.ChannelMessage').length === 1, 'flat message');
    channel.messageChannelSend('from web');
    await waitFor(() => only(trace, 'nc.ChannelMessage').length === 2, 'web message');
    await rtmChannel.sendMessage({ text: 'from native' });
    await waitFor(() => only(trace, 'f.onMessageChannelReceive').length === 3 && only(trace, 'wc.onMessageChannelReceive').length === 3, 'native message');
    expect(only(trace, 'f.onChannelUserJoined')).toEqual([['f.onChannelUserJoined', w, 0], ['f.onChannelUserJoined', n, 0]]);
    expect(only(trace, 'wc.onChannelUserJoined')).toEqual([['wc.onChannelUserJoined', n, 0]]);
    expect(only(trace, 'wc.onChannelUserList')).toEqual([['wc.onChannelUserList', expect.arrayContaining([[f, 0], [w, 0]])]]);
    expect(only(trace, 'f.onMessageChannelReceive')).toEqual([
      ['f.onMessageChannelReceive', ch, f, 0, 'from flat'],
      ['f.onMessageChannelReceive', ch, w, 0, 'from web'],
      ['f.onMessageChannelReceive', ch, n, 0, 'from native'],
    ]);
    expect(only(trace, 'wc.onMessageChannelReceive')).toEqual([
      ['wc.onMessageChannelReceive', f, 0, 'from flat'],
      ['wc.onMessageChannelReceive', w, 0, 'from web'],
      ['wc.onMessageChannelReceive', n, 0, 'from native'],
    ]);
    expect(only(trace, 'nc.ChannelMessage')).toEqual([['nc.ChannelMessage', 'from flat', f], ['nc.ChannelMessage', 'from web', w]]);
    await rtmChannel.leave();
    await world.waitFor('f', 'onChannelUserLeaved');
    expect(only(trace, 'f.onChannelUserLeaved')).toEqual([['f.onChannelUserLeaved', n, 0]]);
  });

  it('invitations: flat → Web (accepted, then hung up by the Web callee) and Web → flat (refused)', async () => {
    const { f, w, flat, web, trace } = await fleet();
    const ch = unique('call');
    let incoming: LegacyCall | undefined;
    web.onInviteReceived = (call) => {
      incoming = call;
      record(trace, 'wi', call, CALL_CALLBACKS);
      trace.push(['w.onInviteReceived', call.channelName, call.peer, call.extra]);
    };
    flat.channelInviteUser2(ch, w, '{"from":"flat"}');
    await waitFor(() => incoming !== undefined, 'web receives');
    await world.waitFor('f', 'onInviteReceivedByPeer');
    incoming!.channelInviteAccept('{"ok":true}');
    await world.waitFor('f', 'onInviteAcceptedByPeer');
    incoming!.channelInviteEnd('bye');
    await world.waitFor('f', 'onInviteEndByPeer');
    expect(only(trace, 'f.onInvite')).toEqual([
      ['f.onInviteReceivedByPeer', ch, w, 0],
      ['f.onInviteAcceptedByPeer', ch, w, 0, '{"ok":true}'],
      ['f.onInviteEndByPeer', ch, w, 0, 'bye'],
    ]);
    expect(only(trace, 'w.onInviteReceived')).toEqual([['w.onInviteReceived', ch, f, '{"from":"flat"}']]);
    const back = unique('call');
    const call = web.channelInviteUser2(back, f, '{"from":"web"}');
    record(trace, 'wo', call, CALL_CALLBACKS);
    await world.waitFor('f', 'onInviteReceived');
    flat.channelInviteRefuse(back, w, 0, '{"status":1}');
    await waitFor(() => only(trace, 'wo.onInviteRefusedByPeer').length === 1, 'web refused');
    expect(only(trace, 'wo.')).toEqual([['wo.onInviteReceivedByPeer', ''], ['wo.onInviteRefusedByPeer', '{"status":1}']]);
    expect(world.of('f', 'onInviteReceived')).toEqual([['f.onInviteReceived', back, w, 0, '{"from":"web"}']]);
  });

  it('DTMF between Web and flat calls: the flat peer gets onInviteMsg(ch, account, 0, "dtmf", digits, extra), the Web peer onInviteMsg(extra)', async () => {
    const { f, w, flat, web, trace } = await fleet();
    const ch = unique('call');
    const out = web.channelInviteUser2(ch, f, '');
    record(trace, 'wo', out, CALL_CALLBACKS);
    await world.waitFor('f', 'onInviteReceived');
    out.channelInviteDTMF('1#');
    await world.waitFor('f', 'onInviteMsg');
    flat.channelInviteAccept(ch, w, 0, '');
    await waitFor(() => only(trace, 'wo.onInviteAcceptedByPeer').length === 1, 'web accepted');
    out.channelInviteDTMF('*');
    await world.waitFor('f', 'onInviteMsg', 2);
    expect(world.of('f', 'onInviteMsg')).toEqual([
      ['f.onInviteMsg', ch, w, 0, 'dtmf', '1#', '{"msgtype":"dtmf","msgdata":"1#"}'],
      ['f.onInviteMsg', ch, w, 0, 'dtmf', '*', '{"msgtype":"dtmf","msgdata":"*"}'],
    ]);
    const back = unique('call');
    let incoming: LegacyCall | undefined;
    web.onInviteReceived = (call) => {
      incoming = call;
      record(trace, 'wi', call, CALL_CALLBACKS);
    };
    flat.channelInviteUser2(back, w, '');
    await waitFor(() => incoming !== undefined, 'web receives');
    incoming!.channelInviteDTMF('0');
    await world.waitFor('f', 'onInviteMsg', 3);
    expect(world.of('f', 'onInviteMsg')[2]).toEqual(['f.onInviteMsg', back, w, 0, 'dtmf', '0', '{"msgtype":"dtmf","msgdata":"0"}']);
    expect(only(trace, 'f.onMessageInstantReceive')).toEqual([]);
    // The flat channelInviteDTMF(ch, phoneNum, dtmf) is a phone-line call: it stays unsupported and sends nothing.
    flat.channelInviteDTMF(back, w, '5');
    await world.waitFor('f', 'onInviteFailed');
    expect(world.of('f', 'onInviteFailed')).toEqual([['f.onInviteFailed', back, w, 0, 700, expect.any(String) as unknown]]);
    expect(only(trace, 'wi.')).toEqual([]);
    expect(warnings.ids).toContain('SIG_FLAT_ON_INVITE_MSG');
  });

  it('invitations: native → flat (accepted, then cancelled by RTM end-call text) and flat → native (cancelled while ringing)', async () => {
    const { f, n, flat, native, trace } = await fleet();
    const ch = unique('call');
    const local: LocalInvitation = native.createLocalInvitation(f);
    local.channelId = ch;
    local.content = 'from native';
    local.on('LocalInvitationReceivedByPeer', () => trace.push(['nl.ReceivedByPeer']));
    local.on('LocalInvitationAccepted', (response) => trace.push(['nl.Accepted', response]));
    local.send();
    await world.waitFor('f', 'onInviteReceived');
    flat.channelInviteAccept(ch, n, 0, 'sure');
    await waitFor(() => only(trace, 'nl.Accepted').length === 1, 'native accepted');
    await native.sendMessageToPeer({ text: `${AgoraRTM.END_CALL_PREFIX}_${ch}_done` }, f);
    await world.waitFor('f', 'onInviteEndByPeer');
    expect(only(trace, 'nl.')).toEqual([['nl.ReceivedByPeer'], ['nl.Accepted', 'sure']]);
    expect(only(trace, 'f.onInvite')).toEqual([['f.onInviteReceived', ch, n, 0, 'from native'], ['f.onInviteEndByPeer', ch, n, 0, 'done']]);

    const out = unique('call');
    const received = new Promise<RemoteInvitation>((resolve) => native.once('RemoteInvitationReceived', resolve));
    flat.channelInviteUser2(out, n, 'from flat');
    const remote = await received;
    remote.on('RemoteInvitationCanceled', (content) => trace.push(['nr.Canceled', content]));
    expect([remote.callerId, remote.channelId, remote.content]).toEqual([f, out, 'from flat']);
    await world.waitFor('f', 'onInviteReceivedByPeer');
    flat.channelInviteEnd(out, n, 0);
    await waitFor(() => only(trace, 'nr.').length === 1, 'native sees the cancel');
    expect(only(trace, 'f.onInvite').slice(2)).toEqual([['f.onInviteReceivedByPeer', out, n, 0], ['f.onInviteEndByMyself', out, n, 0]]);
  });
});
