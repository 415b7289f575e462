// The native flat API (one object, no session/channel/call objects).
const agoraAPI = AgoraRTM.createInstance(appId);
// TODO(resignal: SIG_FLAT_ON_MESSAGE_SEND_SUCCESS): no converted flat call in scope answers this callback: keep the handler where the call that answers it can see it, or convert by hand (see docs/codemod.md, flat API)
agoraAPI.onMessageSendSuccess = (messageID) => console.log('sent', messageID);
// TODO(resignal: SIG_FLAT_ON_MESSAGE_SEND_ERROR): no converted flat call in scope answers this callback: keep the handler where the call that answers it can see it, or convert by hand (see docs/codemod.md, flat API)
agoraAPI.onMessageSendError = (messageID, ecode) => console.log('failed', messageID, ecode);
agoraAPI.login({ uid: 'dave', token }).catch(() => {});
agoraAPI.queryPeersOnlineStatus(['erin']).catch(() => {});
