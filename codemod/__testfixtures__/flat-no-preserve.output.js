// The flat API with --no-preserve own-channel-message,member-list-on-join,handler-errors: no own copy, no member list.
var api = AgoraRTM.createInstance('970ca35de60c44645bbae8a215061b33');
const apiChannels = new Map(); // the joined channel by ID (the flat API joined one at a time)
// TODO(resignal: SIG_FLAT_ON_CHANNEL_USER_LIST): not delivered with --no-preserve member-list-on-join: call channel.getMembers() after join() if you need it
api.onChannelUserList = function (accounts, uids) {
  console.log('members', accounts, uids);
};
const onMessageChannelReceive = function (channelID, account, uid, msg) {
  console.log(channelID, account, msg);
};
const onMessageSendSuccess = function (messageID) {
  console.log('sent', messageID);
};

function talk(room, text, sender) {
  api.login({ uid: sender.account }).catch(() => {});
  leaveFlatChannels(apiChannels)
    .then(() => {
      const channel = api.createChannel(room);
      apiChannels.set(room, channel);
      channel.on('ChannelMessage', (message, memberId) => onMessageChannelReceive(room, memberId, 0, message.text));
      return channel.join().then(() => {}, () => {
        apiChannels.delete(room);
      });
    })
    .catch(() => {});
  sendFlatChannelMessage(apiChannels, room, text).then(() => onMessageSendSuccess('m-1'), () => {});
}

/** Leaves every channel joined through the flat API (it joined one at a time) and resolves with their IDs. */
function leaveFlatChannels(channels) {
  const left = [...channels.keys()];
  const leaving = [...channels.values()].map((channel) => channel.leave().catch(() => {}));
  channels.clear();
  return Promise.all(leaving).then(() => left);
}

/** Sends to a channel joined through the flat API; like the flat API, fails when that channel is not joined. */
function sendFlatChannelMessage(channels, channelID, text) {
  const channel = channels.get(channelID);
  return channel ? channel.sendMessage({ text }) : Promise.reject(new Error('channel ' + channelID + ' is not joined'));
}
