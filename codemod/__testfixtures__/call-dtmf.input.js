// DTMF on Web calls: channelInviteDTMF sends resignal's in-call message, onInviteMsg receives it (both directions).
var APP_ID = '970ca35de60c44645bbae8a215061b33';
var log = (...parts) => console.log(...parts);
var session = Signal(APP_ID).login('frank', '_no_need_token');

function dial(peer) {
  var call = session.channelInviteUser2('ivr', peer, '');
  call.onInviteAcceptedByPeer = function (extra) {
    call.channelInviteDTMF('1#');
  };
  call.onInviteMsg = function (extra) {
    log('menu', JSON.parse(extra).msgdata);
  };
}

session.onInviteReceived = function (call) {
  call.onInviteMsg = function (extra) {
    log('pressed', JSON.parse(extra).msgdata, call.peer);
    call.channelInviteDTMF('ok');
  };
  call.channelInviteAccept();
};
