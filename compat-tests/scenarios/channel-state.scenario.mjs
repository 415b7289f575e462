/*
 * Channel details a legacy app reads around joins that RTM does not have (legacy-signaling.md §4.2): `channel.state`
 * ('leaved' after a failed join, 'joined' once joined) and the value of channelJoin() on a session whose login
 * failed (undefined). RTM keeps the channel state internal and createChannel() always returns a channel, so the
 * codemod leaves these as TODOs (docs/codemod.md) and the shim run is checked against the exact legacy trace. The
 * convertible part of these error paths runs converted in errors.scenario.mjs.
 */
export default {
  name: 'channel state and channelJoin value on error paths',
  sides: ['shim'],
  expected: {
    alice: [
      ['onLoginFailed', 209],
      ['channelJoin after a failed login', 'undefined'],
      ['onLoginSuccess', 0],
      ['onChannelJoinFailed', 'invalid_argument', 'leaved'],
      ['joined after a failed join', 'joined'],
    ],
  },
  roles: {
    async alice(env) {
      var signal = Signal(env.appId);
      var bad = signal.login('alice/bad', '_no_need_token');
      bad.onLoginFailed = function (ecode) {
        env.trace('onLoginFailed', ecode);
      };
      await env.until('onLoginFailed');
      env.trace('channelJoin after a failed login', typeof bad.channelJoin('room'));

      var session = signal.login('alice', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      await env.until('onLoginSuccess');
      var channel = session.channelJoin('c'.repeat(65));
      channel.onChannelJoinFailed = function (err) {
        env.trace('onChannelJoinFailed', err, channel.state);
      };
      await env.until('onChannelJoinFailed');
      var room = session.channelJoin('room');
      room.onChannelJoined = function () {
        env.trace('joined after a failed join', room.state);
      };
      await env.until('joined after a failed join');
    },
  },
};
