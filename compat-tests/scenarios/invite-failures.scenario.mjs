/*
 * Invitations that fail (legacy-signaling.md §5): a call to an offline peer with `_require_peer_online: 1`, the
 * same Call object re-sent with call.channelInviteUser2() once the peer is online (ignored while it rings), DTMF
 * both ways on the accepted call (legacy `voip_invite_msg`: the peer's Call gets onInviteMsg(extra) with extra
 * `{"msgtype":"dtmf","msgdata":…}`), and a call that nobody answers within `_timeout`. `onInviteFailed` gets the
 * JSON extra apps parse (`JSON.parse(extra).reason`).
 * The codemod leaves call.channelInviteUser2(), the extra keys and DTMF as TODO, so the shim run is checked against
 * the exact legacy trace and against the hand-written native twin (invite-failures.native.mjs), also in mixed fleets.
 */
export default {
  name: 'invitation failures, re-invite and DTMF',
  sides: ['shim', 'native'],
  expected: {
    alice: [
      ['onLoginSuccess', 0],
      ['onInviteFailed', 'PEER_OFFLINE', 703, 0],
      ['onInviteReceivedByPeer', ''],
      ['onInviteAcceptedByPeer', '{"ok":1}'],
      ['onInviteMsg', '{"msgtype":"dtmf","msgdata":"#"}'],
      ['onInviteReceivedByPeer', ''],
      ['onInviteFailed', 'TIMEOUT', 704, 0],
    ],
    bob: [
      ['onLoginSuccess', 0],
      ['onInviteReceived', 'alice', 'room-1', '{"_require_peer_online":1}', 0],
      ['onInviteMsg', 'room-1', '{"msgtype":"dtmf","msgdata":"1#"}'],
      ['onInviteReceived', 'alice', 'room-2', '{"_timeout":1}', 0],
      ['onInviteEndByPeer', 'room-2', '{"_timeout":1}'],
    ],
  },
  roles: {
    async alice(env) {
      var session = Signal(env.appId).login('alice', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      await env.until('onLoginSuccess');
      function traceCall(call) {
        call.onInviteReceivedByPeer = function (extra) {
          env.trace('onInviteReceivedByPeer', extra);
        };
        call.onInviteAcceptedByPeer = function (extra) {
          env.trace('onInviteAcceptedByPeer', extra);
        };
        call.onInviteFailed = function (extra) {
          var failure = JSON.parse(extra);
          env.trace('onInviteFailed', failure.reason, failure.ecode, call.peeruid);
        };
        call.onInviteMsg = function (extra) {
          env.trace('onInviteMsg', extra);
        };
        return call;
      }

      // bob is not logged in yet.
      var call = traceCall(session.channelInviteUser2('room-1', 'bob', '{"_require_peer_online":1}'));
      await env.until('onInviteFailed');
      await env.barrier('offline-failed');
      await env.barrier('bob-online');
      // The legacy Call re-sends itself; a second call while it rings is ignored.
      call.channelInviteUser2();
      await env.until('onInviteReceivedByPeer');
      call.channelInviteUser2();
      await env.until('onInviteAcceptedByPeer');
      call.channelInviteDTMF('1#');
      await env.barrier('dtmf-sent');
      await env.until('onInviteMsg');
      await env.barrier('dtmf-answered');

      traceCall(session.channelInviteUser2('room-2', 'bob', '{"_timeout":1}'));
      await env.until('onInviteFailed', 2);
      await env.barrier('done');
    },

    async bob(env) {
      // bob stays offline until alice's first invitation has failed.
      await env.barrier('offline-failed');
      var session = Signal(env.appId).login('bob', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      var answered;
      session.onInviteReceived = function (call) {
        env.trace('onInviteReceived', call.peer, call.channelName, call.extra, call.peeruid);
        call.onInviteMsg = function (extra) {
          env.trace('onInviteMsg', call.channelName, extra);
        };
        call.onInviteEndByPeer = function (extra) {
          env.trace('onInviteEndByPeer', call.channelName, extra);
        };
        // room-1 is answered; room-2 rings until the caller's _timeout.
        if (call.channelName === 'room-1') {
          answered = call;
          call.channelInviteAccept('{"ok":1}');
        }
      };
      await env.until('onLoginSuccess');
      await env.barrier('bob-online');
      await env.barrier('dtmf-sent');
      await env.until('onInviteMsg');
      answered.channelInviteDTMF('#');
      await env.barrier('dtmf-answered');
      await env.until('onInviteEndByPeer');
      await env.barrier('done');
    },
  },
};

