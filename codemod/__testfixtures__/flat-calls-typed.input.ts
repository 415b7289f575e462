// Flat-API calls in TypeScript: the calls map and the helpers are typed.
import AgoraAPI from 'resignal/shim/flat';

const APP_ID = '970ca35de60c44645bbae8a215061b33';
const log = (...parts: unknown[]): void => console.log(...parts);

const api = AgoraAPI.getInstance(APP_ID);
api.onInviteReceived = (channelID: string, account: string, uid: number, extra: string) => {
  log('ringing', channelID, account, extra);
  api.channelInviteAccept(channelID, account, uid, '');
};
api.onInviteAcceptedByPeer = (channelID: string, account: string, uid: number, extra: string) => log('accepted', channelID, account, extra);
api.onInviteFailed = (channelID: string, account: string, uid: number, ecode: number, extra: string) => log('failed', channelID, ecode, extra);
api.onInviteEndByPeer = (channelID: string, account: string, uid: number, extra: string) => log('ended by peer', channelID, extra);
api.onInviteEndByMyself = (channelID: string, account: string, uid: number) => log('ended', channelID);
api.onInviteMsg = (channelID: string, account: string, uid: number, msgType: string, msgData: string) => log('dtmf', msgType, msgData);
api.login(APP_ID, 'erin', '_no_need_token', 0, '');

export function ring(peer: string): void {
  api.channelInviteUser2(`call-${peer}`, peer, '');
}

export function hangUp(peer: string): void {
  api.channelInviteEnd(`call-${peer}`, peer, 0);
}
