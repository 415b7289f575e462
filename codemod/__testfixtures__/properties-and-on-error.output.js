var signal = AgoraRTM.createInstance('970ca35de60c44645bbae8a215061b33');
var session = signal;
session.login({ uid: 'jon' })
  .then(() => onLoginSuccess(), () => {})
  .catch((error) => console.error(error));
// TODO(resignal: SIG_ON_ERROR): RTM has no counterpart. The Web SDK never calls it; errors arrive through the specific callbacks (RTM: rejected promises).
session.onError = function (e) { console.log(e); };
const onLoginSuccess = function () {
  var channel = session.createChannel('room');
  channel.join()
    .then(() => onChannelJoined(), () => {})
    .catch((error) => console.error(error));
  const onChannelJoined = function () {
    // TODO(resignal: SIG_SESSION_ACCOUNT): RTM: the uid passed to client.login(). RTM does not expose the logged-in uid on the client; keep it yourself.
    // TODO(resignal: SIG_CHANNEL_STATE): RTM: the join()/leave() promises (RTM keeps the state internal). RTM exposes no channel state.
    console.log(session.account, channel.state);
  };
  // TODO(resignal: SIG_ON_CHANNEL_ATTR_UPDATED): RTM reports the whole attribute set: channel.on('AttributesUpdated', (attributes) => …) and compare with the previous set; writers must pass enableNotificationToChannelMembers: true
  channel.onChannelAttrUpdated = function (name, value, type) {
    console.log(name, value, type);
  };
};
// TODO(resignal: SIG_SET_DO_LOG): RTM: client.updateConfig({ logFilter: AgoraRTM.LOG_FILTER_DEBUG }). RTM sets logging per client through logFilter (OFF/ERROR/WARNING/INFO/DEBUG) and logs in its own format.
signal.setDoLog(true, 'DEBUG');
// TODO(resignal: SIG_GET_STATUS): RTM has no getStatus(): track client.on('ConnectionStateChanged', (state) => …) with DISCONNECTED/ABORTED → 0, CONNECTING → 1, CONNECTED → 2, RECONNECTING → 3
// TODO(resignal: SIG_LOGIN_STATE_LOGINED): RTM: 'CONNECTED' (RtmStatusCode.ConnectionState)
if (session.getStatus() === LOGIN_STATE_LOGINED) {
  console.log('online');
}
