import Signal from './vendor/AgoraSig-1.4.3.js';

const APP_ID = '970ca35de60c44645bbae8a215061b33';
const log = (...parts: unknown[]): void => console.log(...parts);

export function start(account: string, token: string, peer: string): () => void {
  const session = Signal(APP_ID).login(account, token);
  session.onMessageInstantReceive = (from: string, uid: number, text: string) => log(from, uid, text);
  session.onInviteReceived = (call: any) => {
    log(call.peer + ' is calling', session.getStatus());
    call.onInviteEndByPeer = (extra: string) => log('ended by', call.peer, extra);
    call.onInviteFailed = (extra: string) => log('lost', extra);
    call.channelInviteAccept();
  };
  const outgoing = session.channelInviteUser2('room-9', peer, '');
  outgoing.onInviteFailed = (extra: string) => log('failed', extra);
  outgoing.onInviteEndByPeer = (extra: string) => log('peer hung up', extra);
  outgoing.onInviteEndByMyself = () => log('hung up', session.account, session.state);
  return () => outgoing.channelInviteEnd('bye');
}
