var APP_ID = '970ca35de60c44645bbae8a215061b33';
var session = AgoraRTM.createInstance(APP_ID);
session.login({ uid: 'erin' }).catch(() => {});
var outgoing = null;

const onMessageInstantReceive = function (account, uid, msg) {
  console.log(account + ': ' + msg);
};
session.on('MessageFromPeer', (message, peerId) => {
  if (!isLegacyCallSignal(message.text)) onMessageInstantReceive(peerId, 0, message.text);
});

function ring(peer, room) {
  outgoing = session.createLocalInvitation(peer);
  outgoing.channelId = room;
  outgoing.send();
  const onInviteAcceptedByPeer = function () {
    console.log(peer + ' accepted');
  };
  outgoing.on('LocalInvitationAccepted', (response) => onInviteAcceptedByPeer());
  const onInviteFailed = function (extra) {
    console.log('failed: ' + JSON.parse(extra).reason);
  };
  outgoing.on('LocalInvitationFailure', (reason) => onInviteFailed(legacyInviteFailure(reason)));
  const onInviteEndByPeer = function (extra) {
    console.log(peer + ' hung up ' + extra);
  };
  onLocalCallEnd(session, outgoing, (extra) => onInviteEndByPeer(extra));
  const onInviteEndByMyself = function () {
    console.log('call ended');
  };
  outgoing.on('LocalInvitationCanceled', () => onInviteEndByMyself());
}

function hangUp() {
  if (outgoing) endLocalInvitation(session, outgoing, '');
}

function hangUpWithReason(reason) {
  endLocalInvitation(session, outgoing, reason);
}

const onInviteReceived = function (call) {
  console.log(call.callerId + ' is calling');
  const onInviteEndByPeer2 = function (extra) {
    console.log(call.callerId + ' ended the call ' + extra);
  };
  onRemoteCallEnd(session, call, (extra) => onInviteEndByPeer2(extra));
  const onInviteFailed2 = function (extra) {
    console.log('call lost: ' + extra);
  };
  call.on('RemoteInvitationFailure', (reason) => onInviteFailed2(legacyInviteFailure(reason)));
  call.accept();
};
session.on('RemoteInvitationReceived', (invitation) => onInviteReceived(invitation));

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

/** The legacy onInviteFailed extra for an RTM invitation failure: JSON with the reason and the INVITE_E_* code (703 peer offline, 704 timeout, 702 network, 700 other). */
function legacyInviteFailure(reason) {
  const ecodes = { PEER_OFFLINE: 703, PEER_NO_RESPONSE: 704, INVITATION_EXPIRE: 704, NOT_LOGGEDIN: 702, ACCEPT_FAILURE: 702 };
  const ecode = reason in ecodes ? ecodes[reason] : 700;
  return JSON.stringify({ reason, ecode });
}

/** The hang-up message of legacy Signaling calls: RTM's legacy end-call text, or resignal's JSON form when channel or extra contain "_". */
function legacyCallEndText(channel, extra) {
  if (!channel.includes('_') && !extra.includes('_')) return `AgoraRTMLegacyEndcallCompatibleMessagePrefix_${channel}_${extra}`;
  return 'ResignalLegacyCallEnd:' + JSON.stringify({ channel, extra });
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
