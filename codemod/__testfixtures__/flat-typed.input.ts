import AgoraAPI from 'resignal/shim/flat';

// A flat-API module in TypeScript: everything in scope, so everything converts (and type-checks).
const appId: string = '970ca35de60c44645bbae8a215061b33';
const api = AgoraAPI.getInstance(appId);

api.onLoginSuccess = (uid: number, fd: number) => console.log('online', uid, fd);
api.onLogout = (ecode: number) => console.log('offline', ecode);
api.onChannelJoined = (channelID: string) => console.log('joined', channelID);
api.onChannelUserList = (accounts: string[], uids: number[]) => console.log('members', accounts, uids);
api.onMessageChannelReceive = (channelID: string, account: string, uid: number, msg: string) => console.log(channelID, account, uid, msg);
api.onMessageSendError = (messageID: string, ecode: number) => console.warn('not sent', messageID, ecode);
api.onQueryUserStatusResult = (name: string, status: string) => console.log(name, status);
api.onInvokeRet = (callID: string, err: string, resp: string) => console.log(callID, err, resp);

export function start(account: string): void {
  api.login2(appId, account, '_no_need_token', 0, '', 30, 3);
  api.channelJoin('lobby');
  api.messageChannelSend('lobby', 'hello', '');
  api.queryUserStatus('bob');
  api.invoke('io.agora.signal.user_query_user_status', JSON.stringify({ account: 'bob' }), 'q-1');
  console.log('status', api.getStatus());
  api.logout();
}
