var APP_ID = '970ca35de60c44645bbae8a215061b33';
var session = Signal(APP_ID).login('erin', '_no_need_token');
var outgoing = null;

session.onMessageInstantReceive = function (account, uid, msg) {
  console.log(account + ': ' + msg);
};

function ring(peer, room) {
  outgoing = session.channelInviteUser2(room, peer, '');
  outgoing.onInviteAcceptedByPeer = function () {
    console.log(peer + ' accepted');
  };
  outgoing.onInviteFailed = function (extra) {
    console.log('failed: ' + JSON.parse(extra).reason);
  };
  outgoing.onInviteEndByPeer = function (extra) {
    console.log(peer + ' hung up ' + extra);
  };
  outgoing.onInviteEndByMyself = function () {
    console.log('call ended');
  };
}

function hangUp() {
  if (outgoing) outgoing.channelInviteEnd();
}

function hangUpWithReason(reason) {
  outgoing.channelInviteEnd(reason);
}

session.onInviteReceived = function (call) {
  console.log(call.peer + ' is calling');
  call.onInviteEndByPeer = function (extra) {
    console.log(call.peer + ' ended the call ' + extra);
  };
  call.onInviteFailed = function (extra) {
    console.log('call lost: ' + extra);
  };
  call.channelInviteAccept();
};
