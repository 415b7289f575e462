// A 1.4.x app that re-joins its channel in onLoginSuccess, which fires again after every automatic reconnect.
var session = Signal('970ca35de60c44645bbae8a215061b33').login('alice', '_no_need_token');
var channel;
session.onLoginSuccess = function () {
  console.log('online');
  channel = session.channelJoin('room');
  channel.onChannelJoined = function () {
    console.log('joined');
  };
};

function switchRoom(name) {
  channel = session.channelJoin('lobby');
  channel.onChannelJoined = function () {
    console.log('in the lobby');
  };
  channel = session.channelJoin('news');
  channel.onChannelJoined = function () {
    console.log('reading news', name);
  };
}
