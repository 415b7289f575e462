const AgoraRTM = require('resignal');

const signal = AgoraRTM.createInstance(process.env.APP_ID);
const session = signal;
session.login({ uid: 'carol', token }).catch(() => {});

function isOnline(account, done) {
  session.queryPeersOnlineStatus([account])
    .then((status) => ({ error: '', ret: { result: 'ok', account: account, status: status[account] ? 1 : 0 } }), (error) => ({ error: String(error), ret: { result: 'failed', reason: String(error) } }))
    .then(function ({ error: err, ret }) {
      done(err === '' && ret.status === 1);
    })
    .catch((error) => console.error(error));
}

function memberCount(name, cb) {
  session.getChannelMemberCount([name])
    .then((counts) => cb('', { result: 'ok', name: name, num: counts[name] ?? 0 }), (error) => cb(String(error), { result: 'failed', reason: String(error) }))
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
  // TODO(resignal: SIG_CHANNEL_INVITE_DTMF): phone-line DTMF has no RTM counterpart (RTM invitations reach RTM users only): remove it, or keep the shim for phone calls
  setTimeout(() => call.channelInviteDTMF('1'), 1000);
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
    // TODO(resignal: SIG_ON_INVITE_MSG): phone-line invitation messages have no RTM counterpart (no phone calls in RTM): remove the handler
    call.onInviteMsg = (extra) => console.log(extra);
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
