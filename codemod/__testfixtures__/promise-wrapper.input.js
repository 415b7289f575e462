// A wrapper class that turns the legacy callbacks into promises.
import Signal from '../vendor/AgoraSig-1.4.3';

const INVOKE_USER_STATUS = 'io.agora.signal.user_query_user_status';

export class SignalClient {
  constructor(appId) {
    this.signal = Signal(appId);
    /** @type {any} the session of the last login() */
    this.session = undefined;
  }

  login(account, token) {
    return new Promise((resolve, reject) => {
      this.session = this.signal.login(account, token);
      this.session.onLoginSuccess = resolve;
      this.session.onLoginFailed = reject;
    });
  }

  isOnline(account) {
    return new Promise((resolve) => {
      this.session.invoke(INVOKE_USER_STATUS, { account }, (err, ret) => resolve(err === '' && ret.status === 1));
    });
  }

  send(peer, text) {
    return new Promise((resolve, reject) => {
      this.session.messageInstantSend(peer, text, (isError) => (isError ? reject(new Error('not sent')) : resolve(true)));
    });
  }

  logout() {
    this.session.logout();
  }
}
