import Signal from './vendor/AgoraSig-1.4.3.js';

const APP_ID = '970ca35de60c44645bbae8a215061b33';
const log = (...parts: unknown[]): void => console.log(...parts);

export function start(account: string, token: string): void {
  const signal = Signal(APP_ID);
  const session = signal.login(account, token);
  session.onLoginSuccess = (uid: number) => {
    log('online', uid);
    const channel = session.channelJoin('team');
    channel.onChannelJoined = () => log('joined');
    channel.onChannelJoinFailed = (err: string) => log('join failed', err);
    channel.onChannelUserList = (users: [string, number][]) => log('members', users.map((user) => user[0]));
    channel.onChannelUserJoined = (member: string, uid: number) => log('joined', member, uid);
    channel.onMessageChannelReceive = (from: string, uid: number, text: string) => log(from, uid, text);
    channel.messageChannelSend('hello team', () => log('sent'));
  };
  session.onLoginFailed = (ecode: number) => log('login failed', ecode);
  session.onLogout = (ecode: number) => log('logged out', ecode);
  session.onMessageInstantReceive = (from: string, uid: number, text: string) => log(from, uid, text);
  session.messageInstantSend('boss', 'here', (isError: boolean) => log('dm', isError));
  session.invoke('io.agora.signal.user_query_user_status', { account: 'boss' }, (err: string, ret: { status?: number }) => log(err, ret.status));
}
