// The LOGIN_STATE_* globals of the legacy script, compared with getStatus(); one page reassigns its own copy.
var session = Signal('970ca35de60c44645bbae8a215061b33').login('jon', '_no_need_token');
session.onLoginSuccess = function () {
  showStatus();
};

function showStatus() {
  var status = session.getStatus();
  if (status === LOGIN_STATE_NOT_LOGIN) console.log('offline');
  else if (status === LOGIN_STATE_LOGINING) console.log('logging in');
  else if (status === LOGIN_STATE_LOGINED) console.log('online');
  else if (status === LOGIN_STATE_RECONNECTING) console.log('reconnecting');
  return [LOGIN_STATE_NOT_LOGIN, LOGIN_STATE_LOGINED].indexOf(status) >= 0;
}

LOGIN_STATE_RECONNECTING = 3;
