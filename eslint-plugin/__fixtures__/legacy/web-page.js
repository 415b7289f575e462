/* expected: SIG_SIGNAL SIG_LOGIN SIG_ON_LOGIN_SUCCESS SIG_CHANNEL_JOIN SIG_ON_MESSAGE_CHANNEL_RECEIVE SIG_MESSAGE_INSTANT_SEND SIG_MESSAGE_CHANNEL_SEND SIG_INVOKE_CHANNEL_QUERY_NUM SIG_LOGIN_STATE_LOGINED SIG_GET_STATUS SIG_LOGOUT */
var signal = Signal(APP_ID);
var session = signal.login(account, token);
var channel;

session.onLoginSuccess = function (uid) {
  channel = session.channelJoin('lobby');
  channel.onMessageChannelReceive = function (account, uid, msg) {
    show(account, msg);
  };
};

function sendTo(peer, text) {
  session.messageInstantSend(peer, text);
}

function say(text) {
  channel.messageChannelSend(text);
}

function count(done) {
  session.invoke('io.agora.signal.channel_query_num', { name: 'lobby' }, done);
}

function quit() {
  if (session.getStatus() === LOGIN_STATE_LOGINED) session.logout();
}
