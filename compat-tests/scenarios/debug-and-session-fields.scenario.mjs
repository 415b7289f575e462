/*
 * The debug switches and session fields of legacy-signaling.md §1–§3: `Signal_` (builds ≤1.3.0 defined it as a
 * global), setup_debugging / setUpDebugging / 1.1.3's dbg('dbg_server') pointing a Signal at an access point,
 * `session.dbg`, and `session.uid` / `state` / `line` through a session's life. `onError` is assigned as apps did
 * and never fires (the Web SDK never called it). The codemod leaves all of these as TODO, so the shim run is
 * checked against the exact legacy trace.
 */
/* global Signal_ -- the legacy builds' implicit global, installed by the shim next to Signal */

/** The access point this role reaches the server through (its fault proxy), as the legacy [host, port]. */
function accessPoint(env) {
  var url = new URL(env.serverUrl);
  return { host: url.hostname, port: Number(url.port) };
}

export default {
  name: 'debug switches and session fields',
  sides: ['shim'],
  expected: {
    alice: [
      ['Signal() instanceof Signal_', true, true],
      ['right after login()', 1, 1, '', 0],
      ['session.dbg', true, false],
      ['onLoginSuccess', 0, 0, 2, true],
      ['line is stable', true],
      ['second session (dbg_server)', 0, 2, true],
      ['lines differ per connection', true],
      ['onLogout', 101, 0, ''],
      ['onLogout', 101, 0, ''],
    ],
  },
  roles: {
    async alice(env) {
      var ap = accessPoint(env);
      var signal = new Signal(env.appId);
      env.trace('Signal() instanceof Signal_', signal instanceof Signal_, Signal(env.appId) instanceof Signal_);
      // Staging switches are accepted and ignored; 'ap' fixes the access point ([host, port]).
      signal.setUpDebugging('lbs100', 1);
      signal.setup_debugging('env', 'staging');
      signal.setup_debugging('ap', [ap.host, ap.port]);
      var session = signal.login('alice', '_no_need_token');
      env.trace('right after login()', session.state, session.getStatus(), session.line, session.uid);
      session.dbg = true;
      var dbgOn = session.dbg;
      session.dbg = false;
      env.trace('session.dbg', dbgOn, session.dbg);
      session.onError = function () {
        env.trace('onError');
      };
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid, session.uid, session.state, session.line !== '');
      };
      session.onLogout = function (ecode) {
        env.trace('onLogout', ecode, session.state, session.line);
      };
      await env.until('onLoginSuccess');
      var line = session.line;
      env.trace('line is stable', session.line === line);

      // 1.1.3's debug-server switch, on a second Signal.
      var old = Signal(env.appId);
      old.dbg('log_level', 3);
      old.dbg('dbg_server', ap.host + ':' + ap.port);
      var second = old.login('alice-2', '_no_need_token');
      second.onLoginSuccess = function (uid) {
        env.trace('second session (dbg_server)', uid, second.state, second.line !== '');
      };
      second.onLogout = function (ecode) {
        env.trace('onLogout', ecode, second.state, second.line);
      };
      await env.until('second session (dbg_server)');
      env.trace('lines differ per connection', second.line !== session.line);

      session.logout();
      await env.until('onLogout');
      second.logout();
      await env.until('onLogout', 2);
    },
  },
};
