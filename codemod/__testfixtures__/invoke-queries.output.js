var APP_ID = '970ca35de60c44645bbae8a215061b33';
var session = AgoraRTM.createInstance(APP_ID);
session.login({ uid: 'gina' })
  .then(() => onLoginSuccess(), () => {})
  .catch((error) => console.error(error));
repeatLoginSuccessOnReconnect(session, () => onLoginSuccess());

const onLoginSuccess = function () {
  var lobby = session.createChannel('lobby');
  lobby.join()
    .then(() => onChannelJoined(), () => {})
    .catch((error) => console.error(error));
  const onChannelJoined = function () {
    session.addOrUpdateLocalUserAttributes({ mood: 'happy' }).catch(() => {});
    session.getUserAttributesByKeys('hank', ['mood'])
      .then((attributes) => ({ error: '', ret: { result: 'ok', account: 'hank', name: 'mood', value: attributes['mood'] ?? '' } }), legacyInvokeFailure)
      .then(function ({ error: err, ret }) {
        console.log('mood', err, ret.value);
      })
      .catch((error) => console.error(error));
    session.getUserAttributes('hank')
      .then((attributes) => ({ error: '', ret: { result: 'ok', account: 'hank', json: JSON.stringify(attributes), value: JSON.stringify(attributes) } }), legacyInvokeFailure)
      .then(function ({ error: err, ret }) {
        console.log('all', err, ret.json);
      })
      .catch((error) => console.error(error));
    lobby.getMembers()
      .then((members) => ({ error: '', ret: { result: 'ok', name: 'lobby', account: 'hank', isin: members.includes('hank') ? 1 : 0 } }), legacyInvokeFailure)
      .then(function ({ error: err, ret }) {
        console.log('isin', err, ret.isin);
      })
      .catch((error) => console.error(error));
    lobby.getMembers()
      .then((members) => ({ error: '', ret: { result: 'ok', name: 'lobby', num: members.length, list: members.map((member) => [member, 0]) } }), legacyInvokeFailure)
      .then(function ({ error: err, ret }) {
        console.log('list', err, ret.num, ret.list);
      })
      .catch((error) => console.error(error));
    lobby.getMembers()
      .then((members) => ({ error: '', ret: { result: 'ok', name: 'lobby', num: Math.min(members.length, 10), list: members.slice(0, 10).map((member) => [member, 0]) } }), legacyInvokeFailure)
      .then(function ({ error: err, ret }) {
        console.log('first ten', err, ret.list);
      })
      .catch((error) => console.error(error));
  };
};

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
