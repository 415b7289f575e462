// A 1.4.x app that re-joins its channel in onLoginSuccess, which fires again after every automatic reconnect.
var session = AgoraRTM.createInstance('970ca35de60c44645bbae8a215061b33');
session.login({ uid: 'alice' })
  .then(() => onLoginSuccess(), () => {})
  .catch((error) => console.error(error));
repeatLoginSuccessOnReconnect(session, () => onLoginSuccess());
var channel;
const onLoginSuccess = function () {
  console.log('online');
  channel = session.createChannel('room');
  channel.join()
    .then(() => onChannelJoined(), () => {})
    .catch((error) => console.error(error));
  const onChannelJoined = function () {
    console.log('joined');
  };
};

function switchRoom(name) {
  channel = session.createChannel('lobby');
  channel.join()
    .then(() => onChannelJoined2(), () => {})
    .catch((error) => console.error(error));
  const onChannelJoined2 = function () {
    console.log('in the lobby');
  };
  channel = session.createChannel('news');
  channel.join()
    .then(() => onChannelJoined3(), () => {})
    .catch((error) => console.error(error));
  const onChannelJoined3 = function () {
    console.log('reading news', name);
  };
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
