import EventEmitter from 'events';
import Signal from './AgoraSig';

export function connect(appId, account, token) {
  const emitter = new EventEmitter();
  const session = Signal(appId).login(account, token);
  ['onLoginSuccess', 'onLoginFailed', 'onLogout', 'onMessageInstantReceive'].forEach((event) => {
    session[event] = (...args) => emitter.emit(event, ...args);
  });
  return emitter;
}

export function wire(session, handler) {
  session.onMessageInstantReceive = handler;
}
