// The native flat API (one object, no session/channel/call objects).
const agoraAPI = AgoraAPI.getInstanceWithoutMedia(appId);
agoraAPI.onMessageSendSuccess = (messageID) => console.log('sent', messageID);
agoraAPI.onMessageSendError = (messageID, ecode) => console.log('failed', messageID, ecode);
agoraAPI.login2(appId, 'dave', token, 0, '', 30, 3);
agoraAPI.queryUserStatus('erin');
