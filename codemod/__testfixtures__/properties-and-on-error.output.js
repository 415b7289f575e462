var signal = AgoraRTM.createInstance('970ca35de60c44645bbae8a215061b33');
var session = signal;
session.login({ uid: 'jon' })
  .then(() => onLoginSuccess(), () => {})
  .catch((error) => console.error(error));
repeatLoginSuccessOnReconnect(session, () => onLoginSuccess());
// TODO(resignal: SIG_ON_ERROR): the legacy Web SDK never called onError (errors reach the specific callbacks; in RTM, rejected promises): remove this handler
session.onError = function (e) { console.log(e); };
const onLoginSuccess = function () {
  var channel = session.createChannel('room');
  channel.join()
    .then(() => onChannelJoined(), () => {})
    .catch((error) => console.error(error));
  const onChannelJoined = function () {
    // TODO(resignal: SIG_CHANNEL_STATE): RTM: the join()/leave() promises (RTM keeps the state internal). RTM exposes no channel state.
    console.log('jon', channel.state);
  };
  // TODO(resignal: SIG_ON_CHANNEL_ATTR_UPDATED): RTM reports the whole attribute set: channel.on('AttributesUpdated', (attributes) => …) and compare with the previous set; writers must pass enableNotificationToChannelMembers: true
  channel.onChannelAttrUpdated = function (name, value, type) {
    console.log(name, value, type);
  };
};
// TODO(resignal: SIG_SET_DO_LOG): use client.updateConfig({ logFilter: AgoraRTM.LOG_FILTER_OFF | LOG_FILTER_WARNING | LOG_FILTER_INFO }) (RTM 1.6 typings have no debug level; the arguments must be literals to convert)
signal.setDoLog(true, 'DEBUG');
if (legacyStatus(session) === 2 /* LOGIN_STATE_LOGINED */) {
  console.log('online');
}

/**
 * Legacy 1.4.x after an automatic reconnect: channels were not re-joined and onLoginSuccess fired again (apps
 * re-join there). RTM re-joins by itself, so after a reconnect the channels this client created are left first
 * (other members see them leave, as with the shim), then `loggedIn` runs. A channel is remembered until then.
 */
function repeatLoginSuccessOnReconnect(client, loggedIn) {
  const channels = new Set();
  const createChannel = client.createChannel.bind(client);
  client.createChannel = (channelId) => {
    const channel = createChannel(channelId);
    channels.add(channel);
    return channel;
  };
  let reconnecting = false;
  client.on('ConnectionStateChanged', (state) => {
    const reconnected = reconnecting && state === 'CONNECTED';
    reconnecting = state === 'RECONNECTING';
    if (!reconnected) return;
    const left = [...channels].map((channel) => channel.leave().catch(() => {}));
    channels.clear();
    Promise.all(left).then(loggedIn);
  });
}

/** The legacy getStatus() number for the client's RTM connection state (0 not logged in, 1 logging in, 2 logged in, 3 reconnecting). */
function legacyStatus(client) {
  const state = 'connectionState' in client ? client.connectionState : 'DISCONNECTED';
  if (state === 'CONNECTING') return 1;
  if (state === 'CONNECTED') return 2;
  if (state === 'RECONNECTING') return 3;
  return 0;
}
