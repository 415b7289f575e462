/*
 * Flat invitations between two flat users on a real server: all eight invite callbacks with their native
 * argument lists, in order, plus re-invites, unknown calls and the unsupported phone-line calls.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../../rtm/server/index.js';
import type { ApiId } from '../api-map.js';
import { sleep, WarningLog } from '../test/harness.js';
import { FlatWorld, startTestServer, unique } from './test/world.js';

const ANY_TEXT = expect.any(String) as unknown;
const warnings = new WarningLog();
let server: RunningServer;
const world = new FlatWorld(() => server.url);
const LOGIN: ApiId[] = ['SIG_FLAT_CREATE_AGORA_SDK_INSTANCE', 'SIG_FLAT_LOGIN', 'SIG_FLAT_ON_LOGIN_SUCCESS'];

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
  warnings.stop();
  vi.restoreAllMocks();
});

async function pair(): Promise<{ a: string; b: string; ch: string; alice: ReturnType<FlatWorld['api']>; bob: ReturnType<FlatWorld['api']> }> {
  const [a, b, ch] = [unique('alice'), unique('bob'), unique('call')];
  const alice = await world.loggedIn('a', a);
  const bob = await world.loggedIn('b', b);
  return { a, b, ch, alice, bob };
}

describe('invitations', () => {
  it('invite → received by peer → accepted; the caller hangs up: EndByMyself / EndByPeer', async () => {
    const { a, b, ch, alice, bob } = await pair();
    alice.channelInviteUser2(ch, b, '{"video":1}');
    await world.waitFor('b', 'onInviteReceived');
    await world.waitFor('a', 'onInviteReceivedByPeer');
    bob.channelInviteAccept(ch, a, 0, '{"ok":1}');
    await world.waitFor('a', 'onInviteAcceptedByPeer');
    alice.channelInviteEnd(ch, b, 0);
    expect(world.of('a', 'onInviteEndByMyself')).toEqual([['a.onInviteEndByMyself', ch, b, 0]]);
    await world.waitFor('b', 'onInviteEndByPeer');
    expect(world.of('a', 'onInvite')).toEqual([
      ['a.onInviteReceivedByPeer', ch, b, 0],
      ['a.onInviteAcceptedByPeer', ch, b, 0, '{"ok":1}'],
      ['a.onInviteEndByMyself', ch, b, 0],
    ]);
    expect(world.of('b', 'onInvite')).toEqual([
      ['b.onInviteReceived', ch, a, 0, '{"video":1}'],
      ['b.onInviteEndByPeer', ch, a, 0, ''],
    ]);
    warnings.expectExactly([
      ...LOGIN, 'SIG_FLAT_CHANNEL_INVITE_USER2', 'SIG_FLAT_ON_INVITE_RECEIVED', 'SIG_FLAT_ON_INVITE_RECEIVED_BY_PEER', 'SIG_FLAT_CHANNEL_INVITE_ACCEPT',
      'SIG_FLAT_ON_INVITE_ACCEPTED_BY_PEER', 'SIG_FLAT_CHANNEL_INVITE_END', 'SIG_FLAT_ON_INVITE_END_BY_MYSELF', 'SIG_FLAT_ON_INVITE_END_BY_PEER',
    ]);
  });

  it('the callee refuses: onInviteRefusedByPeer(ch, account, uid, extra)', async () => {
    const { a, b, ch, alice, bob } = await pair();
    alice.channelInviteUser(ch, b, 0);
    await world.waitFor('b', 'onInviteReceived');
    bob.channelInviteRefuse(ch, a, 0, '{"status":1}');
    await world.waitFor('a', 'onInviteRefusedByPeer');
    await sleep(50);
    expect(world.of('a', 'onInvite')).toEqual([
      ['a.onInviteReceivedByPeer', ch, b, 0],
      ['a.onInviteRefusedByPeer', ch, b, 0, '{"status":1}'],
    ]);
    expect(world.of('b', 'onInvite')).toEqual([['b.onInviteReceived', ch, a, 0, '']]);
  });

  it('the caller cancels a ringing call; the callee hangs up an accepted one', async () => {
    const { a, b, ch, alice, bob } = await pair();
    alice.channelInviteUser2(ch, b, '');
    await world.waitFor('b', 'onInviteReceived');
    alice.channelInviteEnd(ch, b, 0);
    await world.waitFor('b', 'onInviteEndByPeer');
    const ch2 = unique('call');
    alice.channelInviteUser2(ch2, b, 'second');
    await world.waitFor('b', 'onInviteReceived', 2);
    bob.channelInviteAccept(ch2, a, 0, '');
    await world.waitFor('a', 'onInviteAcceptedByPeer');
    bob.channelInviteEnd(ch2, a, 0);
    await world.waitFor('a', 'onInviteEndByPeer');
    expect(world.of('b', 'onInvite')).toEqual([
      ['b.onInviteReceived', ch, a, 0, ''],
      ['b.onInviteEndByPeer', ch, a, 0, ''],
      ['b.onInviteReceived', ch2, a, 0, 'second'],
      ['b.onInviteEndByMyself', ch2, a, 0],
    ]);
    expect(world.of('a', 'onInviteEndByPeer')).toEqual([['a.onInviteEndByPeer', ch2, b, 0, '']]);
  });

  it('onInviteFailed(ch, account, uid, ecode, extra): offline peer 703, re-invite 701, not logged in 702', async () => {
    const { b, ch, alice } = await pair();
    const nobody = unique('nobody');
    alice.channelInviteUser2(ch, nobody, '{"_require_peer_online":1}');
    alice.channelInviteUser2(ch, b, '');
    alice.channelInviteUser2(ch, b, '');
    const early = world.api('e');
    early.channelInviteUser2(ch, b, '');
    await world.waitFor('a', 'onInviteFailed', 2);
    await world.waitFor('e', 'onInviteFailed');
    expect(world.of('a', 'onInviteFailed').sort()).toEqual(
      [
        ['a.onInviteFailed', ch, nobody, 0, 703, JSON.stringify({ reason: 'PEER_OFFLINE', ecode: 703 })],
        ['a.onInviteFailed', ch, b, 0, 701, JSON.stringify({ reason: 'REINVITE', ecode: 701 })],
      ].sort(),
    );
    expect(world.of('e')).toEqual([['e.onInviteFailed', ch, b, 0, 702, JSON.stringify({ reason: 'NOT_LOGGEDIN', ecode: 702 })]]);
  });

  it('accept/refuse of an unknown call → onError(name, 1004, desc); end of an unknown call still fires onInviteEndByMyself', async () => {
    const { b, ch, alice } = await pair();
    alice.channelInviteAccept(ch, b, 0, '');
    alice.channelInviteRefuse(ch, b, 0, '');
    alice.channelInviteEnd(ch, b, 0);
    expect(world.of('a', 'onInvite')).toEqual([['a.onInviteEndByMyself', ch, b, 0]]);
    await world.waitFor('a', 'onError', 2);
    expect(world.of('a', 'onError')).toEqual([
      ['a.onError', 'channelInviteAccept', 1004, ANY_TEXT],
      ['a.onError', 'channelInviteRefuse', 1004, ANY_TEXT],
    ]);
  });

  it('phone-line calls fail with onInviteFailed(ch, phoneNum, 0, INVITE_E_OTHER, extra), never inside the call', async () => {
    const { ch, alice } = await pair();
    alice.channelInvitePhone(ch, '+100', 0);
    alice.channelInvitePhone2(ch, '+200', '+1');
    alice.channelInvitePhone3(ch, '+300', '+1', '{}');
    alice.channelInviteDTMF(ch, '+400', '5');
    expect(world.of('a', 'onInvite')).toEqual([]);
    await world.waitFor('a', 'onInviteFailed', 4);
    const failures = world.of('a', 'onInviteFailed');
    expect(failures.map((entry) => entry.slice(0, 5))).toEqual([
      ['a.onInviteFailed', ch, '+100', 0, 700],
      ['a.onInviteFailed', ch, '+200', 0, 700],
      ['a.onInviteFailed', ch, '+300', 0, 700],
      ['a.onInviteFailed', ch, '+400', 0, 700],
    ]);
    for (const entry of failures) expect(JSON.parse(String(entry[5]))).toEqual({ reason: (expect.stringMatching(/^unsupported: /) as unknown), ecode: 700 });
    warnings.expectExactly([
      ...LOGIN, 'SIG_FLAT_CHANNEL_INVITE_PHONE', 'SIG_FLAT_CHANNEL_INVITE_PHONE2', 'SIG_FLAT_CHANNEL_INVITE_PHONE3', 'SIG_FLAT_CHANNEL_INVITE_DTMF',
      'SIG_FLAT_ON_INVITE_FAILED',
    ]);
  });
});
