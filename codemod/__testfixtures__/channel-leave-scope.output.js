// onChannelLeaved is assigned where the later channelLeave() cannot see it.
var signal = AgoraRTM.createInstance('970ca35de60c44645bbae8a215061b33');
var session = signal;
session.login({ uid: 'gina' })
  .then(() => onLoginSuccess(), () => {})
  .catch((error) => console.error(error));
repeatLoginSuccessOnReconnect(session, () => onLoginSuccess());
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

/**
 * Legacy 1.4.x after an automatic reconnect: channels were not re-joined and onLoginSuccess fired again (apps
 * re-join there). RTM re-joins by itself, so after a reconnect the channels this client created are left first
 * (other members see them leave, as with the shim), then `loggedIn` runs. A channel is remembered until then.
 */
function repeatLoginSuccessOnReconnect(client, loggedIn) {
  const channels = new Set();
  const createChannel = client.createChannel.bind(client);
  client.createChannel = (channelId) => {
    const channel = createChannel(channelId);
    channels.add(channel);
    return channel;
  };
  let reconnecting = false;
  client.on('ConnectionStateChanged', (state) => {
    const reconnected = reconnecting && state === 'CONNECTED';
    reconnecting = state === 'RECONNECTING';
    if (!reconnected) return;
    const left = [...channels].map((channel) => channel.leave().catch(() => {}));
    channels.clear();
    Promise.all(left).then(loggedIn);
  });
}
