// A typed module that keeps a room's topic in a channel attribute and lists who is there.
import Signal from './vendor/AgoraSig-1.4.0';

export function watchRoom(appId: string, account: string, show: (line: string) => void): void {
  const session = Signal(appId).login(account, '_no_need_token');
  session.onLoginSuccess = () => {
    const channel = session.channelJoin('room');
    channel.onChannelUserList = (users: [string, number][]) => show(`${users.length} here`);
    channel.onChannelAttrUpdated = (name: string, value: string, type: string) => {
      if (name === 'topic') show(type === 'update' ? `topic: ${value}` : 'no topic');
    };
    channel.onChannelJoined = () => channel.channelSetAttr('seen', account);
  };
}
