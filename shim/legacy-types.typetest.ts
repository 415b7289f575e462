/* Compile-time check: typical legacy app code type-checks against the shim's declarations. */
import Signal, { LOGIN_STATE_LOGINED, LOGOUT_E_KICKED, type LegacyCall, type LegacyChannel } from './index.js';

export function legacyApp(appId: string, token: string): void {
  const signal = new Signal(appId);
  const plain = Signal(appId);
  plain.setDoLog(true, 'INFO');
  const session = signal.login('alice', token, 10, 30_000);
  session.onLoginSuccess = function (uid) {
    const n: number = uid;
    void n;
    const channel: LegacyChannel | undefined = session.channelJoin('room');
    if (!channel) return;
    channel.onChannelJoined = () => undefined;
    channel.onChannelUserList = (users) => users.map((user) => user[0].toUpperCase());
    channel.onChannelAttrUpdated = (name, value, type) => `${name}${value}${type}`;
    channel.onMessageChannelReceive = (account, uid2, msg) => `${account}${uid2}${msg}`;
    channel.messageChannelSend('hi', () => undefined);
    channel.channelLeave();
  };
  session.onLogout = (ecode) => {
    if (ecode === LOGOUT_E_KICKED) session.onLogout = null;
  };
  session.onLoginFailed = '';
  session.onMessageInstantReceive = (account, uid, msg) => `${account}${uid}${msg}`;
  session.messageInstantSend('bob', 'hello', (isError) => (isError ? 'failed' : 'sent'));
  session.invoke('io.agora.signal.user_query_user_status', { account: 'bob' }, (err, ret) => (err === '' ? ret['status'] : ret.reason));
  session.onInviteReceived = (call: LegacyCall) => {
    call.onInviteEndByPeer = (extra) => (JSON.parse(extra) as { reason?: string }).reason;
    call.channelInviteAccept();
  };
  const call = session.channelInviteUser2('room', 'bob', JSON.stringify({ _timeout: 10 }));
  call.onInviteFailed = (extra) => (JSON.parse(extra) as { reason: string }).reason;
  call.channelInviteEnd();
  if (session.getStatus() === LOGIN_STATE_LOGINED) session.logout();
  Signal.configure({ endpoint: 'https://rtm.example.com' });
}
