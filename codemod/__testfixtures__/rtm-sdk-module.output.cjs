// CommonJS, converted with --rtm-module agora-rtm-sdk
var AgoraRTM = require('agora-rtm-sdk');

var signal = AgoraRTM.createInstance(process.env.APP_ID || '970ca35de60c44645bbae8a215061b33');
var session = signal;
session.login({ uid: 'hank', token: process.env.TOKEN }).catch(() => {});
const onMessageInstantReceive = function (account, uid, msg) {
  session.sendMessageToPeer({ text: 'echo: ' + msg }, account).catch(() => {});
};
session.on('MessageFromPeer', (message, peerId) => onMessageInstantReceive(peerId, 0, message.text));

module.exports = { session: session };
