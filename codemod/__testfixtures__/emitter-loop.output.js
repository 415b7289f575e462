import EventEmitter from 'events';
import AgoraRTM from 'resignal';

export function connect(appId, account, token) {
  const emitter = new EventEmitter();
  const session = AgoraRTM.createInstance(appId);
  session.login({ uid: account, token }).catch(() => {});
  // TODO(resignal: SIG_ON_LOGIN_SUCCESS): callbacks wired by name into an emitter: replace with client.on(…) / channel.on(…) listeners (see docs/codemod.md for the event of each callback)
  ['onLoginSuccess', 'onLoginFailed', 'onLogout', 'onMessageInstantReceive'].forEach((event) => {
    session[event] = (...args) => emitter.emit(event, ...args);
  });
  return emitter;
}

export function wire(session, handler) {
  // TODO(resignal: SIG_ON_MESSAGE_INSTANT_RECEIVE): could not prove which legacy object this is: convert onMessageInstantReceive by hand (see docs/codemod.md)
  session.onMessageInstantReceive = handler;
}
