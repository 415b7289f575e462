/*
 * legacy-signaling.md §3.1: logout() on a logged-in session that has no logout callback property does nothing; the
 * session stays logged in and online for others. The codemod keeps that (logoutIfLoggingIn), so the converted run
 * must show bob still logged in and still online after his logout() call. This file must not name that callback
 * property anywhere in code: the codemod would then assume the session has a handler. The LOGIN_STATE_* globals
 * become their numbers in the converted run.
 */
export default {
  name: 'logout without a logout handler does nothing',
  expected: {
    alice: [
      ['onLoginSuccess', 0],
      ['bob after his logout()', '', 'ok', 1],
    ],
    bob: [
      ['onLoginSuccess', 0],
      ['status after logout()', 2, true],
    ],
  },
  roles: {
    async alice(env) {
      var session = Signal(env.appId).login('alice', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      await env.until('onLoginSuccess');
      await env.barrier('bob-logged-out');
      session.invoke('io.agora.signal.user_query_user_status', { account: 'bob' }, function (err, ret) {
        env.trace('bob after his logout()', err, ret.result, ret.status);
      });
      await env.until('bob after his logout()');
      await env.barrier('done');
    },

    async bob(env) {
      var session = Signal(env.appId).login('bob', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      await env.until('onLoginSuccess');
      session.logout();
      env.trace('status after logout()', session.getStatus(), session.getStatus() === LOGIN_STATE_LOGINED);
      await env.barrier('bob-logged-out');
      await env.barrier('done');
    },
  },
};
