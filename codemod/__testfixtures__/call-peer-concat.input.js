var APP_ID = '970ca35de60c44645bbae8a215061b33';
var session = Signal(APP_ID).login('dora', '_no_need_token');

session.onInviteReceived = function (call) {
  console.log(call.peer + ' is calling you (channel ' + call.channelName + ')');
  console.log(call.peer, call.peeruid);
  var from = call.peer;
  if (call.peer === 'boss') console.log('uid ' + call.peeruid.toString());
  console.log(from + ' again');
};
