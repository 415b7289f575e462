/*
 * The native RTM twin of invite-failures.scenario.mjs: how a migrated app reproduces the legacy failures. RTM has
 * no `_require_peer_online` / `_timeout` keys (ask queryPeersOnlineStatus first; cancel on a timer) and no
 * phone-line DTMF. Run in mixed fleets it also checks that a legacy caller's failures look right to a native
 * callee and the other way round.
 */
export default {
  name: 'invitation failures, re-invite and DTMF (native twin)',
  roles: {
    async alice(env) {
      var client = AgoraRTM.createInstance(env.appId);
      await client.login({ uid: 'alice' });
      env.trace('onLoginSuccess', 0);
      function failed(reason, ecode) {
        env.trace('onInviteFailed', reason, ecode, 0);
      }
      function invite(channelId, content) {
        var invitation = client.createLocalInvitation('bob');
        invitation.channelId = channelId;
        invitation.content = content;
        invitation.on('LocalInvitationReceivedByPeer', () => env.trace('onInviteReceivedByPeer', ''));
        invitation.on('LocalInvitationAccepted', (response) => env.trace('onInviteAcceptedByPeer', response));
        invitation.on('LocalInvitationFailure', (reason) => failed(reason, 700));
        invitation.send();
        return invitation;
      }

      // `_require_peer_online: 1`: check first, fail at once.
      var online = await client.queryPeersOnlineStatus(['bob']);
      if (!online.bob) failed('PEER_OFFLINE', 703);
      await env.barrier('offline-failed');
      await env.barrier('bob-online');
      invite('room-1', '{"_require_peer_online":1}');
      await env.until('onInviteAcceptedByPeer');
      // RTM has no phone lines: the app reports what legacy reported.
      failed('unsupported: channelInviteDTMF (RTM has no phone-line calls)', 700);
      await env.barrier('dtmf-sent');

      // `_timeout: 1`: cancel after a second without an answer.
      var ringing = invite('room-2', '{"_timeout":1}');
      await env.sleep(1000);
      ringing.cancel();
      failed('TIMEOUT', 704);
      await env.barrier('done');
    },

    async bob(env) {
      await env.barrier('offline-failed');
      var client = AgoraRTM.createInstance(env.appId);
      client.on('RemoteInvitationReceived', (call) => {
        env.trace('onInviteReceived', call.callerId, call.channelId, call.content, 0);
        call.on('RemoteInvitationCanceled', (content) => env.trace('onInviteEndByPeer', call.channelId, content));
        if (call.channelId === 'room-1') {
          call.response = '{"ok":1}';
          call.accept();
        }
      });
      await client.login({ uid: 'bob' });
      env.trace('onLoginSuccess', 0);
      await env.barrier('bob-online');
      await env.barrier('dtmf-sent');
      await env.until('onInviteEndByPeer');
      await env.barrier('done');
    },
  },
};
