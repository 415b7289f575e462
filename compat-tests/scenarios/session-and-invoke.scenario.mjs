/*
 * Session details a legacy app reads (versions, status numbers, globals, properties), the invoke quirks of
 * legacy-signaling.md §6, channel attributes, and logout quirks. Converted code cannot follow it: the legacy globals
 * and versions, `invoke` of an unknown function and channel.state stay TODO in the codemod,
 * and `invoke` mutating `args.line` and `typeof session.channelJoin` have no RTM counterpart. So the shim run is
 * checked against the exact legacy trace below. The user invoke functions and logout with onLogout run converted in
 * user-invoke.scenario.mjs, logout without one in logout-without-handler.scenario.mjs, onChannelAttrUpdated in
 * channel-attributes.scenario.mjs.
 */
export default {
  name: 'session details, invoke functions, channel attributes, logout',
  sides: ['shim'],
  expected: {
    alice: [
      ['versions', '1.4.3', 1010403000, '1.4.3'],
      ['states', 0, 1, 2, 3],
      ['status after login()', 1, 'alice'],
      ['onLoginSuccess', 0, 2],
      ['channelJoin before? no', 'function'],
      ['onChannelJoined', 'attrs', 'joined'],
      ['onChannelAttrUpdated', 'topic', 'legacy', 'update'],
      ['channelSetAttr cb'],
      ['onChannelAttrUpdated', 'topic', '', 'del'],
      ['channelDelAttr cb'],
      ['onChannelAttrUpdated', 'a', '1', 'update'],
      // RTM reports the full attribute set, so clearing a single attribute is seen as its deletion (docs/shim.md).
      ['onChannelAttrUpdated', 'a', '', 'del'],
      ['channelClearAttr cb'],
      ['user_query_user_status', '', 1, 'string'],
      ['unknown invoke', true],
      ['channelLeave cb', 'leaved'],
      ['onLogout', 101, 0],
    ],
    bob: [
      ['onLoginSuccess', 0],
      ['status after logout() without onLogout', 2],
    ],
  },
  roles: {
    async alice(env) {
      var signal = new Signal(env.appId);
      signal.setDoLog(false);
      env.trace('versions', signal.getSDKVersion(), signal.getSDKVersion_int(), SIGNALING_SDK_VERSION);
      env.trace('states', LOGIN_STATE_NOT_LOGIN, LOGIN_STATE_LOGINING, LOGIN_STATE_LOGINED, LOGIN_STATE_RECONNECTING);
      var session = signal.login('alice', '_no_need_token');
      env.trace('status after login()', session.getStatus(), session.account);
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid, session.getStatus());
      };
      session.onLogout = function (ecode) {
        env.trace('onLogout', ecode, session.getStatus());
      };
      session.onError = function () {
        env.trace('onError');
      };
      await env.until('onLoginSuccess');
      env.trace('channelJoin before? no', typeof session.channelJoin);

      var channel = session.channelJoin('attrs');
      channel.onChannelJoined = function () {
        env.trace('onChannelJoined', channel.name, channel.state);
      };
      channel.onChannelAttrUpdated = function (name, value, type) {
        env.trace('onChannelAttrUpdated', name, value, type);
      };
      await env.until('onChannelJoined');
      channel.channelSetAttr('topic', 'legacy', function () {
        env.trace('channelSetAttr cb');
      });
      await env.until('onChannelAttrUpdated');
      channel.channelDelAttr('topic', function () {
        env.trace('channelDelAttr cb');
      });
      await env.until('onChannelAttrUpdated', 2);
      channel.channelSetAttr('a', '1');
      await env.until('onChannelAttrUpdated', 3);
      channel.channelClearAttr(function () {
        env.trace('channelClearAttr cb');
      });
      await env.until('onChannelAttrUpdated', 4);

      await env.barrier('bob-online');
      var args = { account: 'bob' };
      session.invoke('io.agora.signal.user_query_user_status', args, function (err, ret) {
        env.trace('user_query_user_status', err, ret.status, typeof args.line);
      });
      await env.until('user_query_user_status');
      session.invoke('io.agora.signal.not_a_function', {}, function (err) {
        env.trace('unknown invoke', typeof err === 'string' && err !== '');
      });
      await env.until('unknown invoke');

      channel.channelLeave(function () {
        env.trace('channelLeave cb', channel.state);
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
      // Without an onLogout handler a logged-in session's logout() does nothing (legacy-signaling.md §3.1).
      session.logout();
      env.trace('status after logout() without onLogout', session.getStatus());
      await env.barrier('bob-online');
      await env.barrier('done');
    },
  },
};
