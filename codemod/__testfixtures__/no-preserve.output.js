// Converted with --no-preserve own-channel-message,member-list-on-join,handler-errors
import AgoraRTM from 'resignal';

export function join(appId, account, token, onText) {
  const session = AgoraRTM.createInstance(appId);
  session.login({ uid: account, token }).then(() => onLoginSuccess(), () => {});
  const onLoginSuccess = () => {
    const channel = session.createChannel('news');
    channel.join().catch(() => {});
    // TODO(resignal: SIG_ON_CHANNEL_USER_LIST): RTM does not send the member list on join (--no-preserve member-list-on-join): call channel.getMembers() after join() if you need it
    channel.onChannelUserList = (users) => onText(users.length + ' here');
    const onMessageChannelReceive = (from, uid, text) => onText(from + ': ' + text);
    channel.on('ChannelMessage', (message, memberId) => onMessageChannelReceive(memberId, 0, message.text));
    channel.sendMessage({ text: 'hi' }).catch(() => {});
  };
}
