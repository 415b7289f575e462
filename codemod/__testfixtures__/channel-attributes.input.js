var signal = Signal('970ca35de60c44645bbae8a215061b33');
var session = signal.login('ivy', '_no_need_token');

session.onLoginSuccess = function () {
  var channel = session.channelJoin('room');
  channel.onChannelAttrUpdated = function (name, value, type) {
    console.log('attribute', type, name, value);
  };
  channel.onChannelJoined = function () {
    console.log('joined', channel.name);
    channel.channelSetAttr('topic', 'hello', function () {
      console.log('topic set');
    });
    channel.channelDelAttr('draft');
    channel.channelClearAttr(onCleared);
    session.invoke('io.agora.signal.channel_set_attr', { channel: channel.name, name: 'mood', value: 'calm' }, onInvoked);
  };
};

function onCleared() {
  console.log('cleared');
}

function onInvoked(err, ret) {
  console.log(err, ret.result);
}
