/* The native RTM twin of invitations.scenario.mjs: the same observable trace, written against AgoraRTM. */
export default {
  name: 'call invitations (native twin)',
  roles: {
    async alice(env) {
      var client = AgoraRTM.createInstance(env.appId);
      await client.login({ uid: 'alice' });
      env.trace('onLoginSuccess', 0);
      await env.barrier('ready');

      var call = client.createLocalInvitation('bob');
      call.channelId = 'room-1';
      call.content = '{"kind":"video"}';
      call.on('LocalInvitationReceivedByPeer', () => env.trace('onInviteReceivedByPeer', ''));
      call.on('LocalInvitationAccepted', (response) => env.trace('onInviteAcceptedByPeer', response));
      call.on('LocalInvitationFailure', (reason) => env.trace('onInviteFailed', reason));
      call.send();
      await env.until('onInviteAcceptedByPeer');
      await env.barrier('accepted');

      var second = client.createLocalInvitation('bob');
      second.channelId = 'room-2';
      second.on('LocalInvitationRefused', (response) => env.trace('onInviteRefusedByPeer', response));
      second.send();
      await env.until('onInviteRefusedByPeer');
      await env.barrier('refused');

      var third = client.createLocalInvitation('bob');
      third.channelId = 'room-3';
      third.on('LocalInvitationReceivedByPeer', () => env.trace('ringing', ''));
      third.on('LocalInvitationCanceled', () => env.trace('onInviteEndByMyself', ''));
      third.send();
      await env.until('ringing');
      third.cancel();
      env.trace('after channelInviteEnd');
      await env.barrier('ended');
    },

    async bob(env) {
      var client = AgoraRTM.createInstance(env.appId);
      client.on('RemoteInvitationReceived', (call) => {
        env.trace('onInviteReceived', call.callerId, call.channelId, call.content);
        if (call.channelId === 'room-1') {
          call.response = '{"ok":1}';
          call.accept();
        } else if (call.channelId === 'room-2') {
          call.response = '{"status":1}';
          call.refuse();
        } else {
          call.on('RemoteInvitationCanceled', (content) => env.trace('onInviteEndByPeer', content));
        }
      });
      await client.login({ uid: 'bob' });
      env.trace('onLoginSuccess', 0);
      await env.barrier('ready');
      await env.barrier('accepted');
      await env.barrier('refused');
      await env.until('onInviteEndByPeer');
      await env.barrier('ended');
    },
  },
};
