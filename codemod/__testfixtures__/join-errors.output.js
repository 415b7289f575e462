// Channel names that RTM may reject, and invoke failures in the legacy shape.
function start(roomName, topic) {
  var session = AgoraRTM.createInstance('970ca35de60c44645bbae8a215061b33');
  session.login({ uid: 'alice' })
    .then(() => onLoginSuccess(), () => {})
    .catch((error) => console.error(error));
  repeatLoginSuccessOnReconnect(session, () => onLoginSuccess());
  var channel;
  const onLoginSuccess = function () {
    try {
      var room = session.createChannel(roomName);
      room.join()
        .then(() => onChannelJoined(), (error) => onChannelJoinFailed(legacyFailureString(error)))
        .catch((error) => console.error(error));
    } catch (error) {
      // createChannel() throws at once for a name RTM rejects: report it like a failed join, as legacy did
      Promise.reject(error)
        .catch((error) => onChannelJoinFailed(legacyFailureString(error)))
        .catch((error) => console.error(error));
    }
    const onChannelJoined = function () {
      console.log('joined', roomName);
    };
    const onChannelJoinFailed = function (err) {
      console.log('join failed', err);
    };
    try {
      channel = session.createChannel('topic:' + topic);
      channel.join()
        .catch((error) => onChannelJoinFailed2(legacyFailureString(error)))
        .catch((error) => console.error(error));
    } catch (error) {
      // createChannel() throws at once for a name RTM rejects: report it like a failed join, as legacy did
      Promise.reject(error)
        .catch((error) => onChannelJoinFailed2(legacyFailureString(error)))
        .catch((error) => console.error(error));
    }
    const onChannelJoinFailed2 = function (err) {
      console.log('topic join failed', err);
    };
    // TODO(resignal: SIG_CHANNEL_JOIN): createChannel() throws at once for a name RTM rejects (legacy reported onChannelJoinFailed('invalid_argument')): wrap it in try/catch if this name may break the RTM ID rule
    const lobby = session.createChannel(roomName + '-lobby');
    lobby.join()
      .then(() => onChannelJoined2(), () => {})
      .catch((error) => console.error(error));
    const onChannelJoined2 = function () {
      console.log('lobby');
    };
    session.getChannelMemberCount([roomName])
      .then((counts) => ({ error: '', ret: { result: 'ok', name: roomName, num: counts[roomName] ?? 0 } }), legacyInvokeFailure)
      .then(function ({ error: err, ret }) {
        console.log(err, ret.result, ret.num);
      })
      .catch((error) => console.error(error));
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

/** The legacy failure string for an RTM error (e.g. onChannelJoinFailed's argument), as the shim reports it. */
function legacyFailureString(error) {
  const name = typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : '';
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  if (name === 'RtmInvalidStatusError' && code === 102) return 'not_login';
  if (name === 'RtmInvalidArgumentError') return 'invalid_argument';
  if (name === 'RtmLimitExceededError') return 'limit_exceeded';
  if (name === 'RtmTimeoutError') return 'timeout';
  if (name === 'RtmUnauthenticatedError') return 'unauthenticated';
  if (name === 'RtmUnavailableError' && code === 6) return 'user_not_online';
  return 'failed';
}

/** The legacy invoke reply for an RTM error: err === ret.result, a short string such as 'not_login' (as the shim replies), and ret.reason. */
function legacyInvokeFailure(error) {
  const failure = legacyFailureString(error);
  return { error: failure, ret: { result: failure, reason: String(error) } };
}
