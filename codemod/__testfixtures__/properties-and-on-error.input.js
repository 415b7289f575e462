var signal = Signal('970ca35de60c44645bbae8a215061b33');
var session = signal.login('jon', '_no_need_token');
session.onError = function (e) { console.log(e); };
session.onLoginSuccess = function () {
  var channel = session.channelJoin('room');
  channel.onChannelJoined = function () {
    console.log(session.account, channel.state);
  };
  channel.onChannelAttrUpdated = function (name, value, type) {
    console.log(name, value, type);
  };
};
signal.setDoLog(true, 'DEBUG');
if (session.getStatus() === LOGIN_STATE_LOGINED) {
  console.log('online');
}
