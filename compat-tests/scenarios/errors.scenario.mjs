/*
 * Error paths of the Web API and the legacy values they report (legacy-signaling.md §3.2, §4.2, §8): accounts RTM
 * rejects (over 64 characters, or with a character such as `/`) end in onLoginFailed(209) (LOGIN_E_INVALID_USER,
 * "wrong account" in 1.4.3) and state 0; a channel name RTM rejects ends in onChannelJoinFailed(err) with a string
 * (legacy passed the server's string; the shim's are listed in docs/shim.md); calls made on a session whose login
 * failed fail the legacy way ('not_login'). The shim run is checked against the exact legacy trace, and the
 * converted code runs too: its join catches createChannel()'s synchronous throw for the rejected name and reports
 * it through onChannelJoinFailed, its invoke failures use the shim's strings. What has no RTM counterpart
 * (channel.state, a channelJoin() whose result is used in an expression) is in channel-state.scenario.mjs.
 */
export default {
  name: 'login, join and call errors',
  expected: {
    alice: [
      ['onLoginFailed', 'too long', 209, 0],
      ['onLoginFailed', 'bad character', 209, 0],
      ['messageInstantSend cb after a failed login', true],
      ['invoke after a failed login', 'not_login', 'not_login', 'string'],
      ['onLoginSuccess', 0],
      ['onChannelJoinFailed', 'invalid_argument'],
      ['joined after a failed join', 2],
    ],
  },
  roles: {
    async alice(env) {
      var signal = Signal(env.appId);
      // Legacy accounts could be 128 characters; RTM user IDs are at most 64.
      var long = signal.login('a'.repeat(65), '_no_need_token');
      long.onLoginSuccess = function () {
        env.trace('onLoginSuccess (unexpected)');
      };
      long.onLoginFailed = function (ecode) {
        env.trace('onLoginFailed', 'too long', ecode, long.getStatus());
      };
      await env.until('onLoginFailed');
      var bad = signal.login('alice/bad', '_no_need_token');
      bad.onLoginFailed = function (ecode) {
        env.trace('onLoginFailed', 'bad character', ecode, bad.getStatus());
      };
      await env.until('onLoginFailed', 2);
      bad.messageInstantSend('bob', 'hello', function (isError) {
        env.trace('messageInstantSend cb after a failed login', isError);
      });
      await env.until('messageInstantSend cb after a failed login');
      bad.invoke('io.agora.signal.channel_query_num', { name: 'room' }, function (err, ret) {
        env.trace('invoke after a failed login', err, ret.result, typeof ret.reason);
      });
      await env.until('invoke after a failed login');

      var session = signal.login('alice', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      await env.until('onLoginSuccess');
      var channel = session.channelJoin('c'.repeat(65));
      channel.onChannelJoined = function () {
        env.trace('onChannelJoined (unexpected)');
      };
      channel.onChannelJoinFailed = function (err) {
        env.trace('onChannelJoinFailed', err);
      };
      await env.until('onChannelJoinFailed');
      // The session is still usable: a valid channel joins.
      var room = session.channelJoin('room');
      room.onChannelJoined = function () {
        env.trace('joined after a failed join', session.getStatus());
      };
      await env.until('joined after a failed join');
    },
  },
};
