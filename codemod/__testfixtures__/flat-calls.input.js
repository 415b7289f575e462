// Flat-API calls, named by channel and account: every invite call and callback, DTMF from a Web peer, and a hang-up text that must not reach onMessageInstantReceive.
var APP_ID = '970ca35de60c44645bbae8a215061b33';
var TOKEN = '_no_need_token';
var log = (...parts) => console.log(...parts);
var api = AgoraAPI.getInstance(APP_ID);
api.onLoginSuccess = function (uid, fd) {
  api.channelInviteUser('lobby-call', 'dave', 0);
};
api.onInviteReceived = function (channelID, account, uid, extra) {
  if (extra === 'busy?') {
    api.channelInviteRefuse(channelID, account, uid, JSON.stringify({ busy: 1 }));
  } else {
    api.channelInviteAccept(channelID, account, uid, '');
  }
};
api.onInviteReceivedByPeer = function (channelID, account, uid) {
  log('showRinging', channelID, account);
};
api.onInviteAcceptedByPeer = function (channelID, account, uid, extra) {
  log('startCall', channelID, extra);
};
api.onInviteRefusedByPeer = function (channelID, account, uid, extra) {
  log('showBusy', account, extra);
};
api.onInviteFailed = function (channelID, account, uid, ecode, extra) {
  log('showError', ecode, JSON.parse(extra).reason);
};
api.onInviteEndByPeer = function (channelID, account, uid, extra) {
  log('endCall', channelID);
};
api.onInviteEndByMyself = function (channelID, account, uid) {
  log('endCall', channelID);
};
api.onInviteMsg = function (channelID, account, uid, msgType, msgData, extra) {
  if (msgType === 'dtmf') log('pressed', msgData);
};
api.onError = function (name, ecode, desc) {
  log('showError', ecode, desc);
};
api.onMessageInstantReceive = function (account, uid, msg) {
  log('addLine', account, msg);
};
api.login(APP_ID, 'carol', TOKEN, 0, '');

function ring(peer, video) {
  api.channelInviteUser2('call-' + peer, peer, JSON.stringify({ video: video }));
}

function answerLater(channelID, peer) {
  api.channelInviteAccept(channelID, peer, 0, '{"ok":1}');
}

function hangUp(peer) {
  api.channelInviteEnd('call-' + peer, peer, 0);
}
