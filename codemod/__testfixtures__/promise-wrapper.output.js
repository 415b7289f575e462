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
      const onLoginSuccess = resolve;
      const onLoginFailed = reject;
    });
  }

  isOnline(account) {
    return new Promise((resolve) => {
      this.session.queryPeersOnlineStatus([account])
        .then((status) => ({ error: '', ret: { result: 'ok', account: account, status: status[account] ? 1 : 0 } }), (error) => ({ error: String(error), ret: { result: 'failed', reason: String(error) } }))
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
    this.session.logout().catch(() => {});
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
