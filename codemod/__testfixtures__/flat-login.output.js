// A flat-API (native SDK port) session: login, status, peer messages, logout.
var appId = '970ca35de60c44645bbae8a215061b33';
var api = AgoraRTM.createInstance(appId);
let apiStatus = 0; // getStatus(): 0 not logged in, 1 logging in, 2 logged in, 3 reconnecting
api.on('ConnectionStateChanged', (state) => {
  apiStatus = flatLoginStatus(state);
});
const onLoginSuccess = function (uid, fd) {
  console.log('showOnline', uid, fd);
};
const onLoginFailed = function (ecode) {
  console.log('showError', 'login failed', ecode);
};
const onLogout = function (ecode) {
  console.log('showOffline', ecode);
};
api.on('ConnectionStateChanged', (state, reason) => {
  const ecode = legacyLogoutCode(state, reason);
  if (ecode !== undefined) onLogout(ecode);
});
const onMessageInstantReceive = function (account, uid, msg) {
  console.log('addLine', account, msg);
};
api.on('MessageFromPeer', (message, peerId) => onMessageInstantReceive(peerId, 0, message.text));
const onMessageSendSuccess = function (messageID) {
  console.log('markSent', messageID);
};
const onMessageSendError = function (messageID, ecode) {
  console.log('markFailed', messageID, ecode);
};
const onQueryUserStatusResult = function (name, status) {
  console.log('showPresence', name, status === '1');
};

function start(account, token) {
  api.login({ uid: account, token })
    .then(() => onLoginSuccess(0, 0), (error) => onLoginFailed(legacyLoginErrorCode(error)))
    .catch((error) => console.error(error));
}

function send(peer, text) {
  api.sendMessageToPeer({ text }, peer)
    .then(() => onMessageSendSuccess(flatMessageId()), (error) => onMessageSendError(flatMessageId(), flatFailureCode(error, 401, 400)))
    .catch((error) => console.error(error));
  api.sendMessageToPeer({ text }, peer)
    .then(() => onMessageSendSuccess('urgent-1'), (error) => onMessageSendError('urgent-1', flatFailureCode(error, 401, 400)))
    .catch((error) => console.error(error));
  api.queryPeersOnlineStatus([peer])
    .then((online) => onQueryUserStatusResult(peer, online[peer] ? '1' : '0'), () => {})
    .catch((error) => console.error(error));
}

function indicator() {
  return apiStatus === 2 ? 'online' : (apiStatus === 2 ? 1 : 0) ? 'online' : 'offline';
}

function quit() {
  api.logout().catch(() => {});
}

/** The flat API's getStatus() for an RTM connection state (0 not logged in, 1 logging in, 2 logged in, 3 reconnecting). */
function flatLoginStatus(state) {
  if (state === 'CONNECTING') return 1;
  if (state === 'CONNECTED') return 2;
  if (state === 'RECONNECTING') return 3;
  return 0;
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

/** The legacy onLogout code for an RTM connection state that ends the session (101 logout, 102 lost, 103 kicked). */
function legacyLogoutCode(state, reason) {
  if (state === 'DISCONNECTED' && reason === 'LOGOUT') return 101;
  if (state === 'ABORTED' && reason === 'REMOTE_LOGIN') return 103;
  if (state === 'ABORTED') return 102;
  return undefined;
}

/** The message ID the flat API reported: the app's own, or a generated decimal ID when it passed none (''). */
function flatMessageId(msgID) {
  return msgID ? msgID : `${Date.now()}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
}

/** The flat API's failure code for an RTM error: `timeoutCode` when RTM timed out, `otherCode` otherwise. */
function flatFailureCode(error, timeoutCode, otherCode) {
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
  return name === 'RtmTimeoutError' ? timeoutCode : otherCode;
}
