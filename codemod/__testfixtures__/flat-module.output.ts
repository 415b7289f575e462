import AgoraRTM from 'resignal';

// A flat-API service class in TypeScript: the instance in a class field.
export class Chat {
  api = AgoraRTM.createInstance(APP_ID);

  constructor(private readonly onLine: (account: string, text: string) => void) {
    const onMessageInstantReceive = (account: string, uid: number, msg: string) => this.onLine(account, msg);
    this.api.on('MessageFromPeer', (message: { text?: string }, peerId: string) => onMessageInstantReceive(peerId, 0, message.text ?? ''));
    const onLoginSuccess = (uid: number, fd: number) => this.ready(uid, fd);
    const onLoginFailed = (ecode: number) => console.warn('login failed', ecode);
    // TODO(resignal: SIG_FLAT_ON_MESSAGE_SEND_ERROR): no converted flat call in scope answers this callback: keep the handler where the call that answers it can see it, or convert by hand (see docs/codemod.md, flat API)
    this.api.onMessageSendError = (messageID: string, ecode: number) => console.warn('not sent', messageID, ecode);
    this.api.login({ uid: 'dave', token: TOKEN })
      .then(() => onLoginSuccess(0, 0), (error: unknown) => onLoginFailed(legacyLoginErrorCode(error)))
      .catch((error: unknown) => console.error(error));
  }

  ready(uid: number, fd: number): void {
    console.log('online', uid, fd);
  }

  send(peer: string, text: string): void {
    // TODO(resignal: SIG_FLAT_MESSAGE_INSTANT_SEND): onMessageSendError cannot be used here (not in scope, assigned more than once, or reading this); RTM: client.sendMessageToPeer({ text: msg }, account)
    this.api.messageInstantSend(peer, 0, text, 'm-1');
  }
}

declare const APP_ID: string;
declare const TOKEN: string;

/** The legacy onLoginFailed code for an RTM login error (201 network, 204 token expired, 206 invalid token, 209 invalid account), as the shim reports it. */
function legacyLoginErrorCode(error: unknown): number {
  const name = typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (name === 'RtmInvalidArgumentError') return 209;
  if (name === 'RtmUnauthenticatedError' && code === 6) return 204;
  if (name === 'RtmUnauthenticatedError') return 206;
  if (name === '' && code === 6) return 204;
  return 201;
}
