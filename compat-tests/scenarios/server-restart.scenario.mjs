/*
 * The server restarts while two legacy users are logged in and in a channel (legacy-signaling.md §7, docs/shim.md
 * "Reconnection"). 1.4.x behaviour: the session goes to state 3 with an empty `line` (logout() does nothing
 * meanwhile), `onLoginSuccess` fires again once the connection is back, and the channel is NOT re-joined: the old
 * Channel object stays silent and the app re-joins by itself. The Web SDK has no onReconnecting/onReconnected
 * (native only), so handlers assigned under those names never run. The server comes back on the same data folder.
 * Reconnect semantics differ on the native client by design (RTM re-joins by itself), so the shim run is checked
 * against the exact legacy trace.
 */
function join(env, session, label) {
  var channel = session.channelJoin('room');
  channel.onChannelJoined = function () {
    env.trace(label + 'onChannelJoined');
  };
  channel.onChannelUserList = function (list) {
    env.trace(label + 'onChannelUserList', list.map(function (entry) {
      return entry[0] + ':' + entry[1];
    }).sort().join(','));
  };
  channel.onChannelUserJoined = function (account, uid) {
    env.trace(label + 'onChannelUserJoined', account, uid);
  };
  channel.onChannelUserLeaved = function (account, uid) {
    env.trace(label + 'onChannelUserLeaved', account, uid);
  };
  channel.onChannelLeaved = function (ecode) {
    env.trace(label + 'onChannelLeaved', ecode);
  };
  channel.onMessageChannelReceive = function (account, uid, msg) {
    env.trace(label + 'onMessageChannelReceive', account, uid, msg);
  };
  return channel;
}

function login(env, account) {
  var session = Signal(env.appId).login(account, '_no_need_token');
  var lines = [];
  session.onLoginSuccess = function (uid) {
    lines.push(session.line);
    env.trace('onLoginSuccess', uid, session.getStatus(), lines.length === 1 || lines[0] !== lines[1]);
  };
  session.onLoginFailed = function (ecode) {
    env.trace('onLoginFailed', ecode);
  };
  session.onLogout = function (ecode) {
    env.trace('onLogout', ecode);
  };
  session.onReconnecting = function () {
    env.trace('onReconnecting (native only)');
  };
  session.onReconnected = function () {
    env.trace('onReconnected (native only)');
  };
  return session;
}

/** While the server is down (for 1500 ms): once the session has noticed, it is reconnecting. */
async function whileDown(env, session) {
  for (var waited = 0; session.getStatus() === 2 && waited < 1000; waited += 20) await env.sleep(20);
  env.trace('while the server is down', session.getStatus(), session.line);
  session.logout();
  env.trace('logout() while reconnecting', session.getStatus());
}

export default {
  name: 'server restart',
  sides: ['shim'],
  expected: {
    alice: [
      ['onLoginSuccess', 0, 2, true],
      ['onChannelJoined'],
      ['onChannelUserList', 'alice:0'],
      ['onChannelUserJoined', 'bob', 0],
      ['while the server is down', 3, ''],
      ['logout() while reconnecting', 3],
      ['onLoginSuccess', 0, 2, true],
      ['old channel after reconnect', 'joined'],
      ['again: onChannelJoined'],
      ['again: onChannelUserList', 'alice:0'],
      ['again: onChannelUserJoined', 'bob', 0],
      ['again: onMessageChannelReceive', 'bob', 0, 'back again'],
      ['again: onChannelLeaved', 0],
      ['onLogout', 101],
    ],
    bob: [
      ['onLoginSuccess', 0, 2, true],
      ['onChannelJoined'],
      ['onChannelUserList', 'alice:0,bob:0'],
      ['while the server is down', 3, ''],
      ['logout() while reconnecting', 3],
      ['onLoginSuccess', 0, 2, true],
      ['again: onChannelJoined'],
      ['again: onChannelUserList', 'alice:0,bob:0'],
      ['again: onMessageChannelReceive', 'bob', 0, 'back again'],
      ['messageChannelSend cb'],
      ['again: onChannelUserLeaved', 'alice', 0],
    ],
  },
  roles: {
    async alice(env) {
      var session = login(env, 'alice');
      await env.until('onLoginSuccess');
      var old = join(env, session, '');
      await env.until('onChannelJoined');
      await env.barrier('alice-in-room');
      await env.until('onChannelUserJoined');
      await env.barrier('both-in-room');

      var restart = env.fault('restart-server', 1500);
      await whileDown(env, session);
      await restart;
      await env.until('onLoginSuccess', 2);
      await env.barrier('both-back');
      // Nothing reached the old Channel object; the app re-joins (usually inside onLoginSuccess).
      env.trace('old channel after reconnect', old.state);
      var channel = join(env, session, 'again: ');
      await env.until('again: onChannelJoined');
      await env.barrier('alice-rejoined');
      await env.until('again: onMessageChannelReceive');
      channel.channelLeave();
      await env.until('again: onChannelLeaved');
      session.logout();
      await env.until('onLogout');
      await env.barrier('done');
    },

    async bob(env) {
      var session = login(env, 'bob');
      await env.until('onLoginSuccess');
      await env.barrier('alice-in-room');
      join(env, session, '');
      await env.until('onChannelJoined');
      await env.barrier('both-in-room');

      await whileDown(env, session);
      await env.until('onLoginSuccess', 2);
      await env.barrier('both-back');
      await env.barrier('alice-rejoined');
      var channel = join(env, session, 'again: ');
      await env.until('again: onChannelJoined');
      channel.messageChannelSend('back again', function () {
        env.trace('messageChannelSend cb');
      });
      await env.until('again: onChannelUserLeaved');
      await env.barrier('done');
    },
  },
};
