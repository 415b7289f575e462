// onChannelLeaved is assigned where the later channelLeave() cannot see it.
var signal = AgoraRTM.createInstance('970ca35de60c44645bbae8a215061b33');
var session = signal;
session.login({ uid: 'gina' })
  .then(() => onLoginSuccess(), () => {})
  .catch((error) => console.error(error));
var channel;

const onLoginSuccess = function () {
  channel = session.createChannel('lobby');
  channel.join().catch(() => {});
  // TODO(resignal: SIG_ON_CHANNEL_LEAVED): no channelLeave() call of this channel can reach this handler: call it with 0 after channel.leave() settles
  channel.onChannelLeaved = function (ecode) {
    console.log('left', ecode);
  };
};

function leave() {
  // TODO(resignal: SIG_CHANNEL_LEAVE): the onChannelLeaved handler of this channel is not in scope here: call it with 0 once channel.leave() settles
  channel.channelLeave();
}
