import AgoraRTM from 'resignal';

const APP_ID = '970ca35de60c44645bbae8a215061b33';
const token = '_no_need_token';
const signal = AgoraRTM.createInstance(APP_ID);
const account = 'bob';
let channel;

const session = signal;
session.login({ uid: account, token })
  .then(() => onLoginSuccess(0), () => {})
  .catch((error) => console.error(error));
repeatLoginSuccessOnReconnect(session, () => onLoginSuccess(0));
const onLoginSuccess = (uid) => {
  channel = session.createChannel('lobby');
  channel.join()
    .then(() => {
      onChannelJoined();
      return deliverMemberListFirst(channel, (members) => onChannelUserList(members.map((member) => [member, 0])));
    }, (error) => onChannelJoinFailed(legacyFailureString(error)))
    .catch((error) => console.error(error));
  const onChannelJoined = () => render('joined');
  const onChannelJoinFailed = (err) => render('join failed ' + err);
  const onChannelUserList = (users) => {
    users.forEach((user) => render('member ' + user[0]));
  };
  const onChannelUserJoined = (account, uid) => render(account + ' joined');
  channel.on('MemberJoined', (memberId) => onChannelUserJoined(memberId, 0));
  const onChannelUserLeaved = (account, uid) => render(account + ' left');
  channel.on('MemberLeft', (memberId) => onChannelUserLeaved(memberId, 0));
  const onMessageChannelReceive = (account, uid, msg) => render(account + ': ' + msg);
  channel.on('ChannelMessage', (message, memberId) => onMessageChannelReceive(memberId, 0, message.text));
  const onChannelLeaved = (ecode) => render('left ' + ecode);
  setTimeout(() => channel.leave()
    .catch(() => {})
    .then(() => onChannelLeaved(0))
    .catch((error) => console.error(error)), 60000);
};

export function say(text) {
  sendChannelMessageAndEcho(channel, account, text)
    .catch(() => {})
    .then(() => render('sent'))
    .catch((error) => console.error(error));
}

export function leaveQuietly(done) {
  channel.leave()
    .then(() => done(), () => done())
    .catch((error) => console.error(error));
}

function render(text) {
  console.log(text);
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

/** Sends a channel message and, like legacy Signaling (and unlike RTM), delivers it to the sender's own listeners. */
function sendChannelMessageAndEcho(channel, account, text) {
  return channel.sendMessage({ text }).then(() => {
    for (const listener of channel.listeners('ChannelMessage')) {
      listener({ text }, account, { serverReceivedTs: Date.now() });
    }
  });
}
