var APP_ID = '970ca35de60c44645bbae8a215061b33';
var signal = Signal(APP_ID);
signal.setDoLog(false);
signal.setDoLog(true, 'WARNING');
var session = signal.login('fred', '_no_need_token');
console.log('status', session.getStatus(), session.state);

session.onLoginSuccess = function (uid) {
  console.log('logged in as', session.account, uid, session.uid);
  if (session.getStatus() === 2) console.log('online');
};
