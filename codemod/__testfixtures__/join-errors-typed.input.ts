// A typed join whose channel name RTM may reject, and an invoke failure passed to a named callback.
import Signal from './vendor/AgoraSig-1.4.3.js';

function onCount(err: string, ret: { result: string; num?: number }): void {
  console.log(err, ret.result, ret.num);
}

export function start(appId: string, roomName: string): void {
  var session = Signal(appId).login('alice', '_no_need_token');
  session.onLoginSuccess = function () {
    var room = session.channelJoin(roomName);
    room.onChannelJoined = function () {
      console.log('joined', roomName);
    };
    room.onChannelJoinFailed = function (err: string) {
      console.log('join failed', err);
    };
    session.invoke('io.agora.signal.channel_query_num', { name: roomName }, onCount);
  };
}
