/*
 * A flat-API caller (legacy-signaling.md §10) calling a Web-API callee who accepts and, after a short talk, hangs
 * up: the Web callee's channelInviteEnd() on an incoming call fires its onInviteEndByMyself('') and reaches the flat
 * caller as onInviteEndByPeer(channelID, account, 0, ''). The codemod leaves the end of an incoming Web call as
 * TODO (RTM has no call or event for the callee ending it), so this runs on the shim against the exact trace.
 */
export default {
  name: 'flat API invitation to a Web callee who hangs up',
  sides: ['shim'],
  expected: {
    caller: [
      ['onLoginSuccess', 0, 0],
      ['onInviteReceivedByPeer', 'call-5', 'web', 0],
      ['onInviteAcceptedByPeer', 'call-5', 'web', 0, ''],
      ['onInviteEndByPeer', 'call-5', 'web', 0, ''],
    ],
    web: [
      ['onLoginSuccess', 0],
      ['onInviteReceived', 'caller', 'call-5', 'ring'],
      ['onInviteEndByMyself', ''],
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
      api.onInviteEndByPeer = function (channelID, account, uid, extra) {
        env.trace('onInviteEndByPeer', channelID, account, uid, extra);
      };
      api.login(env.appId, 'caller', '_no_need_token');
      await env.until('onLoginSuccess');
      await env.barrier('online');
      api.channelInviteUser2('call-5', 'web', 'ring');
      await env.until('onInviteEndByPeer');
      await env.barrier('done');
    },

    async web(env) {
      var session = Signal(env.appId).login('web', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      var incoming;
      session.onInviteReceived = function (call) {
        env.trace('onInviteReceived', call.peer, call.channelName, call.extra);
        call.onInviteEndByMyself = function (extra) {
          env.trace('onInviteEndByMyself', extra);
        };
        call.channelInviteAccept('');
        incoming = call;
      };
      await env.until('onLoginSuccess');
      await env.barrier('online');
      await env.until('onInviteReceived');
      // A short talk, then the Web callee hangs up.
      await env.sleep(200);
      incoming.channelInviteEnd();
      await env.barrier('done');
    },
  },
};
