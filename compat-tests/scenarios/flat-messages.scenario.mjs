/*
 * Flat-API messages with msgIDs (legacy-signaling.md §10): messageInstantSend2 / messageChannelSend2 (their
 * options / extra have no RTM counterpart), onMessageSendError (before login, channel not joined, forced send
 * without a forced sender), and messageChannelSendForce: to the joined channel an ordinary send, to a channel
 * the sender never joined through the server's REST API (a server-side app holding the REST secret). A Web-API
 * user in that channel receives the forced message.
 */
export default {
  name: 'flat API messages: send2, forced channel sends, send errors',
  sides: ['shim'],
  expected: {
    server: [
      ['onMessageSendError', 'early', 400],
      ['onLoginSuccess', 0, 0],
      ['onMessageSendSuccess', 'i-2'],
      ['onMessageSendError', 'c-0', 400],
      ['onChannelJoined', 'lobby'],
      ['onMessageSendSuccess', 'c-2'],
      ['onMessageChannelReceive', 'lobby', 'server', 0, 'hello lobby'],
      ['onMessageSendSuccess', 'f-1'],
      ['onMessageChannelReceive', 'lobby', 'server', 0, 'forced but joined'],
      ['onMessageSendSuccess', 'f-2'],
    ],
    device: [
      ['onLoginSuccess', 0, 0],
      ['onMessageInstantReceive', 'server', 0, 'hi device'],
      ['onMessageSendError', 'f-3', 400],
    ],
    web: [
      ['onLoginSuccess', 0],
      ['onChannelJoined'],
      ['onMessageChannelReceive', 'server', 0, 'breaking news'],
    ],
  },
  roles: {
    // A server-side app: it may hold the REST secret, so its forced sends reach channels it never joined.
    async server(env) {
      var api = AgoraAPI.createAgoraSDKInstance(env.appId, {
        forceChannelSend: AgoraAPI.restChannelSender({ url: env.serverUrl, secret: env.restSecret }),
      });
      api.onLoginSuccess = function (uid, fd) {
        env.trace('onLoginSuccess', uid, fd);
      };
      api.onMessageSendSuccess = function (messageID) {
        env.trace('onMessageSendSuccess', messageID);
      };
      api.onMessageSendError = function (messageID, ecode) {
        env.trace('onMessageSendError', messageID, ecode);
      };
      api.onChannelJoined = function (channelID) {
        env.trace('onChannelJoined', channelID);
      };
      api.onMessageChannelReceive = function (channelID, account, uid, msg) {
        env.trace('onMessageChannelReceive', channelID, account, uid, msg);
      };
      api.messageInstantSend2('device', 0, 'too early', 'early', '');
      await env.until('onMessageSendError');
      api.login2(env.appId, 'server', '_no_need_token', 0, '', 30, 3);
      await env.until('onLoginSuccess');
      await env.barrier('online');
      api.messageInstantSend2('device', 0, 'hi device', 'i-2', '{"ttl":3600}');
      await env.until('onMessageSendSuccess');
      api.messageChannelSend2('lobby', 'nobody hears this', 'c-0', '');
      await env.until('onMessageSendError', 2);
      api.channelJoin('lobby');
      await env.until('onChannelJoined');
      api.messageChannelSend2('lobby', 'hello lobby', 'c-2', '{"k":1}');
      await env.until('onMessageChannelReceive');
      api.messageChannelSendForce('lobby', 'forced but joined', 'f-1');
      await env.until('onMessageChannelReceive', 2);
      await env.barrier('web-in-news');
      api.messageChannelSendForce('news', 'breaking news', 'f-2');
      await env.until('onMessageSendSuccess', 4);
      await env.barrier('news-delivered');
    },

    // A device app without a forced sender: forced sends to other channels fail clearly.
    async device(env) {
      var api = AgoraAPI.createAgoraSDKInstance(env.appId);
      api.onLoginSuccess = function (uid, fd) {
        env.trace('onLoginSuccess', uid, fd);
      };
      api.onMessageInstantReceive = function (account, uid, msg) {
        env.trace('onMessageInstantReceive', account, uid, msg);
      };
      api.onMessageSendSuccess = function (messageID) {
        env.trace('onMessageSendSuccess', messageID);
      };
      api.onMessageSendError = function (messageID, ecode) {
        env.trace('onMessageSendError', messageID, ecode);
      };
      api.login(env.appId, 'device', '_no_need_token', 0, '');
      await env.until('onLoginSuccess');
      await env.barrier('online');
      await env.until('onMessageInstantReceive');
      await env.barrier('web-in-news');
      api.messageChannelSendForce('news', 'not without the secret', 'f-3');
      await env.until('onMessageSendError');
      await env.barrier('news-delivered');
    },

    async web(env) {
      var session = Signal(env.appId).login('web', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      await env.until('onLoginSuccess');
      await env.barrier('online');
      var channel = session.channelJoin('news');
      channel.onChannelJoined = function () {
        env.trace('onChannelJoined');
      };
      channel.onMessageChannelReceive = function (account, uid, msg) {
        env.trace('onMessageChannelReceive', account, uid, msg);
      };
      await env.until('onChannelJoined');
      await env.barrier('web-in-news');
      await env.until('onMessageChannelReceive');
      await env.barrier('news-delivered');
    },
  },
};
