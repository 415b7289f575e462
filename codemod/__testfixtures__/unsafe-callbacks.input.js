// Callback shapes that cannot become RTM listeners without changing behaviour.
var signal = new Signal('970ca35de60c44645bbae8a215061b33');
var session = signal.login('kim', '_no_need_token', 5, 60000);

session.onMessageInstantReceive = function (account, uid, msg) {
  console.log(this.account, msg);
};

function onPeerMessage(account, uid, msg) {
  console.log(account, msg);
}

session.onLoginSuccess = function () {
  var channel = session.channelJoin('news');
  channel.onMessageChannelReceive = onPeerMessage;
  channel.onMessageChannelReceive = null;
  if (typeof Signal !== 'undefined') console.log('legacy SDK still loaded');
};

module.exports = session.onLoginSuccess;
