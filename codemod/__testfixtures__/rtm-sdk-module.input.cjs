// CommonJS, converted with --rtm-module agora-rtm-sdk
var Signal = require('../vendor/signal.js');

var signal = Signal(process.env.APP_ID || '970ca35de60c44645bbae8a215061b33');
var session = signal.login('hank', process.env.TOKEN);
session.onMessageInstantReceive = function (account, uid, msg) {
  session.messageInstantSend(account, 'echo: ' + msg);
};

module.exports = { session: session };
