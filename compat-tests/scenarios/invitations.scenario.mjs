/* A legacy caller and callee: an accepted call, a refused call, and a call the caller ends while it rings. */
export default {
  name: 'call invitations',
  roles: {
    async alice(env) {
      var session = Signal(env.appId).login('alice', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      await env.until('onLoginSuccess');
      await env.barrier('ready');

      var call = session.channelInviteUser2('room-1', 'bob', '{"kind":"video"}');
      call.onInviteReceivedByPeer = function (extra) {
        env.trace('onInviteReceivedByPeer', extra);
      };
      call.onInviteAcceptedByPeer = function (extra) {
        env.trace('onInviteAcceptedByPeer', extra);
      };
      call.onInviteFailed = function (extra) {
        env.trace('onInviteFailed', extra);
      };
      await env.until('onInviteAcceptedByPeer');
      await env.barrier('accepted');

      var second = session.channelInviteUser2('room-2', 'bob', '');
      second.onInviteRefusedByPeer = function (extra) {
        env.trace('onInviteRefusedByPeer', extra);
      };
      await env.until('onInviteRefusedByPeer');
      await env.barrier('refused');

      var third = session.channelInviteUser2('room-3', 'bob', '');
      third.onInviteReceivedByPeer = function (extra) {
        env.trace('ringing', extra);
      };
      third.onInviteEndByMyself = function (extra) {
        env.trace('onInviteEndByMyself', extra);
      };
      await env.until('ringing');
      third.channelInviteEnd();
      env.trace('after channelInviteEnd');
      await env.barrier('ended');
    },

    async bob(env) {
      var session = Signal(env.appId).login('bob', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      session.onInviteReceived = function (call) {
        env.trace('onInviteReceived', call.peer, call.channelName, call.extra);
        if (call.channelName === 'room-1') {
          call.channelInviteAccept('{"ok":1}');
        } else if (call.channelName === 'room-2') {
          call.channelInviteRefuse('{"status":1}');
        } else {
          call.onInviteEndByPeer = function (extra) {
            env.trace('onInviteEndByPeer', extra);
          };
        }
      };
      await env.until('onLoginSuccess');
      await env.barrier('ready');
      await env.barrier('accepted');
      await env.barrier('refused');
      await env.until('onInviteEndByPeer');
      await env.barrier('ended');
    },
  },
};
