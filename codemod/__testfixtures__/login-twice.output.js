// One Signal (one RTM client after conversion) that logs in at two places: which onLoginSuccess 1.4.x fired after a
// reconnect depends on which session is in use, so the reconnect behaviour is left to the developer.
var signal = AgoraRTM.createInstance('970ca35de60c44645bbae8a215061b33');

function asGuest() {
  // TODO(resignal: SIG_ON_LOGIN_SUCCESS): this Signal logs in at more than one place: after an automatic reconnect 1.4.x fired onLoginSuccess of the session in use and did not re-join channels (RTM re-joins them and fires nothing): for that session, leave the re-joined channels and call its handler on client.on('ConnectionStateChanged') CONNECTED after RECONNECTING (docs/codemod.md: repeatLoginSuccessOnReconnect), or pass --no-preserve reconnect-login-success
  var guest = signal;
  guest.login({ uid: 'guest' })
    .then(() => onLoginSuccess(), () => {})
    .catch((error) => console.error(error));
  const onLoginSuccess = function () {
    console.log('guest online');
  };
}

function asUser(account) {
  // TODO(resignal: SIG_ON_LOGIN_SUCCESS): this Signal logs in at more than one place: after an automatic reconnect 1.4.x fired onLoginSuccess of the session in use and did not re-join channels (RTM re-joins them and fires nothing): for that session, leave the re-joined channels and call its handler on client.on('ConnectionStateChanged') CONNECTED after RECONNECTING (docs/codemod.md: repeatLoginSuccessOnReconnect), or pass --no-preserve reconnect-login-success
  var user = signal;
  user.login({ uid: account })
    .then(() => onLoginSuccess2(), () => {})
    .catch((error) => console.error(error));
  const onLoginSuccess2 = function () {
    console.log('user online', account);
  };
}
