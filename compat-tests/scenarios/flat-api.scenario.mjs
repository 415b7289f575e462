/*
 * A flat-API user (apps ported from the native SDKs) and a Web-API user on one server: login2, peer messages
 * with onMessageSendSuccess, online status, a shared channel, counts, invoke, logout. It runs on the shim, converted
 * by the codemod, and in mixed fleets; the shim run is also checked against the exact legacy trace.
 */
export default {
  name: 'flat API meets the Web API',
  expected: {
    flat: [
      ['onLoginSuccess', 0, 0],
      ['getStatus', 2],
      ['onMessageSendSuccess', 'm-1'],
      ['onQueryUserStatusResult', 'web', '1'],
      ['onMessageInstantReceive', 'web', 0, 'hi flat'],
      ['onChannelJoined', 'lobby'],
      ['onChannelUserList', ['flat', 'web'], [0, 0]],
      ['onMessageSendSuccess', 'c-1'],
      ['onMessageChannelReceive', 'lobby', 'flat', 0, 'hello lobby'],
      ['onChannelQueryUserNumResult', 'lobby', 0, 2],
      ['onInvokeRet', 'call-1', '', { status: 1 }],
      ['onChannelLeaved', 'lobby', 602],
      ['onLogout', 101],
    ],
    web: [
      ['onLoginSuccess', 0],
      ['onMessageInstantReceive', 'flat', 0, 'hi web'],
      ['onChannelJoined'],
      ['onMessageChannelReceive', 'flat', 0, 'hello lobby'],
    ],
  },
  roles: {
    async flat(env) {
      var api = AgoraAPI.getInstanceWithoutMedia(env.appId);
      api.onLoginSuccess = function (uid, fd) {
        env.trace('onLoginSuccess', uid, fd);
      };
      api.onLoginFailed = function (ecode) {
        env.trace('onLoginFailed', ecode);
      };
      api.onMessageSendSuccess = function (messageID) {
        env.trace('onMessageSendSuccess', messageID);
      };
      api.onMessageSendError = function (messageID, ecode) {
        env.trace('onMessageSendError', messageID, ecode);
      };
      api.onQueryUserStatusResult = function (name, status) {
        env.trace('onQueryUserStatusResult', name, status);
      };
      api.onMessageInstantReceive = function (account, uid, msg) {
        env.trace('onMessageInstantReceive', account, uid, msg);
      };
      api.onChannelJoined = function (channelID) {
        env.trace('onChannelJoined', channelID);
      };
      api.onChannelUserList = function (accounts, uids) {
        env.trace('onChannelUserList', accounts.slice().sort(), uids);
      };
      api.onMessageChannelReceive = function (channelID, account, uid, msg) {
        env.trace('onMessageChannelReceive', channelID, account, uid, msg);
      };
      api.onChannelQueryUserNumResult = function (channelID, ecode, num) {
        env.trace('onChannelQueryUserNumResult', channelID, ecode, num);
      };
      api.onInvokeRet = function (callID, err, resp) {
        env.trace('onInvokeRet', callID, err, JSON.parse(resp).status === undefined ? resp : { status: JSON.parse(resp).status });
      };
      api.onChannelLeaved = function (channelID, ecode) {
        env.trace('onChannelLeaved', channelID, ecode);
      };
      api.onLogout = function (ecode) {
        env.trace('onLogout', ecode);
      };
      api.login2(env.appId, 'flat', '_no_need_token', 0, '', 30, 3);
      await env.until('onLoginSuccess');
      env.trace('getStatus', api.getStatus());
      await env.barrier('online');
      api.messageInstantSend('web', 0, 'hi web', 'm-1');
      await env.until('onMessageSendSuccess');
      api.queryUserStatus('web');
      await env.until('onQueryUserStatusResult');
      await env.barrier('flat-sent');
      await env.until('onMessageInstantReceive');
      await env.barrier('web-joined');
      api.channelJoin('lobby');
      await env.until('onChannelUserList');
      api.messageChannelSend('lobby', 'hello lobby', 'c-1');
      await env.until('onMessageChannelReceive');
      api.channelQueryUserNum('lobby');
      await env.until('onChannelQueryUserNumResult');
      api.invoke('io.agora.signal.user_query_user_status', JSON.stringify({ account: 'web' }), 'call-1');
      await env.until('onInvokeRet');
      await env.barrier('web-got-channel-message');
      api.channelLeave('lobby');
      await env.until('onChannelLeaved');
      api.logout();
      await env.until('onLogout');
    },

    async web(env) {
      var session = Signal(env.appId).login('web', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      session.onMessageInstantReceive = function (account, uid, msg) {
        env.trace('onMessageInstantReceive', account, uid, msg);
      };
      await env.until('onLoginSuccess');
      await env.barrier('online');
      await env.barrier('flat-sent');
      await env.until('onMessageInstantReceive');
      session.messageInstantSend('flat', 'hi flat');
      var channel = session.channelJoin('lobby');
      channel.onChannelJoined = function () {
        env.trace('onChannelJoined');
      };
      channel.onMessageChannelReceive = function (account, uid, msg) {
        env.trace('onMessageChannelReceive', account, uid, msg);
      };
      await env.until('onChannelJoined');
      await env.barrier('web-joined');
      await env.until('onMessageChannelReceive');
      await env.barrier('web-got-channel-message');
    },
  },
};
