/*
 * Posts a deploy notice to the "ops" channel and to the on-call engineer, then logs out.
 * Written on the legacy Signaling SDK, which the app vendored as a file.
 */
var Signal = require('./vendor/AgoraSig-1.4.0.js');

var APP_ID = process.env.APP_ID || 'c0a1b2c3d4e5f60718293a4b5c6d7e8f';
var ACCOUNT = process.env.ACCOUNT || 'deploy-bot';
var TOKEN = process.env.TOKEN || '_no_need_token';
var ON_CALL = process.env.ON_CALL || 'on-call';
var NOTICE = process.argv[2] || 'deploy finished';

var signal = Signal(APP_ID);
var session = signal.login(ACCOUNT, TOKEN);

session.onLoginSuccess = function (uid) {
  console.log('logged in as ' + ACCOUNT);
  var channel = session.channelJoin('ops');
  channel.onChannelJoined = function () {
    channel.messageChannelSend(NOTICE, function () {
      session.messageInstantSend(ON_CALL, NOTICE, function (isError) {
        console.log(isError ? 'could not notify ' + ON_CALL : 'notified ' + ON_CALL);
        channel.channelLeave(function () {
          session.logout();
        });
      });
    });
  };
  channel.onChannelJoinFailed = function (err) {
    console.error('could not join ops: ' + err);
    session.logout();
  };
};

session.onLoginFailed = function (ecode) {
  console.error('login failed: ' + ecode);
  process.exitCode = 1;
};

session.onLogout = function (ecode) {
  console.log('logged out (' + ecode + ')');
};
