// The native flat API (one object, no session/channel/call objects).
// TODO(resignal: SIG_FLAT_GET_INSTANCE): if this is a legacy SDK object: native instance: use AgoraRTM.createInstance(appId) (independent clients, not a singleton) and the RTM client API
const agoraAPI = AgoraAPI.getInstanceWithoutMedia(appId);
// TODO(resignal: SIG_FLAT_ON_MESSAGE_SEND_SUCCESS): if this is a legacy SDK object: native send results: use the promise of sendMessageToPeer / channel.sendMessage (RTM resolves when the server accepted it)
agoraAPI.onMessageSendSuccess = (messageID) => console.log('sent', messageID);
// TODO(resignal: SIG_FLAT_ON_MESSAGE_SEND_ERROR): if this is a legacy SDK object: native send results: use the rejection of sendMessageToPeer / channel.sendMessage
agoraAPI.onMessageSendError = (messageID, ecode) => console.log('failed', messageID, ecode);
// TODO(resignal: SIG_FLAT_LOGIN2): if this is a legacy SDK object: native login2(appId, account, token, uid, deviceID, …): use AgoraRTM.createInstance(appId) and client.login({ uid: account, token })
agoraAPI.login2(appId, 'dave', token, 0, '', 30, 3);
// TODO(resignal: SIG_FLAT_QUERY_USER_STATUS): if this is a legacy SDK object: use client.queryPeersOnlineStatus([account]) (status true/false instead of "1"/"0")
agoraAPI.queryUserStatus('erin');
