// A wrapper class that turns the legacy callbacks into promises.
import AgoraRTM from 'resignal';

const INVOKE_USER_STATUS = 'io.agora.signal.user_query_user_status';

export class SignalClient {
  constructor(appId) {
    this.signal = AgoraRTM.createInstance(appId);
    /** @type {any} the session of the last login() */
    this.session = undefined;
  }

  login(account, token) {
    return new Promise((resolve, reject) => {
      this.session = this.signal;
      this.session.login({ uid: account, token })
        .then(() => onLoginSuccess(0), (error) => onLoginFailed(legacyLoginErrorCode(error)))
        .catch((error) => console.error(error));
      repeatLoginSuccessOnReconnect(this.session, () => onLoginSuccess(0));
      const onLoginSuccess = resolve;
      const onLoginFailed = reject;
    });
  }

  isOnline(account) {
    return new Promise((resolve) => {
      this.session.queryPeersOnlineStatus([account])
        .then((status) => ({ error: '', ret: { result: 'ok', account: account, status: status[account] ? 1 : 0 } }), legacyInvokeFailure)
        .then(({ error: err, ret }) => resolve(err === '' && ret.status === 1))
        .catch((error) => console.error(error));
    });
  }

  send(peer, text) {
    return new Promise((resolve, reject) => {
      this.session.sendMessageToPeer({ text }, peer)
        .then(() => false, () => true)
        .then((isError) => (isError ? reject(new Error('not sent')) : resolve(true)))
        .catch((error) => console.error(error));
    });
  }

  logout() {
    logoutIfLoggingIn(this.session);
  }
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

/** Legacy logout() on a session without an onLogout handler: it cancelled a login in progress; a logged-in session stayed logged in. */
function logoutIfLoggingIn(client) {
  if (client.connectionState === 'CONNECTING') client.logout().catch(() => {});
}

/** The legacy failure string for an RTM error (e.g. onChannelJoinFailed's argument), as the shim reports it. */
function legacyFailureString(error) {
  const name = typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (name === 'RtmInvalidStatusError' && code === 102) return 'not_login';
  if (name === 'RtmInvalidArgumentError') return 'invalid_argument';
  if (name === 'RtmLimitExceededError') return 'limit_exceeded';
  if (name === 'RtmTimeoutError') return 'timeout';
  if (name === 'RtmUnauthenticatedError') return 'unauthenticated';
  if (name === 'RtmUnavailableError' && code === 6) return 'user_not_online';
  return 'failed';
}

/** The legacy invoke reply for an RTM error: err === ret.result, a short string such as 'not_login' (as the shim replies), and ret.reason. */
function legacyInvokeFailure(error) {
  const failure = legacyFailureString(error);
  return { error: failure, ret: { result: failure, reason: String(error) } };
}
