const AgoraRTM = require('resignal');

const signal = AgoraRTM.createInstance(process.env.APP_ID);
const session = signal;
session.login({ uid: 'carol', token }).catch(() => {});

function isOnline(account, done) {
  session.queryPeersOnlineStatus([account])
    .then((status) => ({ error: '', ret: { result: 'ok', account: account, status: status[account] ? 1 : 0 } }), legacyInvokeFailure)
    .then(function ({ error: err, ret }) {
      done(err === '' && ret.status === 1);
    })
    .catch((error) => console.error(error));
}

function memberCount(name, cb) {
  session.getChannelMemberCount([name])
    .then((counts) => ({ error: '', ret: { result: 'ok', name: name, num: counts[name] ?? 0 } }), legacyInvokeFailure)
    .then(({ error, ret }) => cb(error, ret))
    .catch((error) => console.error(error));
}

function setAttr(name, value) {
  // TODO(resignal: SIG_INVOKE_USER_SET_ATTR): an empty value deleted the attribute in legacy: use client.deleteLocalUserAttributesByKeys([name]) for "", client.addOrUpdateLocalUserAttributes({ [name]: value }) otherwise
  session.invoke('io.agora.signal.user_set_attr', { name, value });
}

function ring(peer) {
  const call = session.createLocalInvitation(peer);
  call.channelId = 'room-1';
  call.content = JSON.stringify({ video: true });
  call.send();
  const onInviteReceivedByPeer = () => console.log('ringing', call.calleeId);
  call.on('LocalInvitationReceivedByPeer', () => onInviteReceivedByPeer());
  const onInviteAcceptedByPeer = (extra) => console.log('accepted', extra);
  call.on('LocalInvitationAccepted', (response) => onInviteAcceptedByPeer(response));
  const onInviteRefusedByPeer = (extra) => console.log('refused', extra);
  call.on('LocalInvitationRefused', (response) => onInviteRefusedByPeer(response));
  const onInviteFailed = (extra) => console.log('failed', JSON.parse(extra).reason);
  call.on('LocalInvitationFailure', (reason) => onInviteFailed(legacyInviteFailure(reason)));
  setTimeout(() => sendLegacyCallMessage(session, call, call.calleeId, JSON.stringify({ msgtype: 'dtmf', msgdata: '1' })), 1000);
  // TODO(resignal: SIG_CALL_CHANNEL_INVITE_USER2): an RTM LocalInvitation is sent once: to call again, create a new one (client.createLocalInvitation(peer), channelId, content, send()) and register its listeners again
  retryButton.onclick = () => call.channelInviteUser2();
  return call;
}

const onInviteReceived = function (call) {
  console.log('incoming from', call.callerId, 'for', call.channelId, call.content);
  const onInviteEndByPeer = (extra) => console.log('caller hung up', extra);
  onRemoteCallEnd(session, call, (extra) => onInviteEndByPeer(extra));
  if (busy()) {
    call.response = JSON.stringify({ status: 1 });
    call.refuse();
  } else {
    call.accept();
    const onInviteMsg = (extra) => console.log(extra);
    onLegacyCallMessage(session, call, call.callerId, (extra) => onInviteMsg(extra));
    // TODO(resignal: SIG_CHANNEL_INVITE_END): RTM has no call to end an incoming invitation: send the legacy hang-up text (AgoraRTMLegacyEndcallCompatibleMessagePrefix_<channel>_<extra>) to invitation.callerId with client.sendMessageToPeer, then run your onInviteEndByMyself handler
    setTimeout(() => call.channelInviteEnd('bye'), 60000);
  }
};
session.on('RemoteInvitationReceived', (invitation) => onInviteReceived(invitation));

function lookup(name, args, cb) {
  // TODO(resignal: SIG_INVOKE): invoke() with a computed function name: map each io.agora.signal.* function to its RTM call
  session.invoke(name, args, cb);
}

console.log(legacyStatus(session));

/** The legacy onInviteFailed extra for an RTM invitation failure: JSON with the reason and the INVITE_E_* code (703 peer offline, 704 timeout, 702 network, 700 other). */
function legacyInviteFailure(reason) {
  const ecodes = { PEER_OFFLINE: 703, PEER_NO_RESPONSE: 704, INVITATION_EXPIRE: 704, NOT_LOGGEDIN: 702, ACCEPT_FAILURE: 702 };
  const ecode = reason in ecodes ? ecodes[reason] : 700;
  return JSON.stringify({ reason, ecode });
}

/** The legacy getStatus() number for the client's RTM connection state (0 not logged in, 1 logging in, 2 logged in, 3 reconnecting). */
function legacyStatus(client) {
  const state = 'connectionState' in client ? client.connectionState : 'DISCONNECTED';
  if (state === 'CONNECTING') return 1;
  if (state === 'CONNECTED') return 2;
  if (state === 'RECONNECTING') return 3;
  return 0;
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

/** The legacy invoke reply for an RTM error: err === ret.result, a short string such as 'not_login' (as the shim replies), and ret.reason. */
function legacyInvokeFailure(error) {
  const failure = legacyFailureString(error);
  return { error: failure, ret: { result: failure, reason: String(error) } };
}

/**
 * Sends an in-call message (legacy channelInviteDTMF) to the peer of a call that is ringing or accepted: resignal's
 * call signal, which the peer's Call (shim or converted) reports to onInviteMsg(extra). On a call that is not live
 * nothing is sent, as legacy delivered nothing then.
 */
function sendLegacyCallMessage(client, invitation, peer, extra) {
  if (!['SENT_TO_REMOTE', 'RECEIVED_BY_REMOTE', 'ACCEPTED_BY_REMOTE', 'RECEIVED', 'ACCEPTED'].includes(invitation.state)) return;
  client.sendMessageToPeer({ text: 'ResignalLegacyCallMsg:' + JSON.stringify({ channel: invitation.channelId, extra }) }, peer).catch(() => {});
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
