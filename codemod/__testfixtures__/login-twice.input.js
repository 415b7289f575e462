// One Signal (one RTM client after conversion) that logs in at two places: which onLoginSuccess 1.4.x fired after a
// reconnect depends on which session is in use, so the reconnect behaviour is left to the developer.
var signal = Signal('970ca35de60c44645bbae8a215061b33');

function asGuest() {
  var guest = signal.login('guest', '_no_need_token');
  guest.onLoginSuccess = function () {
    console.log('guest online');
  };
}

function asUser(account) {
  var user = signal.login(account, '_no_need_token');
  user.onLoginSuccess = function () {
    console.log('user online', account);
  };
}
