/* expected: SIG_SIGNAL SIG_LOGIN SIG_ON_MESSAGE_INSTANT_RECEIVE SIG_MESSAGE_INSTANT_SEND SIG_ON_LOGOUT */
const Signal = require('resignal/shim');

const session = Signal(process.env.APP_ID).login('echo-bot', '_no_need_token');
session.onMessageInstantReceive = (account, uid, msg) => {
  session.messageInstantSend(account, `echo: ${msg}`);
};
session.onLogout = (ecode) => {
  process.exitCode = ecode === 101 ? 0 : 1;
};
