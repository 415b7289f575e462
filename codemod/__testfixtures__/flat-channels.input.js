// Flat-API channels: one channel at a time, named by ID in every call and callback.
var appId = '970ca35de60c44645bbae8a215061b33';
const api = AgoraAPI.createAgoraSDKInstance(appId);
const account = 'alice';
api.onChannelJoined = (channelID) => console.log('showJoined', channelID);
api.onChannelJoinFailed = (channelID, ecode) => console.log('showError', channelID, ecode);
api.onChannelUserList = (accounts, uids) => console.log('setMembers', accounts);
api.onChannelUserJoined = (account, uid) => console.log('addMember', account);
api.onChannelUserLeaved = (account, uid) => console.log('removeMember', account);
api.onMessageChannelReceive = (channelID, account, uid, msg) => console.log('addLine', channelID, account, msg);
api.onChannelLeaved = (channelID, ecode) => console.log('showLeft', channelID, ecode);
api.onChannelQueryUserNumResult = (channelID, ecode, num) => console.log('showCount', channelID, num);
api.onChannelQueryUserIsIn = (channelID, account, isIn) => console.log('isIn', channelID, account, isIn);
api.onError = (name, ecode, desc) => console.warn(name, ecode, desc);
api.login2(appId, account, '_no_need_token', 0, '', 30, 3);

function enter(room) {
  api.channelJoin(room);
}

function say(room, text) {
  api.messageChannelSend(room, text, '');
  api.channelQueryUserNum(room);
  api.channelQueryUserIsIn(room, 'bob');
}

function setTopic(room, topic) {
  api.channelSetAttr(room, 'topic', topic);
}

function leave(room) {
  api.channelDelAttr(room, 'topic');
  api.channelLeave(room);
}
