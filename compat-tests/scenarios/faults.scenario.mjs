/*
 * Faults a legacy app lives through (legacy-signaling.md §7): a network cut with 1.4.x reconnect behaviour
 * (onLoginSuccess fires again, the channel is not re-joined automatically, the app re-joins and assigns
 * onChannelJoined on the new Channel object), and a kick when the same account logs in elsewhere (onLogout(103)).
 * The shim run is checked against the exact legacy trace; the converted code keeps the 1.4.x reconnect behaviour
 * with repeatLoginSuccessOnReconnect (RTM's re-joined channel is left, then onLoginSuccess runs again;
 * docs/codemod.md, difference `reconnect-login-success`).
 */
export default {
  name: 'network cut and remote login',
  expected: {
    alice: [
      ['onLoginSuccess', 0],
      ['onChannelJoined'],
      ['onLoginSuccess', 0],
      ['status after reconnect', 2],
      ['onChannelJoined'],
      ['onLogout', 103],
    ],
    bob: [
      ['onLoginSuccess', 0],
      ['onMessageInstantReceive', 'alice', 0, 'back again'],
    ],
  },
  roles: {
    async alice(env) {
      var session = Signal(env.appId).login('alice', '_no_need_token');
      var channel;
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      session.onLogout = function (ecode) {
        env.trace('onLogout', ecode);
      };
      await env.until('onLoginSuccess');
      channel = session.channelJoin('room');
      channel.onChannelJoined = function () {
        env.trace('onChannelJoined');
      };
      await env.until('onChannelJoined');
      await env.fault('cut', 400);
      await env.until('onLoginSuccess', 2);
      env.trace('status after reconnect', session.getStatus());
      // 1.4.x apps re-join in their own code after a reconnect.
      channel = session.channelJoin('room');
      channel.onChannelJoined = function () {
        env.trace('onChannelJoined');
      };
      await env.until('onChannelJoined', 2);
      session.messageInstantSend('bob', 'back again');
      await env.barrier('message-sent');
      await env.barrier('kicked');
      await env.until('onLogout');
    },

    async bob(env) {
      var session = Signal(env.appId).login('bob', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      session.onMessageInstantReceive = function (account, uid, msg) {
        env.trace('onMessageInstantReceive', account, uid, msg);
      };
      await env.until('onLoginSuccess');
      await env.until('onMessageInstantReceive');
      await env.barrier('message-sent');
      // The same account logging in elsewhere ends alice's first session.
      var other = Signal(env.appId).login('alice', '_no_need_token');
      other.onLoginSuccess = function () {};
      await env.sleep(300);
      await env.barrier('kicked');
    },
  },
};
