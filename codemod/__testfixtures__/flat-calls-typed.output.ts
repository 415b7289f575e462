// Flat-API calls in TypeScript: the calls map and the helpers are typed.
import AgoraRTM from 'resignal';

const APP_ID = '970ca35de60c44645bbae8a215061b33';
const log = (...parts: unknown[]): void => console.log(...parts);

const api = AgoraRTM.createInstance(APP_ID);
const apiCalls = new Map<string, { end(): void; answer?(accept: boolean, extra: string): void }>(); // the calls by channel and account (the flat API named a call by both)
const onInviteReceived = (channelID: string, account: string, uid: number, extra: string) => {
  log('ringing', channelID, account, extra);
  answerFlatCall(apiCalls, 'channelInviteAccept', channelID, account, '');
};
api.on('RemoteInvitationReceived', (invitation) => receiveFlatCall(api, apiCalls, invitation, { onInviteReceived, onInviteFailed, onInviteEndByPeer, onInviteMsg }));
const onInviteAcceptedByPeer = (channelID: string, account: string, uid: number, extra: string) => log('accepted', channelID, account, extra);
const onInviteFailed = (channelID: string, account: string, uid: number, ecode: number, extra: string) => log('failed', channelID, ecode, extra);
const onInviteEndByPeer = (channelID: string, account: string, uid: number, extra: string) => log('ended by peer', channelID, extra);
const onInviteEndByMyself = (channelID: string, account: string, uid: number) => log('ended', channelID);
const onInviteMsg = (channelID: string, account: string, uid: number, msgType: string, msgData: string) => log('dtmf', msgType, msgData);
api.login({ uid: 'erin' }).catch(() => {});

export function ring(peer: string): void {
  inviteFlatCall(api, apiCalls, `call-${peer}`, peer, '', { onInviteAcceptedByPeer, onInviteFailed, onInviteEndByPeer, onInviteMsg });
}

export function hangUp(peer: string): void {
  endFlatCall(apiCalls, `call-${peer}`, peer, onInviteEndByMyself);
}

/**
 * Calls `account` into `channelID` like the flat channelInviteUser2 (an RTM invitation) and reports its events to the
 * flat callbacks (channel, account, uid 0). The call is kept by channel and account until it ends; inviting the same
 * account into the same channel meanwhile fails with INVITE_E_REINVITE (701), as in the flat API.
 */
function inviteFlatCall(client: ReturnType<typeof AgoraRTM.createInstance>, calls: Map<string, { end(): void; answer?(accept: boolean, extra: string): void }>, channelID: string, account: string, extra: string, handlers: { onInviteReceived?: (channelID: string, account: string, uid: number, extra: string) => void; onInviteReceivedByPeer?: (channelID: string, account: string, uid: number) => void; onInviteAcceptedByPeer?: (channelID: string, account: string, uid: number, extra: string) => void; onInviteRefusedByPeer?: (channelID: string, account: string, uid: number, extra: string) => void; onInviteFailed?: (channelID: string, account: string, uid: number, ecode: number, extra: string) => void; onInviteEndByPeer?: (channelID: string, account: string, uid: number, extra: string) => void; onInviteMsg?: (channelID: string, account: string, uid: number, msgType: string, msgData: string, extra: string) => void; }): void {
  const { onInviteReceivedByPeer, onInviteAcceptedByPeer, onInviteRefusedByPeer, onInviteFailed, onInviteEndByPeer, onInviteMsg } = handlers;
  const key = JSON.stringify([channelID, account]);
  if (calls.has(key)) {
    setTimeout(() => onInviteFailed?.(channelID, account, 0, 701, JSON.stringify({ reason: 'REINVITE', ecode: 701 })), 0);
    return;
  }
  const invitation = client.createLocalInvitation(account);
  invitation.channelId = channelID;
  invitation.content = extra;
  const call = { end: () => endLocalInvitation(client, invitation, '') };
  const forget = () => {
    if (calls.get(key) === call) calls.delete(key);
  };
  calls.set(key, call);
  invitation.on('LocalInvitationReceivedByPeer', () => onInviteReceivedByPeer?.(channelID, account, 0));
  invitation.on('LocalInvitationAccepted', (response: string) => onInviteAcceptedByPeer?.(channelID, account, 0, response));
  invitation.on('LocalInvitationRefused', (response: string) => {
    forget();
    onInviteRefusedByPeer?.(channelID, account, 0, response);
  });
  const failed = (reason: string) => {
    forget();
    const failure = legacyInviteFailure(reason);
    onInviteFailed?.(channelID, account, 0, JSON.parse(failure).ecode, failure);
  };
  invitation.on('LocalInvitationFailure', failed);
  onLocalCallEnd(client, invitation, (peerExtra) => {
    forget();
    onInviteEndByPeer?.(channelID, account, 0, peerExtra);
  });
  if (onInviteMsg) onLegacyCallMessage(client, invitation, account, (message) => onInviteMsg(channelID, account, 0, ...flatCallMessageParts(message), message));
  // The legacy extra key _require_peer_online: 1 fails at once for an offline peer (PEER_OFFLINE, 703), as the flat API did.
  let options: { _require_peer_online?: unknown } | null = null;
  try {
    options = JSON.parse(extra);
  } catch {
    // not JSON: no options
  }
  if (Number(options?._require_peer_online) !== 1) {
    invitation.send();
    return;
  }
  client.queryPeersOnlineStatus([account]).then((status) => {
    if (calls.get(key) !== call) return; // ended meanwhile
    if (status[account]) invitation.send();
    else failed('PEER_OFFLINE');
  }, (error: unknown) => failed(legacyFailureString(error)));
}

/**
 * Ends an outgoing call like legacy channelInviteEnd(extra): cancels it while it rings; after an accept, sends the
 * legacy hang-up message to the callee. The call reports nothing more, except its LocalInvitationCanceled
 * listeners (onInviteEndByMyself), which run at once, as legacy did.
 */
function endLocalInvitation(client: ReturnType<typeof AgoraRTM.createInstance>, invitation: ReturnType<ReturnType<typeof AgoraRTM.createInstance>['createLocalInvitation']>, extra: string): void {
  invitation.removeAllListeners('LocalInvitationReceivedByPeer');
  invitation.removeAllListeners('LocalInvitationAccepted');
  invitation.removeAllListeners('LocalInvitationRefused');
  invitation.removeAllListeners('LocalInvitationFailure');
  const state: string = invitation.state;
  if (state === 'SENT_TO_REMOTE' || state === 'RECEIVED_BY_REMOTE') {
    invitation.content = extra;
    invitation.cancel();
    return;
  }
  if (state === 'ACCEPTED_BY_REMOTE') {
    client.sendMessageToPeer({ text: legacyCallEndText(invitation.channelId, extra) }, invitation.calleeId).catch(() => {});
  }
  for (const listener of invitation.listeners('LocalInvitationCanceled')) listener();
}

/** The hang-up message of legacy Signaling calls: RTM's legacy end-call text, or resignal's JSON form when channel or extra contain "_". */
function legacyCallEndText(channel: string, extra: string): string {
  if (!channel.includes('_') && !extra.includes('_')) return `AgoraRTMLegacyEndcallCompatibleMessagePrefix_${channel}_${extra}`;
  return 'ResignalLegacyCallEnd:' + JSON.stringify({ channel, extra });
}

/**
 * Calls `handler(extra)` when the callee ends an outgoing call (legacy onInviteEndByPeer): the legacy hang-up
 * message for this call's channel. A call still ringing is cancelled quietly, and the call reports nothing more.
 */
function onLocalCallEnd(client: ReturnType<typeof AgoraRTM.createInstance>, invitation: ReturnType<ReturnType<typeof AgoraRTM.createInstance>['createLocalInvitation']>, handler: (extra: string) => void): void {
  const listener = (message: { text?: string }, peerId: string) => {
    const end = parseLegacyCallEnd(message.text);
    if (end === undefined || peerId !== invitation.calleeId || end.channel !== invitation.channelId) return;
    stop();
    invitation.removeAllListeners();
    const state: string = invitation.state;
    if (state === 'SENT_TO_REMOTE' || state === 'RECEIVED_BY_REMOTE') invitation.cancel();
    handler(end.extra);
  };
  const stop = () => client.off('MessageFromPeer', listener as Parameters<typeof client.off>[1]);
  client.on('MessageFromPeer', listener);
  invitation.on('LocalInvitationRefused', stop);
  invitation.on('LocalInvitationFailure', stop);
  invitation.on('LocalInvitationCanceled', stop);
}

/** The channel and extra of a legacy hang-up message (see legacyCallEndText), or undefined for any other text. */
function parseLegacyCallEnd(text: string | undefined): { channel: string; extra: string } | undefined {
  if (text === undefined) return undefined;
  if (text.startsWith('ResignalLegacyCallEnd:')) {
    try {
      const end = JSON.parse(text.slice('ResignalLegacyCallEnd:'.length)) as { channel?: unknown; extra?: unknown } | null;
      return typeof end?.channel === 'string' && typeof end.extra === 'string' ? { channel: end.channel, extra: end.extra } : undefined;
    } catch {
      return undefined;
    }
  }
  const parts = text.split('_');
  return parts.length === 3 && parts[0] === 'AgoraRTMLegacyEndcallCompatibleMessagePrefix' ? { channel: parts[1] ?? '', extra: parts[2] ?? '' } : undefined;
}

/** The legacy onInviteFailed extra for an RTM invitation failure: JSON with the reason and the INVITE_E_* code (703 peer offline, 704 timeout, 702 network, 700 other). */
function legacyInviteFailure(reason: string): string {
  const ecodes = { PEER_OFFLINE: 703, PEER_NO_RESPONSE: 704, INVITATION_EXPIRE: 704, NOT_LOGGEDIN: 702, ACCEPT_FAILURE: 702 };
  const ecode = reason in ecodes ? ecodes[reason as keyof typeof ecodes] : 700;
  return JSON.stringify({ reason, ecode });
}

/** The legacy failure string for an RTM error (e.g. onChannelJoinFailed's argument), as the shim reports it. */
function legacyFailureString(error: unknown): string {
  const name = typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (name === 'RtmInvalidStatusError' && code === 102) return 'not_login';
  if (name === 'RtmInvalidArgumentError') return 'invalid_argument';
  if (name === 'RtmLimitExceededError') return 'limit_exceeded';
  if (name === 'RtmTimeoutError') return 'timeout';
  if (name === 'RtmUnauthenticatedError') return 'unauthenticated';
  if (name === 'RtmUnavailableError' && code === 6) return 'user_not_online';
  return 'failed';
}

/**
 * Calls `handler(extra)` for each in-call message (legacy onInviteMsg, e.g. the peer's DTMF) that the peer of this
 * call sends for its channel, until the call ends (a hang-up, or the invitation's end).
 */
function onLegacyCallMessage(client: ReturnType<typeof AgoraRTM.createInstance>, invitation: { readonly channelId: string; on(event: any, listener: (...args: any[]) => void): unknown }, peer: string, handler: (extra: string) => void): void {
  const listener = (message: { text?: string }, peerId: string) => {
    const text = message.text ?? '';
    if (peerId !== peer) return;
    if (parseLegacyCallEnd(text)?.channel === invitation.channelId) {
      stop();
      return;
    }
    if (!text.startsWith('ResignalLegacyCallMsg:')) return;
    try {
      const signal = JSON.parse(text.slice('ResignalLegacyCallMsg:'.length)) as { channel?: unknown; extra?: unknown } | null;
      if (signal?.channel === invitation.channelId && typeof signal.extra === 'string') handler(signal.extra);
    } catch {
      // not a readable call signal: legacy dropped it
    }
  };
  const stop = () => client.off('MessageFromPeer', listener as Parameters<typeof client.off>[1]);
  client.on('MessageFromPeer', listener);
  for (const event of (['LocalInvitationRefused', 'LocalInvitationFailure', 'LocalInvitationCanceled', 'RemoteInvitationRefused', 'RemoteInvitationFailure', 'RemoteInvitationCanceled'] as const)) invitation.on(event, stop);
}

/** The msgType and msgData of an in-call message's extra (`{"msgtype":"dtmf","msgdata":…}`), as the flat onInviteMsg passed them. */
function flatCallMessageParts(extra: string): [string, string] {
  const text = (part: unknown) => (part === undefined || part === null ? '' : typeof part === 'string' ? part : JSON.stringify(part));
  try {
    const value = JSON.parse(extra) as { msgtype?: unknown; msgdata?: unknown } | null;
    return [text(value?.msgtype), text(value?.msgdata)];
  } catch {
    return ['', ''];
  }
}

/**
 * channelInviteAccept / channelInviteRefuse of the flat API: answers the invitation received from `account` for
 * `channelID`; without one, reports onError(method, 1004, desc) as the flat API did.
 */
function answerFlatCall(calls: Map<string, { end(): void; answer?(accept: boolean, extra: string): void }>, method: 'channelInviteAccept' | 'channelInviteRefuse', channelID: string, account: string, extra: string, onError?: (name: string, ecode: number, desc: string) => void): void {
  const call = calls.get(JSON.stringify([channelID, account]));
  if (!call) {
    onError?.(method, 1004, `no invitation of "${account}" in channel "${channelID}"`);
    return;
  }
  call.answer?.(method === 'channelInviteAccept', extra);
}

/**
 * channelInviteEnd of the flat API: ends the call with `account` in `channelID` (cancels a ringing outgoing call,
 * else sends the legacy hang-up text) and calls onInviteEndByMyself(channelID, account, 0) at once, whatever the
 * state of the call, as the flat API did.
 */
function endFlatCall(calls: Map<string, { end(): void; answer?(accept: boolean, extra: string): void }>, channelID: string, account: string, onInviteEndByMyself?: (channelID: string, account: string, uid: number) => void): void {
  const key = JSON.stringify([channelID, account]);
  const call = calls.get(key);
  calls.delete(key);
  call?.end();
  onInviteEndByMyself?.(channelID, account, 0);
}

/**
 * An incoming RTM invitation as a flat call: kept by channel and caller (for channelInviteAccept / Refuse / End),
 * reported to onInviteReceived(channel, caller, 0, extra), then to the other flat callbacks until it ends.
 */
function receiveFlatCall(client: ReturnType<typeof AgoraRTM.createInstance>, calls: Map<string, { end(): void; answer?(accept: boolean, extra: string): void }>, invitation: { readonly channelId: string; readonly callerId: string; readonly content: string; readonly state: string; response: string; accept(): void; refuse(): void; on(event: 'RemoteInvitationCanceled' | 'RemoteInvitationRefused' | 'RemoteInvitationFailure' | 'RemoteInvitationAccepted', listener: (...args: any[]) => void): unknown; removeAllListeners(): unknown }, handlers: { onInviteReceived?: (channelID: string, account: string, uid: number, extra: string) => void; onInviteReceivedByPeer?: (channelID: string, account: string, uid: number) => void; onInviteAcceptedByPeer?: (channelID: string, account: string, uid: number, extra: string) => void; onInviteRefusedByPeer?: (channelID: string, account: string, uid: number, extra: string) => void; onInviteFailed?: (channelID: string, account: string, uid: number, ecode: number, extra: string) => void; onInviteEndByPeer?: (channelID: string, account: string, uid: number, extra: string) => void; onInviteMsg?: (channelID: string, account: string, uid: number, msgType: string, msgData: string, extra: string) => void; }): void {
  const { onInviteReceived, onInviteFailed, onInviteEndByPeer, onInviteMsg } = handlers;
  const { channelId: channelID, callerId: account } = invitation;
  const key = JSON.stringify([channelID, account]);
  let live = true;
  const finish = () => {
    if (calls.get(key) === call) calls.delete(key);
    const wasLive = live;
    live = false;
    return wasLive;
  };
  const call = {
    // The callee hangs up with the legacy hang-up text: RTM cannot cancel an incoming invitation.
    end: () => {
      if (finish()) client.sendMessageToPeer({ text: legacyCallEndText(channelID, '') }, account).catch(() => {});
    },
    answer: (accept: boolean, extra: string) => {
      if (!live) return;
      try {
        invitation.response = extra;
        if (accept) {
          invitation.accept();
        } else {
          finish();
          invitation.refuse();
        }
      } catch (error) {
        console.warn(error); // an invitation RTM no longer lets answer: legacy ignored the answer too
      }
    },
  };
  calls.set(key, call);
  invitation.on('RemoteInvitationFailure', (reason: string) => {
    if (!finish()) return;
    const failure = legacyInviteFailure(reason);
    onInviteFailed?.(channelID, account, 0, JSON.parse(failure).ecode, failure);
  });
  onRemoteCallEnd(client, invitation, (peerExtra) => {
    if (finish()) onInviteEndByPeer?.(channelID, account, 0, peerExtra);
  });
  if (onInviteMsg) {
    onLegacyCallMessage(client, invitation, account, (message) => {
      if (live) onInviteMsg(channelID, account, 0, ...flatCallMessageParts(message), message);
    });
  }
  onInviteReceived?.(channelID, account, 0, invitation.content);
}

/**
 * Calls `handler(extra)` when the caller ends an incoming call (legacy onInviteEndByPeer): RTM's cancel while it
 * rings, or the legacy hang-up message for this call's channel after an accept. The call reports nothing more.
 */
function onRemoteCallEnd(client: ReturnType<typeof AgoraRTM.createInstance>, invitation: { readonly channelId: string; readonly callerId: string; on(event: 'RemoteInvitationCanceled' | 'RemoteInvitationRefused' | 'RemoteInvitationFailure', listener: (...args: any[]) => void): unknown; removeAllListeners(): unknown }, handler: (extra: string) => void): void {
  const listener = (message: { text?: string }, peerId: string) => {
    const end = parseLegacyCallEnd(message.text);
    if (end === undefined || peerId !== invitation.callerId || end.channel !== invitation.channelId) return;
    stop();
    invitation.removeAllListeners();
    handler(end.extra);
  };
  const stop = () => client.off('MessageFromPeer', listener as Parameters<typeof client.off>[1]);
  client.on('MessageFromPeer', listener);
  invitation.on('RemoteInvitationCanceled', (content: string) => handler(content));
  invitation.on('RemoteInvitationRefused', stop);
  invitation.on('RemoteInvitationFailure', stop);
  invitation.on('RemoteInvitationCanceled', stop);
}
