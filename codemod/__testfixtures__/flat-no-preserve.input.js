// The flat API with --no-preserve own-channel-message,member-list-on-join,handler-errors: no own copy, no member list.
var api = AgoraAPI.getInstance('970ca35de60c44645bbae8a215061b33');
api.onChannelUserList = function (accounts, uids) {
  console.log('members', accounts, uids);
};
api.onMessageChannelReceive = function (channelID, account, uid, msg) {
  console.log(channelID, account, msg);
};
api.onMessageSendSuccess = function (messageID) {
  console.log('sent', messageID);
};

function talk(room, text, sender) {
  api.login(sender.appId, sender.account, '_no_need_token');
  api.channelJoin(room);
  api.messageChannelSend(room, text, 'm-1');
}
