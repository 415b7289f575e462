// Flat-API calls and the elements without an RTM counterpart: kept, each with a TODO naming its ID.
var api = AgoraRTM.createInstance(APP_ID);
// TODO(resignal: SIG_FLAT_ON_INVITE_RECEIVED): RTM: client.on('RemoteInvitationReceived', (invitation) => …) with invitation.channelId, callerId and content; keep the invitation object to accept() or refuse() it (the flat API named calls by channel and account): convert the call flow by hand
api.onInviteReceived = function (channelID, account, uid, extra) {
  // TODO(resignal: SIG_FLAT_CHANNEL_INVITE_ACCEPT): RTM: remoteInvitation.accept() on the invitation object received with RemoteInvitationReceived (keep it by channel and caller)
  api.channelInviteAccept(channelID, account, uid, extra);
};
// TODO(resignal: SIG_FLAT_ON_INVITE_ACCEPTED_BY_PEER): RTM: localInvitation.on('LocalInvitationAccepted', (response) => …). RTM listeners are per invitation object.
api.onInviteAcceptedByPeer = function (channelID, account, uid, extra) {
  startCall(channelID);
};
// TODO(resignal: SIG_FLAT_ON_INVITE_END_BY_PEER): RTM: remoteInvitation.on('RemoteInvitationCanceled', (content) => …) (while ringing only). RTM reports only a cancelled ringing invitation, not a hang-up after accept.
api.onInviteEndByPeer = function (channelID, account, uid, extra) {
  endCall(channelID);
};
// TODO(resignal: SIG_FLAT_ON_INVOKE_RET): no converted flat call in scope answers this callback: keep the handler where the call that answers it can see it, or convert by hand (see docs/codemod.md, flat API)
api.onInvokeRet = function (callID, err, resp) {
  log(callID, resp);
};
api.login({ uid: 'carol', token }).catch(() => {});

function call(peer) {
  // TODO(resignal: SIG_FLAT_CHANNEL_INVITE_USER2): RTM: client.createLocalInvitation(account) with channelId and content (extra) set, then send(); keep the invitation object for its events and cancel()
  api.channelInviteUser2('call-' + peer, peer, JSON.stringify({ video: true }));
}

function hangUp(peer) {
  // TODO(resignal: SIG_FLAT_CHANNEL_INVITE_END): RTM: localInvitation.cancel() (while ringing only). Legacy ends a call at any time from either side; RTM only cancels a sent, unanswered local invitation.
  api.channelInviteEnd('call-' + peer, peer, 0);
}

function legacyOnly(peer) {
  // TODO(resignal: SIG_FLAT_MESSAGE_PUSH_SEND): RTM has no counterpart. RTM has no push notifications.
  api.messagePushSend(peer, 0, 'wake up', '');
  // TODO(resignal: SIG_FLAT_CHANNEL_INVITE_PHONE): RTM has no counterpart. RTM has no phone-line (SIP/PSTN) invitations.
  api.channelInvitePhone('room', '+15550100', 0);
  // TODO(resignal: SIG_FLAT_SET_ATTR): RTM: client.addOrUpdateLocalUserAttributes({ [name]: value }). RTM user attributes exist only while the user is online; keys ≤32 bytes, non-empty values.
  api.setAttr('mood', 'busy');
  // TODO(resignal: SIG_FLAT_GET_USER_ATTR): RTM: client.getUserAttributesByKeys(account, [name]). RTM fails (code 6) for an offline user, whose attributes no longer exist.
  api.getUserAttr(peer, 'mood');
  // TODO(resignal: SIG_FLAT_INVOKE): only invoke('io.agora.signal.user_query_user_status', JSON.stringify({ account }), callID) is converted; call the matching RTM method (see docs/api-map.md, invoke functions) and report its result yourself
  api.invoke('io.agora.signal.channel_query_userlist', JSON.stringify({ name: 'room' }), 'q-1');
}
