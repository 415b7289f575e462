var APP_ID = '970ca35de60c44645bbae8a215061b33';
var session = AgoraRTM.createInstance(APP_ID);
session.login({ uid: 'dora' }).catch(() => {});

const onInviteReceived = function (call) {
  console.log(call.callerId + ' is calling you (channel ' + call.channelId + ')');
  console.log(call.callerId, 0);
  var from = call.callerId;
  if (call.callerId === 'boss') console.log('uid ' + (0).toString());
  console.log(from + ' again');
};
session.on('RemoteInvitationReceived', (invitation) => onInviteReceived(invitation));
