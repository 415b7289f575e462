var signal = AgoraRTM.createInstance('970ca35de60c44645bbae8a215061b33');
var session = signal;
session.login({ uid: 'ivy' })
  .then(() => onLoginSuccess(), () => {})
  .catch((error) => console.error(error));

const onLoginSuccess = function () {
  var channel = session.createChannel('room');
  channel.join()
    .then(() => onChannelJoined(), () => {})
    .catch((error) => console.error(error));
  const onChannelJoined = function () {
    console.log('joined', channel.channelId);
    session.addOrUpdateChannelAttributes(channel.channelId, { topic: 'hello' }, { enableNotificationToChannelMembers: true })
      .catch(() => {})
      .then(function () {
        console.log('topic set');
      })
      .catch((error) => console.error(error));
    session.deleteChannelAttributesByKeys(channel.channelId, ['draft'], { enableNotificationToChannelMembers: true })
      .catch(() => {});
    session.clearChannelAttributes(channel.channelId, { enableNotificationToChannelMembers: true })
      .then(() => onCleared(), () => onCleared())
      .catch((error) => console.error(error));
    session.addOrUpdateChannelAttributes(channel.channelId, { mood: 'calm' }, { enableNotificationToChannelMembers: true })
      .then(() => onInvoked('', { result: 'ok' }), (error) => onInvoked(String(error), { result: 'failed', reason: String(error) }))
      .catch((error) => console.error(error));
  };
};

function onCleared() {
  console.log('cleared');
}

function onInvoked(err, ret) {
  console.log(err, ret.result);
}
