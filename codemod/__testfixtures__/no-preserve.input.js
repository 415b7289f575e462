// Converted with --no-preserve own-channel-message,member-list-on-join,handler-errors
import Signal from 'agora-signaling';

export function join(appId, account, token, onText) {
  const session = Signal(appId).login(account, token);
  session.onLoginSuccess = () => {
    const channel = session.channelJoin('news');
    channel.onChannelUserList = (users) => onText(users.length + ' here');
    channel.onMessageChannelReceive = (from, uid, text) => onText(from + ': ' + text);
    channel.onChannelAttrUpdated = (name, value, type) => onText(type + ' ' + name);
    channel.messageChannelSend('hi');
  };
}
