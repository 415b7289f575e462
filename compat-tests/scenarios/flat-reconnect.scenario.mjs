/*
 * A flat-API user whose network is cut while logged in and in a channel (legacy-signaling.md §7, native SDKs):
 * onReconnecting(1) with getStatus() 3, then onReconnected(0) and state 2, without a new onLoginSuccess. The
 * channel is still joined afterwards (the shim documents that RTM re-joins it): a Web-API member's channel message
 * reaches the flat user, and the flat user's peer message reaches the Web user.
 */
export default {
  name: 'flat API reconnect after a network cut',
  sides: ['shim'],
  expected: {
    mobile: [
      ['onLoginSuccess', 0, 0],
      ['onChannelJoined', 'room'],
      ['onReconnecting', 1, 3],
      ['onReconnected', 0, 2],
      ['onMessageChannelReceive', 'room', 'web', 0, 'still there?'],
      ['onMessageSendSuccess', 'back-1'],
    ],
    web: [
      ['onLoginSuccess', 0],
      ['onChannelJoined'],
      ['onMessageInstantReceive', 'mobile', 0, 'back again'],
    ],
  },
  roles: {
    async mobile(env) {
      var api = AgoraAPI.createAgoraSDKInstance(env.appId);
      api.onLoginSuccess = function (uid, fd) {
        env.trace('onLoginSuccess', uid, fd);
      };
      api.onChannelJoined = function (channelID) {
        env.trace('onChannelJoined', channelID);
      };
      api.onReconnecting = function (nretry) {
        env.trace('onReconnecting', nretry, api.getStatus());
      };
      api.onReconnected = function (fd) {
        env.trace('onReconnected', fd, api.getStatus());
      };
      api.onMessageChannelReceive = function (channelID, account, uid, msg) {
        env.trace('onMessageChannelReceive', channelID, account, uid, msg);
      };
      api.onMessageSendSuccess = function (messageID) {
        env.trace('onMessageSendSuccess', messageID);
      };
      api.onLogout = function (ecode) {
        env.trace('onLogout', ecode);
      };
      api.login2(env.appId, 'mobile', '_no_need_token', 0, '', 30, 3);
      await env.until('onLoginSuccess');
      api.channelJoin('room');
      await env.until('onChannelJoined');
      await env.barrier('both-in');
      await env.fault('cut', 100);
      await env.until('onReconnected');
      await env.barrier('reconnected');
      await env.until('onMessageChannelReceive');
      api.messageInstantSend('web', 0, 'back again', 'back-1');
      await env.until('onMessageSendSuccess');
      await env.barrier('done');
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
      var channel = session.channelJoin('room');
      channel.onChannelJoined = function () {
        env.trace('onChannelJoined');
      };
      await env.until('onChannelJoined');
      await env.barrier('both-in');
      await env.barrier('reconnected');
      channel.messageChannelSend('still there?');
      await env.until('onMessageInstantReceive');
      await env.barrier('done');
    },
  },
};
