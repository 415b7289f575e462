import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../server/index.js';
import { nextEvent, recordEvents, sleep, waitUntil } from '../../test/events.js';
import AgoraRTM, { RtmError, type RemoteInvitation, type RtmClient } from '../index.js';
import { TestClients } from '../../test/rtm-clients.js';

const APP_ID = '0123456789abcdef0123456789abcdef';
const FAST = { deliveryMs: 600, resendMs: 100, expiryMs: 600, acceptAckMs: 400, acceptResendMs: 100 };

let server: RunningServer;
const clients = new TestClients();

async function loggedIn(uid: string): Promise<RtmClient> {
  const c = clients.create(APP_ID, { endpoint: server.url, invitationTimings: FAST });
  await c.login({ uid });
  return c;
}

function thrown(action: () => unknown): RtmError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(RtmError);
    return error as RtmError;
  }
  throw new Error('expected a throw');
}

beforeEach(async () => {
  server = await startServer({ port: 0, log: false });
});

afterEach(async () => {
  await clients.logoutAll();
  await server.close();
});

describe('call invitations', () => {
  it('invite → received → accepted, with states and events on both sides', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const incoming = nextEvent<[RemoteInvitation]>(bob, 'RemoteInvitationReceived');
    const invitation = alice.createLocalInvitation('bob');
    invitation.content = 'video?';
    invitation.channelId = 'room-1';
    const caller = recordEvents(invitation, ['LocalInvitationReceivedByPeer', 'LocalInvitationAccepted', 'LocalInvitationFailure']);
    invitation.send();
    expect(invitation.state).toBe('SENT_TO_REMOTE');
    const [remote] = await incoming;
    expect([remote.callerId, remote.channelId, remote.content, remote.state]).toEqual(['alice', 'room-1', 'video?', 'INVITATION_RECEIVED']);
    const callee = recordEvents(remote, ['RemoteInvitationAccepted', 'RemoteInvitationFailure']);
    await waitUntil(() => invitation.state === 'RECEIVED_BY_REMOTE', 5000, 'received by remote');
    remote.response = 'sure';
    remote.accept();
    expect(remote.state).toBe('ACCEPT_SENT_TO_LOCAL');
    await waitUntil(() => remote.state === 'ACCEPTED', 5000, 'accepted');
    expect(invitation.state).toBe('ACCEPTED_BY_REMOTE');
    expect(invitation.response).toBe('sure');
    await sleep(700); // past every timer: nothing more may fire
    expect(caller.trace).toEqual([['LocalInvitationReceivedByPeer'], ['LocalInvitationAccepted', 'sure']]);
    expect(callee.trace).toEqual([['RemoteInvitationAccepted']]);
  });

  it('refuse, and cancel by the caller', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const first = alice.createLocalInvitation('bob');
    const refused = nextEvent(first, 'LocalInvitationRefused');
    const incoming = nextEvent<[RemoteInvitation]>(bob, 'RemoteInvitationReceived');
    first.send();
    const [remote] = await incoming;
    remote.response = 'busy';
    remote.refuse();
    expect(remote.state).toBe('REFUSED');
    expect(await refused).toEqual(['busy']);
    expect(first.state).toBe('REFUSED_BY_REMOTE');

    const second = alice.createLocalInvitation('bob');
    const incoming2 = nextEvent<[RemoteInvitation]>(bob, 'RemoteInvitationReceived');
    second.send();
    const [remote2] = await incoming2;
    const canceled = nextEvent(remote2, 'RemoteInvitationCanceled');
    second.content = 'never mind';
    const localCanceled = nextEvent(second, 'LocalInvitationCanceled');
    second.cancel();
    expect(second.state).toBe('CANCELED');
    await localCanceled;
    expect(await canceled).toEqual(['never mind']);
    expect(remote2.state).toBe('CANCELED');
  });

  it('fails with PEER_OFFLINE when the callee never comes online', async () => {
    const alice = await loggedIn('alice');
    const invitation = alice.createLocalInvitation('ghost');
    const failed = nextEvent(invitation, 'LocalInvitationFailure');
    invitation.send();
    expect(await failed).toEqual(['PEER_OFFLINE']);
    expect(invitation.state).toBe('FAILURE');
  });

  it('expires when the callee never answers, on both sides', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const invitation = alice.createLocalInvitation('bob');
    const incoming = nextEvent<[RemoteInvitation]>(bob, 'RemoteInvitationReceived');
    const callerFailed = nextEvent(invitation, 'LocalInvitationFailure');
    invitation.send();
    const [remote] = await incoming;
    const calleeFailed = nextEvent(remote, 'RemoteInvitationFailure');
    expect(await callerFailed).toEqual(['INVITATION_EXPIRE']);
    expect(await calleeFailed).toEqual(['INVITATION_EXPIRE']);
  });

  it('an accept the caller never acknowledges fails (caller logged out mid-call)', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const invitation = alice.createLocalInvitation('bob');
    const incoming = nextEvent<[RemoteInvitation]>(bob, 'RemoteInvitationReceived');
    invitation.send();
    const [remote] = await incoming;
    await alice.logout();
    const failed = nextEvent(remote, 'RemoteInvitationFailure');
    remote.accept();
    expect(await failed).toEqual(['PEER_OFFLINE']);
  });

  it('fails NOT_LOGGEDIN asynchronously when sent before login', async () => {
    const c = AgoraRTM.createInstance(APP_ID, { endpoint: server.url });
    const invitation = c.createLocalInvitation('bob');
    const failed = nextEvent(invitation, 'LocalInvitationFailure');
    invitation.send();
    expect(await failed).toEqual(['NOT_LOGGEDIN']);
  });

  it('throws the official invitation API errors', async () => {
    const alice = await loggedIn('alice');
    expect(thrown(() => alice.createLocalInvitation('bad/id'))).toMatchObject({ name: 'RtmInvalidArgumentError', code: 1 });
    const invitation = alice.createLocalInvitation('ghost');
    expect(thrown(() => invitation.cancel())).toMatchObject({ name: 'RtmInvalidStatusError', code: 2 });
    invitation.content = 'x'.repeat(8193);
    expect(thrown(() => invitation.send())).toMatchObject({ name: 'RtmInvalidArgumentError', code: 1 });
    invitation.content = '';
    invitation.send();
    expect(thrown(() => invitation.send())).toMatchObject({ name: 'RtmInvalidStatusError', code: 5 });
    invitation.cancel();
    expect(thrown(() => invitation.send())).toMatchObject({ name: 'RtmInvalidStatusError', code: 3 });
    expect(thrown(() => invitation.cancel())).toMatchObject({ name: 'RtmInvalidStatusError', code: 3 });
    expect(thrown(() => ((invitation as { response: string }).response = 'x'))).toMatchObject({ code: 1 });
  });

  it('turns the legacy end-call text into a call-cancel and back', async () => {
    const alice = await loggedIn('alice');
    const bob = await loggedIn('bob');
    const received = nextEvent(bob, 'MessageFromPeer');
    const text = `${AgoraRTM.END_CALL_PREFIX}_room-1_bye`;
    expect(await alice.sendMessageToPeer({ text }, 'bob')).toEqual({ hasPeerReceived: true });
    expect((await received)[0]).toEqual({ text, messageType: 'TEXT' });
    await expect(alice.sendMessageToPeer({ text: `${AgoraRTM.END_CALL_PREFIX}_a_b_c` }, 'bob')).rejects.toMatchObject({ code: 7 });
  });
});
