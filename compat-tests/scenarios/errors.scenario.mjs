/*
 * Error paths of the Web API and the legacy values they report (legacy-signaling.md §3.2, §4.2, §8): accounts RTM
 * rejects (over 64 characters, or with a character such as `/`) end in onLoginFailed(209) (LOGIN_E_INVALID_USER,
 * "wrong account" in 1.4.3) and state 0; a channel name RTM rejects ends in onChannelJoinFailed(err) with a string
 * (legacy passed the server's string; the shim's are listed in docs/shim.md) and channel.state 'leaved'; calls made
 * on a session whose login failed fail the legacy way. The shim run is checked against the exact legacy trace. The
 * converted code reports the same login codes and join strings, but does not run here yet: a channelJoin() whose
 * result is used in an expression and channel.state stay TODOs, createChannel() throws for a name RTM rejects
 * (legacy reported onChannelJoinFailed), and converted invoke errors are RTM's own strings.
 */
export default {
  name: 'login, join and call errors',
  sides: ['shim'],
  expected: {
    alice: [
      ['onLoginFailed', 'too long', 209, 0],
      ['onLoginFailed', 'bad character', 209, 0],
      ['channelJoin after a failed login', 'undefined'],
      ['messageInstantSend cb after a failed login', true],
      ['invoke after a failed login', 'not_login', 'not_login', 'string'],
      ['onLoginSuccess', 0],
      ['onChannelJoinFailed', 'invalid_argument', 'leaved'],
      ['joined after a failed join', 'joined', 2],
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
      env.trace('channelJoin after a failed login', typeof bad.channelJoin('room'));
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
        env.trace('onChannelJoinFailed', err, channel.state);
      };
      await env.until('onChannelJoinFailed');
      // The session is still usable: a valid channel joins.
      var room = session.channelJoin('room');
      room.onChannelJoined = function () {
        env.trace('joined after a failed join', room.state, session.getStatus());
      };
      await env.until('joined after a failed join');
    },
  },
};
