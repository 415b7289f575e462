/* Two legacy users: log in, exchange peer messages, join a channel, chat, see each other join and leave. */
export default {
  name: 'peer and channel chat',
  roles: {
    async alice(env) {
      var signal = Signal(env.appId);
      var session = signal.login('alice', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      session.onLoginFailed = function (ecode) {
        env.trace('onLoginFailed', ecode);
      };
      session.onMessageInstantReceive = function (account, uid, msg) {
        env.trace('onMessageInstantReceive', account, uid, msg);
      };
      await env.until('onLoginSuccess');
      await env.barrier('logged-in');
      session.messageInstantSend('bob', 'hello bob', function (isError) {
        env.trace('messageInstantSend cb', isError);
      });
      await env.until('messageInstantSend cb');
      await env.barrier('hello-delivered');
      await env.until('onMessageInstantReceive');

      var channel = session.channelJoin('room');
      channel.onChannelJoined = function () {
        env.trace('onChannelJoined');
      };
      channel.onChannelUserList = function (users) {
        env.trace('onChannelUserList', users.length);
      };
      channel.onChannelUserJoined = function (account, uid) {
        env.trace('onChannelUserJoined', account, uid);
      };
      channel.onChannelUserLeaved = function (account, uid) {
        env.trace('onChannelUserLeaved', account, uid);
      };
      channel.onMessageChannelReceive = function (account, uid, msg) {
        env.trace('onMessageChannelReceive', account, uid, msg);
      };
      await env.until('onChannelJoined');
      await env.barrier('alice-joined');
      await env.until('onChannelUserJoined');
      channel.messageChannelSend('hi room', function () {
        env.trace('messageChannelSend cb');
      });
      await env.until('onMessageChannelReceive');
      await env.until('onChannelUserLeaved');
      await env.barrier('done');
    },

    async bob(env) {
      var signal = Signal(env.appId);
      var session = signal.login('bob', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      session.onMessageInstantReceive = function (account, uid, msg) {
        env.trace('onMessageInstantReceive', account, uid, msg);
      };
      await env.until('onLoginSuccess');
      await env.barrier('logged-in');
      await env.until('onMessageInstantReceive');
      await env.barrier('hello-delivered');
      session.messageInstantSend('alice', 'hello alice');
      await env.barrier('alice-joined');

      var channel = session.channelJoin('room');
      channel.onChannelJoined = function () {
        env.trace('onChannelJoined');
      };
      channel.onChannelUserList = function (users) {
        env.trace('onChannelUserList', users.length);
      };
      channel.onMessageChannelReceive = function (account, uid, msg) {
        env.trace('onMessageChannelReceive', account, uid, msg);
      };
      channel.onChannelLeaved = function (ecode) {
        env.trace('onChannelLeaved', ecode);
      };
      await env.until('onMessageChannelReceive');
      channel.channelLeave();
      await env.until('onChannelLeaved');
      await env.barrier('done');
    },
  },
};
