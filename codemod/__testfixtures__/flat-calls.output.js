// Flat-API calls, named by channel and account: every invite call and callback, DTMF from a Web peer, and a hang-up text that must not reach onMessageInstantReceive.
var APP_ID = '970ca35de60c44645bbae8a215061b33';
var TOKEN = '_no_need_token';
var log = (...parts) => console.log(...parts);
var api = AgoraRTM.createInstance(APP_ID);
const apiCalls = new Map(); // the calls by channel and account (the flat API named a call by both)
const onLoginSuccess = function (uid, fd) {
  inviteFlatCall(api, apiCalls, 'lobby-call', 'dave', '', { onInviteReceivedByPeer, onInviteAcceptedByPeer, onInviteRefusedByPeer, onInviteFailed, onInviteEndByPeer, onInviteMsg });
};
const onInviteReceived = function (channelID, account, uid, extra) {
  if (extra === 'busy?') {
    answerFlatCall(apiCalls, 'channelInviteRefuse', channelID, account, JSON.stringify({ busy: 1 }), onError);
  } else {
    answerFlatCall(apiCalls, 'channelInviteAccept', channelID, account, '', onError);
  }
};
api.on('RemoteInvitationReceived', (invitation) => receiveFlatCall(api, apiCalls, invitation, { onInviteReceived, onInviteFailed, onInviteEndByPeer, onInviteMsg }));
const onInviteReceivedByPeer = function (channelID, account, uid) {
  log('showRinging', channelID, account);
};
const onInviteAcceptedByPeer = function (channelID, account, uid, extra) {
  log('startCall', channelID, extra);
};
const onInviteRefusedByPeer = function (channelID, account, uid, extra) {
  log('showBusy', account, extra);
};
const onInviteFailed = function (channelID, account, uid, ecode, extra) {
  log('showError', ecode, JSON.parse(extra).reason);
};
const onInviteEndByPeer = function (channelID, account, uid, extra) {
  log('endCall', channelID);
};
const onInviteEndByMyself = function (channelID, account, uid) {
  log('endCall', channelID);
};
const onInviteMsg = function (channelID, account, uid, msgType, msgData, extra) {
  if (msgType === 'dtmf') log('pressed', msgData);
};
const onError = function (name, ecode, desc) {
  log('showError', ecode, desc);
};
const onMessageInstantReceive = function (account, uid, msg) {
  log('addLine', account, msg);
};
api.on('MessageFromPeer', (message, peerId) => {
  if (!isLegacyCallSignal(message.text)) onMessageInstantReceive(peerId, 0, message.text);
});
api.login({ uid: 'carol', token: TOKEN })
  .then(() => onLoginSuccess(0, 0), () => {})
  .catch((error) => console.error(error));

function ring(peer, video) {
  inviteFlatCall(api, apiCalls, 'call-' + peer, peer, JSON.stringify({ video: video }), { onInviteReceivedByPeer, onInviteAcceptedByPeer, onInviteRefusedByPeer, onInviteFailed, onInviteEndByPeer, onInviteMsg });
}

function answerLater(channelID, peer) {
  answerFlatCall(apiCalls, 'channelInviteAccept', channelID, peer, '{"ok":1}', onError);
}

function hangUp(peer) {
  endFlatCall(apiCalls, 'call-' + peer, peer, onInviteEndByMyself);
}

/** The channel and extra of a legacy hang-up message (see legacyCallEndText), or undefined for any other text. */
function parseLegacyCallEnd(text) {
  if (text === undefined) return undefined;
  if (text.startsWith('ResignalLegacyCallEnd:')) {
    try {
      const end = JSON.parse(text.slice('ResignalLegacyCallEnd:'.length));
      return typeof end?.channel === 'string' && typeof end.extra === 'string' ? { channel: end.channel, extra: end.extra } : undefined;
    } catch {
      return undefined;
    }
  }
  const parts = text.split('_');
  return parts.length === 3 && parts[0] === 'AgoraRTMLegacyEndcallCompatibleMessagePrefix' ? { channel: parts[1] ?? '', extra: parts[2] ?? '' } : undefined;
}

/** Whether a peer message is a legacy call's signal (a hang-up, or resignal's in-call message), which legacy never passed to onMessageInstantReceive. */
function isLegacyCallSignal(text) {
  return parseLegacyCallEnd(text) !== undefined || (text !== undefined && text.startsWith('ResignalLegacyCallMsg:'));
}

/**
 * Calls `account` into `channelID` like the flat channelInviteUser2 (an RTM invitation) and reports its events to the
 * flat callbacks (channel, account, uid 0). The call is kept by channel and account until it ends; inviting the same
 * account into the same channel meanwhile fails with INVITE_E_REINVITE (701), as in the flat API.
 */
function inviteFlatCall(client, calls, channelID, account, extra, handlers) {
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
  invitation.on('LocalInvitationAccepted', (response) => onInviteAcceptedByPeer?.(channelID, account, 0, response));
  invitation.on('LocalInvitationRefused', (response) => {
    forget();
    onInviteRefusedByPeer?.(channelID, account, 0, response);
  });
  const failed = (reason) => {
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
  let options = null;
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
  }, (error) => failed(legacyFailureString(error)));
}

/**
 * Ends an outgoing call like legacy channelInviteEnd(extra): cancels it while it rings; after an accept, sends the
 * legacy hang-up message to the callee. The call reports nothing more, except its LocalInvitationCanceled
 * listeners (onInviteEndByMyself), which run at once, as legacy did.
 */
function endLocalInvitation(client, invitation, extra) {
  invitation.removeAllListeners('LocalInvitationReceivedByPeer');
  invitation.removeAllListeners('LocalInvitationAccepted');
  invitation.removeAllListeners('LocalInvitationRefused');
  invitation.removeAllListeners('LocalInvitationFailure');
  const state = invitation.state;
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
function legacyCallEndText(channel, extra) {
  if (!channel.includes('_') && !extra.includes('_')) return `AgoraRTMLegacyEndcallCompatibleMessagePrefix_${channel}_${extra}`;
  return 'ResignalLegacyCallEnd:' + JSON.stringify({ channel, extra });
}

/**
 * Calls `handler(extra)` when the callee ends an outgoing call (legacy onInviteEndByPeer): the legacy hang-up
 * message for this call's channel. A call still ringing is cancelled quietly, and the call reports nothing more.
 */
function onLocalCallEnd(client, invitation, handler) {
  const listener = (message, peerId) => {
    const end = parseLegacyCallEnd(message.text);
    if (end === undefined || peerId !== invitation.calleeId || end.channel !== invitation.channelId) return;
    stop();
    invitation.removeAllListeners();
    const state = invitation.state;
    if (state === 'SENT_TO_REMOTE' || state === 'RECEIVED_BY_REMOTE') invitation.cancel();
    handler(end.extra);
  };
  const stop = () => client.off('MessageFromPeer', listener);
  client.on('MessageFromPeer', listener);
  invitation.on('LocalInvitationRefused', stop);
  invitation.on('LocalInvitationFailure', stop);
  invitation.on('LocalInvitationCanceled', stop);
}

/** The legacy onInviteFailed extra for an RTM invitation failure: JSON with the reason and the INVITE_E_* code (703 peer offline, 704 timeout, 702 network, 700 other). */
function legacyInviteFailure(reason) {
  const ecodes = { PEER_OFFLINE: 703, PEER_NO_RESPONSE: 704, INVITATION_EXPIRE: 704, NOT_LOGGEDIN: 702, ACCEPT_FAILURE: 702 };
  const ecode = reason in ecodes ? ecodes[reason] : 700;
  return JSON.stringify({ reason, ecode });
}

/** The legacy failure string for an RTM error (e.g. onChannelJoinFailed's argument), as the shim reports it. */
function legacyFailureString(error) {
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
function onLegacyCallMessage(client, invitation, peer, handler) {
  const listener = (message, peerId) => {
    const text = message.text ?? '';
    if (peerId !== peer) return;
    if (parseLegacyCallEnd(text)?.channel === invitation.channelId) {
      stop();
      return;
    }
    if (!text.startsWith('ResignalLegacyCallMsg:')) return;
    try {
      const signal = JSON.parse(text.slice('ResignalLegacyCallMsg:'.length));
      if (signal?.channel === invitation.channelId && typeof signal.extra === 'string') handler(signal.extra);
    } catch {
      // not a readable call signal: legacy dropped it
    }
  };
  const stop = () => client.off('MessageFromPeer', listener);
  client.on('MessageFromPeer', listener);
  for (const event of ['LocalInvitationRefused', 'LocalInvitationFailure', 'LocalInvitationCanceled', 'RemoteInvitationRefused', 'RemoteInvitationFailure', 'RemoteInvitationCanceled']) invitation.on(event, stop);
}

/** The msgType and msgData of an in-call message's extra (`{"msgtype":"dtmf","msgdata":…}`), as the flat onInviteMsg passed them. */
function flatCallMessageParts(extra) {
  const text = (part) => (part === undefined || part === null ? '' : typeof part === 'string' ? part : JSON.stringify(part));
  try {
    const value = JSON.parse(extra);
    return [text(value?.msgtype), text(value?.msgdata)];
  } catch {
    return ['', ''];
  }
}

/**
 * channelInviteAccept / channelInviteRefuse of the flat API: answers the invitation received from `account` for
 * `channelID`; without one, reports onError(method, 1004, desc) as the flat API did.
 */
function answerFlatCall(calls, method, channelID, account, extra, onError) {
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
function endFlatCall(calls, channelID, account, onInviteEndByMyself) {
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
function receiveFlatCall(client, calls, invitation, handlers) {
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
    answer: (accept, extra) => {
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
  invitation.on('RemoteInvitationFailure', (reason) => {
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
function onRemoteCallEnd(client, invitation, handler) {
  const listener = (message, peerId) => {
    const end = parseLegacyCallEnd(message.text);
    if (end === undefined || peerId !== invitation.callerId || end.channel !== invitation.channelId) return;
    stop();
    invitation.removeAllListeners();
    handler(end.extra);
  };
  const stop = () => client.off('MessageFromPeer', listener);
  client.on('MessageFromPeer', listener);
  invitation.on('RemoteInvitationCanceled', (content) => handler(content));
  invitation.on('RemoteInvitationRefused', stop);
  invitation.on('RemoteInvitationFailure', stop);
  invitation.on('RemoteInvitationCanceled', stop);
}
