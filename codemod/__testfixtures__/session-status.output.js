var APP_ID = '970ca35de60c44645bbae8a215061b33';
var signal = AgoraRTM.createInstance(APP_ID);
signal.updateConfig({ logFilter: AgoraRTM.LOG_FILTER_OFF });
signal.updateConfig({ logFilter: AgoraRTM.LOG_FILTER_WARNING });
var session = signal;
session.login({ uid: 'fred' })
  .then(() => onLoginSuccess(0), () => {})
  .catch((error) => console.error(error));
repeatLoginSuccessOnReconnect(session, () => onLoginSuccess(0));
console.log('status', legacyStatus(session), legacyStatus(session));

const onLoginSuccess = function (uid) {
  console.log('logged in as', 'fred', uid, 0);
  if (legacyStatus(session) === 2) console.log('online');
};

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
