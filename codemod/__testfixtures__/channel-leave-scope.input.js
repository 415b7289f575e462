// onChannelLeaved is assigned where the later channelLeave() cannot see it.
var signal = Signal('970ca35de60c44645bbae8a215061b33');
var session = signal.login('gina', '_no_need_token');
var channel;

session.onLoginSuccess = function () {
  channel = session.channelJoin('lobby');
  channel.onChannelLeaved = function (ecode) {
    console.log('left', ecode);
  };
};

function leave() {
  channel.channelLeave();
}
