// DTMF on Web calls: channelInviteDTMF sends resignal's in-call message, onInviteMsg receives it (both directions).
var APP_ID = '970ca35de60c44645bbae8a215061b33';
var log = (...parts) => console.log(...parts);
var session = AgoraRTM.createInstance(APP_ID);
session.login({ uid: 'frank' }).catch(() => {});

function dial(peer) {
  var call = session.createLocalInvitation(peer);
  call.channelId = 'ivr';
  call.send();
  const onInviteAcceptedByPeer = function (extra) {
    sendLegacyCallMessage(session, call, call.calleeId, JSON.stringify({ msgtype: 'dtmf', msgdata: '1#' }));
  };
  call.on('LocalInvitationAccepted', (response) => onInviteAcceptedByPeer(response));
  const onInviteMsg = function (extra) {
    log('menu', JSON.parse(extra).msgdata);
  };
  onLegacyCallMessage(session, call, call.calleeId, (extra) => onInviteMsg(extra));
}

const onInviteReceived = function (call) {
  const onInviteMsg2 = function (extra) {
    log('pressed', JSON.parse(extra).msgdata, call.callerId);
    sendLegacyCallMessage(session, call, call.callerId, JSON.stringify({ msgtype: 'dtmf', msgdata: 'ok' }));
  };
  onLegacyCallMessage(session, call, call.callerId, (extra) => onInviteMsg2(extra));
  call.accept();
};
session.on('RemoteInvitationReceived', (invitation) => onInviteReceived(invitation));

/**
 * Sends an in-call message (legacy channelInviteDTMF) to the peer of a call that is ringing or accepted: resignal's
 * call signal, which the peer's Call (shim or converted) reports to onInviteMsg(extra). On a call that is not live
 * nothing is sent, as legacy delivered nothing then.
 */
function sendLegacyCallMessage(client, invitation, peer, extra) {
  if (!['SENT_TO_REMOTE', 'RECEIVED_BY_REMOTE', 'ACCEPTED_BY_REMOTE', 'RECEIVED', 'ACCEPTED'].includes(invitation.state)) return;
  client.sendMessageToPeer({ text: 'ResignalLegacyCallMsg:' + JSON.stringify({ channel: invitation.channelId, extra }) }, peer).catch(() => {});
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
