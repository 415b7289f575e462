/*
 * Flat-API calls, identified by channel + account (legacy-signaling.md §10): an accepted call hung up by the
 * caller, a refused call, a ringing call ended by the callee, an invitation to an offline user that requires the
 * peer online (onInviteFailed 703), and an answer to an invitation that does not exist (onError 1004).
 * onInviteEndByMyself fires inside channelInviteEnd(). Runs everywhere (the codemod keeps the calls by channel and
 * account); a flat caller calling a Web-API callee is flat-invitations-web-callee.
 */
export default {
  name: 'flat API invitations: accept, refuse, end, failures',
  expected: {
    caller: [
      ['onLoginSuccess', 0, 0],
      ['onInviteReceivedByPeer', 'call-1', 'callee', 0],
      ['onInviteAcceptedByPeer', 'call-1', 'callee', 0, '{"ok":1}'],
      ['onInviteEndByMyself', 'call-1', 'callee', 0],
      ['after channelInviteEnd'],
      ['onInviteReceivedByPeer', 'call-2', 'callee', 0],
      ['onInviteRefusedByPeer', 'call-2', 'callee', 0, '{"busy":1}'],
      ['onInviteReceivedByPeer', 'call-3', 'callee', 0],
      ['onInviteEndByPeer', 'call-3', 'callee', 0, ''],
      ['onInviteFailed', 'call-4', 'ghost', 0, 703, 'PEER_OFFLINE'],
    ],
    callee: [
      ['onLoginSuccess', 0, 0],
      ['onInviteReceived', 'call-1', 'caller', 0, ''],
      ['onInviteEndByPeer', 'call-1', 'caller', 0, ''],
      ['onInviteReceived', 'call-2', 'caller', 0, '{"kind":"video"}'],
      ['onInviteReceived', 'call-3', 'caller', 0, ''],
      ['onInviteEndByMyself', 'call-3', 'caller', 0],
      ['onError', 'channelInviteAccept', 1004],
    ],
  },
  roles: {
    async caller(env) {
      var api = AgoraAPI.createAgoraSDKInstance(env.appId);
      api.onLoginSuccess = function (uid, fd) {
        env.trace('onLoginSuccess', uid, fd);
      };
      api.onInviteReceivedByPeer = function (channelID, account, uid) {
        env.trace('onInviteReceivedByPeer', channelID, account, uid);
      };
      api.onInviteAcceptedByPeer = function (channelID, account, uid, extra) {
        env.trace('onInviteAcceptedByPeer', channelID, account, uid, extra);
      };
      api.onInviteRefusedByPeer = function (channelID, account, uid, extra) {
        env.trace('onInviteRefusedByPeer', channelID, account, uid, extra);
      };
      api.onInviteFailed = function (channelID, account, uid, ecode, extra) {
        env.trace('onInviteFailed', channelID, account, uid, ecode, JSON.parse(extra).reason);
      };
      api.onInviteEndByPeer = function (channelID, account, uid, extra) {
        env.trace('onInviteEndByPeer', channelID, account, uid, extra);
      };
      api.onInviteEndByMyself = function (channelID, account, uid) {
        env.trace('onInviteEndByMyself', channelID, account, uid);
      };
      api.login(env.appId, 'caller', '_no_need_token');
      await env.until('onLoginSuccess');
      await env.barrier('online');

      api.channelInviteUser('call-1', 'callee', 0);
      await env.until('onInviteAcceptedByPeer');
      api.channelInviteEnd('call-1', 'callee', 0);
      env.trace('after channelInviteEnd');
      await env.barrier('call-1-ended');

      api.channelInviteUser2('call-2', 'callee', '{"kind":"video"}');
      await env.until('onInviteRefusedByPeer');

      api.channelInviteUser2('call-3', 'callee', '');
      await env.until('onInviteReceivedByPeer', 3);
      await env.barrier('call-3-ringing');
      await env.until('onInviteEndByPeer');

      api.channelInviteUser2('call-4', 'ghost', '{"_require_peer_online":1}');
      await env.until('onInviteFailed');

      await env.barrier('done');
    },

    async callee(env) {
      var api = AgoraAPI.createAgoraSDKInstance(env.appId);
      api.onLoginSuccess = function (uid, fd) {
        env.trace('onLoginSuccess', uid, fd);
      };
      api.onInviteReceived = function (channelID, account, uid, extra) {
        env.trace('onInviteReceived', channelID, account, uid, extra);
        if (channelID === 'call-1') api.channelInviteAccept(channelID, account, uid, '{"ok":1}');
        if (channelID === 'call-2') api.channelInviteRefuse(channelID, account, uid, '{"busy":1}');
      };
      api.onInviteEndByPeer = function (channelID, account, uid, extra) {
        env.trace('onInviteEndByPeer', channelID, account, uid, extra);
      };
      api.onInviteEndByMyself = function (channelID, account, uid) {
        env.trace('onInviteEndByMyself', channelID, account, uid);
      };
      api.onError = function (name, ecode) {
        env.trace('onError', name, ecode);
      };
      api.login(env.appId, 'callee', '_no_need_token');
      await env.until('onLoginSuccess');
      await env.barrier('online');
      await env.until('onInviteEndByPeer');
      await env.barrier('call-1-ended');
      await env.barrier('call-3-ringing');
      api.channelInviteEnd('call-3', 'caller', 0);
      // Answering an invitation nobody sent fails clearly.
      api.channelInviteAccept('call-9', 'caller', 0, '');
      await env.until('onError');
      await env.barrier('done');
    },
  },
};
