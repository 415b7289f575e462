var signal = AgoraRTM.createInstance('970ca35de60c44645bbae8a215061b33');
var session = signal;
session.login({ uid: 'jon' })
  .then(() => onLoginSuccess(), () => {})
  .catch((error) => console.error(error));
repeatLoginSuccessOnReconnect(session, () => onLoginSuccess());
// TODO(resignal: SIG_ON_ERROR): the legacy Web SDK never called onError (errors reach the specific callbacks; in RTM, rejected promises): remove this handler
session.onError = function (e) { console.log(e); };
const onLoginSuccess = function () {
  var channel = session.createChannel('room');
  channel.join()
    .then(() => {
      onChannelJoined();
      return deliverMemberListFirst(channel, () => deliverLegacyChannelAttributes(session, channel, (name, value, type) => onChannelAttrUpdated(name, value, type)));
    }, () => {})
    .catch((error) => console.error(error));
  const onChannelJoined = function () {
    // TODO(resignal: SIG_CHANNEL_STATE): RTM: the join()/leave() promises (RTM keeps the state internal). RTM exposes no channel state.
    console.log('jon', channel.state);
  };
  const onChannelAttrUpdated = function (name, value, type) {
    console.log(name, value, type);
  };
};
// TODO(resignal: SIG_SET_DO_LOG): use client.updateConfig({ logFilter: AgoraRTM.LOG_FILTER_OFF | LOG_FILTER_WARNING | LOG_FILTER_INFO }) (RTM 1.6 typings have no debug level; the arguments must be literals to convert)
signal.setDoLog(true, 'DEBUG');
if (legacyStatus(session) === 2 /* LOGIN_STATE_LOGINED */) {
  console.log('online');
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

/**
 * Legacy onChannelAttrUpdated(name, value, type) for a channel just joined: one 'update' per attribute it has, then
 * one call per change. RTM's AttributesUpdated carries the whole set, so the set last seen is compared with the new
 * one: 'del' per vanished name, 'update' per new or changed value, one 'clear' when several vanish at once. An
 * exception thrown by `handler` is logged, as legacy did.
 */
function deliverLegacyChannelAttributes(client, channel, handler) {
  const report = (name, value, type) => {
    try {
      handler(name, value, type);
    } catch (error) {
      console.error(error);
    }
  };
  let known = new Map();
  const apply = (attributes) => {
    const next = new Map(Object.entries(attributes).map(([name, attribute]) => [name, attribute.value]));
    const before = known;
    known = next;
    if (next.size === 0 && before.size > 1) {
      report('', '', 'clear');
      return;
    }
    for (const name of before.keys()) if (!next.has(name)) report(name, '', 'del');
    for (const [name, value] of next) if (before.get(name) !== value) report(name, value, 'update');
  };
  return client.getChannelAttributes(channel.channelId).then(apply, () => {}).then(() => {
    channel.on('AttributesUpdated', apply);
  });
}

/**
 * Calls `deliver` with the members of a channel just joined. Legacy Signaling reported the member list before any
 * message or member event of the channel, so the channel's listeners are set aside until `deliver` has run; the
 * events that arrive meanwhile are then handed to them in order.
 */
function deliverMemberListFirst(channel, deliver) {
  const held = [];
  const restores = ['ChannelMessage', 'MemberJoined', 'MemberLeft'].map((event) => {
    const listeners = channel.listeners(event);
    const hold = (...args) => {
      held.push(() => {
        for (const listener of listeners) {
          try {
            listener(...args);
          } catch (error) {
            console.error(error); // as RTM does with an exception thrown by a listener
          }
        }
      });
    };
    for (const listener of listeners) channel.off(event, listener);
    channel.on(event, hold);
    return () => {
      channel.off(event, hold);
      for (const listener of listeners) channel.on(event, listener);
    };
  });
  return channel.getMembers().then(deliver).finally(() => {
    for (const restore of restores) restore();
    for (const replay of held) replay();
  });
}

/** The legacy getStatus() number for the client's RTM connection state (0 not logged in, 1 logging in, 2 logged in, 3 reconnecting). */
function legacyStatus(client) {
  const state = 'connectionState' in client ? client.connectionState : 'DISCONNECTED';
  if (state === 'CONNECTING') return 1;
  if (state === 'CONNECTED') return 2;
  if (state === 'RECONNECTING') return 3;
  return 0;
}
