// A script-tag app on the legacy Web SDK (global Signal).
var appId = '970ca35de60c44645bbae8a215061b33';
var account = 'alice';
var signal = Signal(appId);
var session = signal.login(account, '_no_need_token');

session.onLoginSuccess = function (uid) {
  console.log('login ok', uid);
};
session.onLoginFailed = function (ecode) {
  console.log('login failed', ecode);
};
session.onLogout = function (ecode) {
  console.log('logout', ecode);
};
session.onMessageInstantReceive = function (account, uid, msg) {
  console.log('peer message', account, uid, msg);
};

function sendTo(peer, text) {
  session.messageInstantSend(peer, text, function (isError) {
    console.log('sent', isError);
  });
}

function quit() {
  session.logout();
}
