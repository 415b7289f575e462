const Signal = require('./vendor/signal.js');

const signal = Signal(process.env.APP_ID);
const session = signal.login('carol', token);

function isOnline(account, done) {
  session.invoke('io.agora.signal.user_query_user_status', { account }, function (err, ret) {
    done(err === '' && ret.status === 1);
  });
}

function memberCount(name, cb) {
  session.invoke('io.agora.signal.channel_query_num', { name: name }, cb);
}

function setAttr(name, value) {
  session.invoke('io.agora.signal.user_set_attr', { name, value });
}

function ring(peer) {
  const call = session.channelInviteUser2('room-1', peer, JSON.stringify({ video: true }));
  call.onInviteReceivedByPeer = () => console.log('ringing', call.peer);
  call.onInviteAcceptedByPeer = (extra) => console.log('accepted', extra);
  call.onInviteRefusedByPeer = (extra) => console.log('refused', extra);
  call.onInviteFailed = (extra) => console.log('failed', JSON.parse(extra).reason);
  setTimeout(() => call.channelInviteDTMF('1'), 1000);
  retryButton.onclick = () => call.channelInviteUser2();
  return call;
}

session.onInviteReceived = function (call) {
  console.log('incoming from', call.peer, 'for', call.channelName, call.extra);
  call.onInviteEndByPeer = (extra) => console.log('caller hung up', extra);
  if (busy()) {
    call.channelInviteRefuse(JSON.stringify({ status: 1 }));
  } else {
    call.channelInviteAccept();
    call.onInviteMsg = (extra) => console.log(extra);
    setTimeout(() => call.channelInviteEnd('bye'), 60000);
  }
};

function lookup(name, args, cb) {
  session.invoke(name, args, cb);
}

console.log(session.getStatus());
