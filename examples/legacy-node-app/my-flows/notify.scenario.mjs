/*
 * The notifier's flow as a compat scenario (docs/migration.md step 5): the bot posts to #ops and pings the
 * on-call engineer, who is logged in and in the channel. `resignal compat run` runs it on the shim and
 * converted by the codemod, and compares what each side saw.
 */
export default {
  name: 'deploy notice to #ops and the on-call engineer',
  roles: {
    async bot(env) {
      var signal = Signal(env.appId);
      var session = signal.login('deploy-bot', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      await env.until('onLoginSuccess');
      await env.barrier('on-call-ready');
      var channel = session.channelJoin('ops');
      channel.onChannelJoined = function () {
        env.trace('onChannelJoined');
      };
      await env.until('onChannelJoined');
      channel.messageChannelSend('release 42 is live', function () {
        env.trace('messageChannelSend cb');
      });
      await env.until('messageChannelSend cb');
      session.messageInstantSend('on-call', 'release 42 is live', function (isError) {
        env.trace('messageInstantSend cb', isError);
      });
      await env.until('messageInstantSend cb');
      await env.barrier('notified');
      channel.channelLeave(function () {
        env.trace('channelLeave cb');
      });
      await env.until('channelLeave cb');
    },

    async oncall(env) {
      var signal = Signal(env.appId);
      var session = signal.login('on-call', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      session.onMessageInstantReceive = function (account, uid, msg) {
        env.trace('onMessageInstantReceive', account, uid, msg);
      };
      await env.until('onLoginSuccess');
      var channel = session.channelJoin('ops');
      channel.onChannelJoined = function () {
        env.trace('onChannelJoined');
      };
      channel.onMessageChannelReceive = function (account, uid, msg) {
        env.trace('onMessageChannelReceive', account, uid, msg);
      };
      await env.until('onChannelJoined');
      await env.barrier('on-call-ready');
      await env.until('onMessageChannelReceive');
      await env.until('onMessageInstantReceive');
      await env.barrier('notified');
    },
  },
};
