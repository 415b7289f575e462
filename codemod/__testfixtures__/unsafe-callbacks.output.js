// Callback shapes that cannot become RTM listeners without changing behaviour.
const AgoraRTM = require('resignal');
var signal = AgoraRTM.createInstance('970ca35de60c44645bbae8a215061b33');
// TODO(resignal: SIG_LOGIN): reconnect_count/reconnect_time have no RTM counterpart: RTM reconnects until logout() and reports ConnectionStateChanged
var session = signal;
session.login({ uid: 'kim' }).catch(() => {});

// TODO(resignal: SIG_ON_MESSAGE_INSTANT_RECEIVE): the callback reads `this` (the legacy SDK object); RTM event: MessageFromPeer
session.onMessageInstantReceive = function (account, uid, msg) {
  console.log(this.account, msg);
};

function onPeerMessage(account, uid, msg) {
  console.log(account, msg);
}

// TODO(resignal: SIG_ON_LOGIN_SUCCESS): onLoginSuccess is also read as a property, which RTM objects do not have: keep the handler in a variable
session.onLoginSuccess = function () {
  var channel = session.createChannel('news');
  channel.join().catch(() => {});
  // TODO(resignal: SIG_ON_MESSAGE_CHANNEL_RECEIVE): onMessageChannelReceive is assigned more than once; RTM listeners add up instead of replacing each other: keep one on() registration and remove the old listener with off(); RTM event: ChannelMessage
  channel.onMessageChannelReceive = onPeerMessage;
  // TODO(resignal: SIG_ON_MESSAGE_CHANNEL_RECEIVE): unsetting onMessageChannelReceive has no RTM counterpart: remove the matching listener with off(); RTM event: ChannelMessage
  channel.onMessageChannelReceive = null;
  // TODO(resignal: SIG_SIGNAL): the legacy Signal factory is used here other than as Signal(appId); use AgoraRTM.createInstance(appId) and the AgoraRTM module or global
  if (typeof Signal !== 'undefined') console.log('legacy SDK still loaded');
};

// TODO(resignal: SIG_ON_LOGIN_SUCCESS): RTM objects have no onLoginSuccess property: keep the handler in a variable and use that
module.exports = session.onLoginSuccess;
