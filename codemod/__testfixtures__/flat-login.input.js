// A flat-API (native SDK port) session: login, status, peer messages, logout.
var appId = '970ca35de60c44645bbae8a215061b33';
var api = AgoraAPI.getInstance(appId);
api.onLoginSuccess = function (uid, fd) {
  console.log('showOnline', uid, fd);
};
api.onLoginFailed = function (ecode) {
  console.log('showError', 'login failed', ecode);
};
api.onLogout = function (ecode) {
  console.log('showOffline', ecode);
};
api.onMessageInstantReceive = function (account, uid, msg) {
  console.log('addLine', account, msg);
};
api.onMessageSendSuccess = function (messageID) {
  console.log('markSent', messageID);
};
api.onMessageSendError = function (messageID, ecode) {
  console.log('markFailed', messageID, ecode);
};
api.onQueryUserStatusResult = function (name, status) {
  console.log('showPresence', name, status === '1');
};

function start(account, token) {
  api.login(appId, account, token, 0, '');
}

function send(peer, text) {
  api.messageInstantSend(peer, 0, text, '');
  api.messageInstantSend2(peer, 0, text, 'urgent-1', JSON.stringify({ push: true }));
  api.queryUserStatus(peer);
}

function indicator() {
  return api.getStatus() === 2 ? 'online' : api.isOnline() ? 'online' : 'offline';
}

function quit() {
  api.logout();
}
