// Flat-API calls (converted: kept by channel and account next to the client) and the elements without an RTM counterpart: kept, each with a TODO naming its ID.
var api = AgoraAPI.getInstanceWithoutMedia(APP_ID);
api.onInviteReceived = function (channelID, account, uid, extra) {
  api.channelInviteAccept(channelID, account, uid, extra);
};
api.onInviteAcceptedByPeer = function (channelID, account, uid, extra) {
  startCall(channelID);
};
api.onInviteEndByPeer = function (channelID, account, uid, extra) {
  endCall(channelID);
};
api.onInvokeRet = function (callID, err, resp) {
  log(callID, resp);
};
api.login(APP_ID, 'carol', token, 0, '');

function call(peer) {
  api.channelInviteUser2('call-' + peer, peer, JSON.stringify({ video: true }));
}

function hangUp(peer) {
  api.channelInviteEnd('call-' + peer, peer, 0);
}

function legacyOnly(peer) {
  api.messagePushSend(peer, 0, 'wake up', '');
  api.channelInvitePhone('room', '+15550100', 0);
  api.setAttr('mood', 'busy');
  api.getUserAttr(peer, 'mood');
  api.invoke('io.agora.signal.channel_query_userlist', JSON.stringify({ name: 'room' }), 'q-1');
}
