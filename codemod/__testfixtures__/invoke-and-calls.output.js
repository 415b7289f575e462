const AgoraRTM = require('resignal');

const signal = AgoraRTM.createInstance(process.env.APP_ID);
const session = signal;
session.login({ uid: 'carol', token }).catch(() => {});

function isOnline(account, done) {
  session.queryPeersOnlineStatus([account])
    .then((status) => ({ error: '', ret: { result: 'ok', account: account, status: status[account] ? 1 : 0 } }), (error) => ({ error: String(error), ret: { result: 'failed', reason: String(error) } }))
    .then(function ({ error: err, ret }) {
      done(err === '' && ret.status === 1);
    })
    .catch((error) => console.error(error));
}

function memberCount(name, cb) {
  session.getChannelMemberCount([name])
    .then((counts) => cb('', { result: 'ok', name: name, num: counts[name] ?? 0 }), (error) => cb(String(error), { result: 'failed', reason: String(error) }))
    .catch((error) => console.error(error));
}

function setAttr(name, value) {
  // TODO(resignal: SIG_INVOKE_USER_SET_ATTR): RTM: client.addOrUpdateLocalUserAttributes({ [name]: value }). RTM user attributes exist only while the user is online (deleted at logout, re-uploaded after reconnect).
  session.invoke('io.agora.signal.user_set_attr', { name, value });
}

function ring(peer) {
  const call = session.createLocalInvitation(peer);
  call.channelId = 'room-1';
  call.content = JSON.stringify({ video: true });
  call.send();
  const onInviteReceivedByPeer = () => console.log('ringing', call.calleeId);
  call.on('LocalInvitationReceivedByPeer', () => onInviteReceivedByPeer());
  const onInviteAcceptedByPeer = (extra) => console.log('accepted', extra);
  call.on('LocalInvitationAccepted', (response) => onInviteAcceptedByPeer(response));
  const onInviteRefusedByPeer = (extra) => console.log('refused', extra);
  call.on('LocalInvitationRefused', (response) => onInviteRefusedByPeer(response));
  // TODO(resignal: SIG_ON_INVITE_FAILED): RTM: localInvitation.on('LocalInvitationFailure', (reason) => …) / remoteInvitation.on('RemoteInvitationFailure', …). Legacy passes a JSON string (apps read `JSON.parse(extra).reason`) or an error string; RTM passes a failure-reason enum.; RTM event: LocalInvitationFailure
  call.onInviteFailed = (extra) => console.log('failed', JSON.parse(extra).reason);
  return call;
}

const onInviteReceived = function (call) {
  console.log('incoming from', call.callerId, 'for', call.channelId, call.content);
  // TODO(resignal: SIG_ON_INVITE_END_BY_PEER): RTM: remoteInvitation.on('RemoteInvitationCanceled', (content) => …) (while ringing only). RTM reports only a caller cancelling a ringing invitation; legacy also reported hang-ups after accept, from either side.; RTM event: RemoteInvitationCanceled
  call.onInviteEndByPeer = (extra) => console.log('caller hung up', extra);
  if (busy()) {
    call.response = JSON.stringify({ status: 1 });
    call.refuse();
  } else {
    call.accept();
  }
};
session.on('RemoteInvitationReceived', (invitation) => onInviteReceived(invitation));

// TODO(resignal: SIG_GET_STATUS): RTM has no getStatus(): track client.on('ConnectionStateChanged', (state) => …) with DISCONNECTED/ABORTED → 0, CONNECTING → 1, CONNECTED → 2, RECONNECTING → 3
console.log(session.getStatus());
