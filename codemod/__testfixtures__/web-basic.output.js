// A script-tag app on the legacy Web SDK (global Signal).
var appId = '970ca35de60c44645bbae8a215061b33';
var account = 'alice';
var signal = AgoraRTM.createInstance(appId);
var session = signal;
session.login({ uid: account })
  .then(() => onLoginSuccess(0), (error) => onLoginFailed(legacyLoginErrorCode(error)))
  .catch((error) => console.error(error));
repeatLoginSuccessOnReconnect(session, () => onLoginSuccess(0));

const onLoginSuccess = function (uid) {
  console.log('login ok', uid);
};
const onLoginFailed = function (ecode) {
  console.log('login failed', ecode);
};
const onLogout = function (ecode) {
  console.log('logout', ecode);
};
session.on('ConnectionStateChanged', (state, reason) => {
  const ecode = legacyLogoutCode(state, reason);
  if (ecode !== undefined) onLogout(ecode);
});
const onMessageInstantReceive = function (account, uid, msg) {
  console.log('peer message', account, uid, msg);
};
session.on('MessageFromPeer', (message, peerId) => onMessageInstantReceive(peerId, 0, message.text));

function sendTo(peer, text) {
  session.sendMessageToPeer({ text }, peer)
    .then(() => false, () => true)
    .then(function (isError) {
      console.log('sent', isError);
    })
    .catch((error) => console.error(error));
}

function quit() {
  session.logout().catch(() => {});
}

/** The legacy onLoginFailed code for an RTM login error (201 network, 204 token expired, 206 invalid token, 209 invalid account), as the shim reports it. */
function legacyLoginErrorCode(error) {
  const name = typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (name === 'RtmInvalidArgumentError') return 209;
  if (name === 'RtmUnauthenticatedError' && code === 6) return 204;
  if (name === 'RtmUnauthenticatedError') return 206;
  if (name === '' && code === 6) return 204;
  return 201;
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

/** The legacy onLogout code for an RTM connection state that ends the session (101 logout, 102 lost, 103 kicked). */
function legacyLogoutCode(state, reason) {
  if (state === 'DISCONNECTED' && reason === 'LOGOUT') return 101;
  if (state === 'ABORTED' && reason === 'REMOTE_LOGIN') return 103;
  if (state === 'ABORTED') return 102;
  return undefined;
}
