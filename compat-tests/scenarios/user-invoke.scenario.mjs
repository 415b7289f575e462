/*
 * The user `invoke` functions of legacy-signaling.md §6, a channel membership query and logout, as a legacy app
 * writes them and the codemod converts them (the part of session-and-invoke.scenario.mjs that has an RTM
 * counterpart): status and account after login(), user_query_user_status / user_set_attr / user_get_attr,
 * channel_query_num / channel_query_user_isin on a joined channel, channelLeave(cb), logout() with onLogout(101).
 * Runs on the shim, converted and mixed; the shim run is also checked against the exact legacy trace.
 */
export default {
  name: 'user invoke functions and logout',
  expected: {
    alice: [
      ['status after login()', 1, 'alice'],
      ['onLoginSuccess', 0, 2],
      ['onChannelJoined'],
      ['user_query_user_status', '', 'ok', 1],
      ['user_set_attr', '', 'ok'],
      ['user_get_attr', '', 'blue'],
      ['channel_query_num', '', 2],
      ['channel_query_user_isin', '', 1],
      ['channelLeave cb'],
      ['onLogout', 101, 0],
    ],
    bob: [
      ['onLoginSuccess', 0],
      ['onChannelJoined'],
    ],
  },
  roles: {
    async alice(env) {
      var session = Signal(env.appId).login('alice', '_no_need_token');
      env.trace('status after login()', session.getStatus(), session.account);
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid, session.getStatus());
      };
      session.onLogout = function (ecode) {
        env.trace('onLogout', ecode, session.getStatus());
      };
      await env.until('onLoginSuccess');
      var channel = session.channelJoin('users');
      channel.onChannelJoined = function () {
        env.trace('onChannelJoined');
      };
      await env.until('onChannelJoined');
      await env.barrier('bob-in-channel');

      session.invoke('io.agora.signal.user_query_user_status', { account: 'bob' }, function (err, ret) {
        env.trace('user_query_user_status', err, ret.result, ret.status);
      });
      await env.until('user_query_user_status');
      session.invoke('io.agora.signal.user_set_attr', { name: 'color', value: 'blue' }, function (err, ret) {
        env.trace('user_set_attr', err, ret.result);
      });
      await env.until('user_set_attr');
      session.invoke('io.agora.signal.user_get_attr', { account: 'alice', name: 'color' }, function (err, ret) {
        env.trace('user_get_attr', err, ret.value);
      });
      await env.until('user_get_attr');
      session.invoke('io.agora.signal.channel_query_num', { name: 'users' }, function (err, ret) {
        env.trace('channel_query_num', err, ret.num);
      });
      await env.until('channel_query_num');
      session.invoke('io.agora.signal.channel_query_user_isin', { name: 'users', account: 'bob' }, function (err, ret) {
        env.trace('channel_query_user_isin', err, ret.isin);
      });
      await env.until('channel_query_user_isin');

      channel.channelLeave(function () {
        env.trace('channelLeave cb');
      });
      await env.until('channelLeave cb');
      session.logout();
      await env.until('onLogout');
      await env.barrier('done');
    },

    async bob(env) {
      var session = Signal(env.appId).login('bob', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      await env.until('onLoginSuccess');
      var channel = session.channelJoin('users');
      channel.onChannelJoined = function () {
        env.trace('onChannelJoined');
      };
      await env.until('onChannelJoined');
      await env.barrier('bob-in-channel');
      await env.barrier('done');
    },
  },
};
