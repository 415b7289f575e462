// The LOGIN_STATE_* globals of the legacy script, compared with getStatus(); one page reassigns its own copy.
var session = AgoraRTM.createInstance('970ca35de60c44645bbae8a215061b33');
session.login({ uid: 'jon' })
  .then(() => onLoginSuccess(), () => {})
  .catch((error) => console.error(error));
repeatLoginSuccessOnReconnect(session, () => onLoginSuccess());
const onLoginSuccess = function () {
  showStatus();
};

function showStatus() {
  var status = legacyStatus(session);
  if (status === 0 /* LOGIN_STATE_NOT_LOGIN */) console.log('offline');
  else if (status === 1 /* LOGIN_STATE_LOGINING */) console.log('logging in');
  else if (status === 2 /* LOGIN_STATE_LOGINED */) console.log('online');
  else if (status === 3 /* LOGIN_STATE_RECONNECTING */) console.log('reconnecting');
  return [0 /* LOGIN_STATE_NOT_LOGIN */, 2 /* LOGIN_STATE_LOGINED */].indexOf(status) >= 0;
}

// TODO(resignal: SIG_LOGIN_STATE_RECONNECTING): LOGIN_STATE_RECONNECTING is a global of the legacy SDK script
LOGIN_STATE_RECONNECTING = 3;

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
