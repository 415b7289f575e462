import AgoraAPI from 'resignal/shim/flat';

// A flat-API service class in TypeScript: the instance in a class field.
export class Chat {
  api = AgoraAPI.getInstance(APP_ID);

  constructor(private readonly onLine: (account: string, text: string) => void) {
    this.api.onMessageInstantReceive = (account: string, uid: number, msg: string) => this.onLine(account, msg);
    this.api.onLoginSuccess = (uid: number, fd: number) => this.ready(uid, fd);
    this.api.onLoginFailed = (ecode: number) => console.warn('login failed', ecode);
    this.api.onMessageSendError = (messageID: string, ecode: number) => console.warn('not sent', messageID, ecode);
    this.api.login(APP_ID, 'dave', TOKEN, 0, '');
  }

  ready(uid: number, fd: number): void {
    console.log('online', uid, fd);
  }

  send(peer: string, text: string): void {
    this.api.messageInstantSend(peer, 0, text, 'm-1');
  }
}

declare const APP_ID: string;
declare const TOKEN: string;
