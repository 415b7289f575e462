// Channel names that RTM may reject, and invoke failures in the legacy shape.
function start(roomName, topic) {
  var session = Signal('970ca35de60c44645bbae8a215061b33').login('alice', '_no_need_token');
  var channel;
  session.onLoginSuccess = function () {
    var room = session.channelJoin(roomName);
    room.onChannelJoined = function () {
      console.log('joined', roomName);
    };
    room.onChannelJoinFailed = function (err) {
      console.log('join failed', err);
    };
    channel = session.channelJoin('topic:' + topic);
    channel.onChannelJoinFailed = function (err) {
      console.log('topic join failed', err);
    };
    const lobby = session.channelJoin(roomName + '-lobby');
    lobby.onChannelJoined = function () {
      console.log('lobby');
    };
    session.invoke('io.agora.signal.channel_query_num', { name: roomName }, function (err, ret) {
      console.log(err, ret.result, ret.num);
    });
  };
}
