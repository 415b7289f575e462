/*
 * DTMF on a call between a Web-API caller and a flat-API callee (legacy-signaling.md §5 and §10): the Web
 * call.channelInviteDTMF(dtmf) sent while ringing and after the accept reaches the flat callee as
 * onInviteMsg(channelID, account, uid, 'dtmf', dtmf, extra) with the legacy extra `{"msgtype":"dtmf","msgdata":…}`.
 * Once the callee has hung up, a further DTMF fires nothing anywhere (the ordinary message sent after it is the
 * callee's next event). The trace is pinned (`expected`) and compared with the converted code and mixed fleets.
 */
export default {
  name: 'DTMF from a Web caller to a flat callee',
  expected: {
    caller: [
      ['onLoginSuccess', 0],
      ['onInviteReceivedByPeer', ''],
      ['onInviteAcceptedByPeer', ''],
      ['onInviteEndByPeer', ''],
    ],
    callee: [
      ['onLoginSuccess', 0, 0],
      ['onInviteReceived', 'dtmf-1', 'web-caller', 0, ''],
      ['onInviteMsg', 'dtmf-1', 'web-caller', 0, 'dtmf', '1', '{"msgtype":"dtmf","msgdata":"1"}'],
      ['onInviteMsg', 'dtmf-1', 'web-caller', 0, 'dtmf', '2#', '{"msgtype":"dtmf","msgdata":"2#"}'],
      ['onInviteEndByMyself', 'dtmf-1', 'web-caller', 0],
      ['onMessageInstantReceive', 'web-caller', 0, 'after the call'],
    ],
  },
  roles: {
    async caller(env) {
      var session = Signal(env.appId).login('web-caller', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      await env.until('onLoginSuccess');
      await env.barrier('online');
      var call = session.channelInviteUser2('dtmf-1', 'flat-callee', '');
      call.onInviteReceivedByPeer = function (extra) {
        env.trace('onInviteReceivedByPeer', extra);
      };
      call.onInviteAcceptedByPeer = function (extra) {
        env.trace('onInviteAcceptedByPeer', extra);
      };
      call.onInviteEndByPeer = function (extra) {
        env.trace('onInviteEndByPeer', extra);
      };
      await env.until('onInviteReceivedByPeer');
      call.channelInviteDTMF('1');
      await env.until('onInviteAcceptedByPeer');
      call.channelInviteDTMF('2#');
      await env.until('onInviteEndByPeer');
      call.channelInviteDTMF('3');
      session.messageInstantSend('flat-callee', 'after the call');
      await env.barrier('done');
    },

    async callee(env) {
      var api = AgoraAPI.createAgoraSDKInstance(env.appId);
      api.onLoginSuccess = function (uid, fd) {
        env.trace('onLoginSuccess', uid, fd);
      };
      api.onInviteReceived = function (channelID, account, uid, extra) {
        env.trace('onInviteReceived', channelID, account, uid, extra);
      };
      api.onInviteMsg = function (channelID, account, uid, msgType, msgData, extra) {
        env.trace('onInviteMsg', channelID, account, uid, msgType, msgData, extra);
      };
      api.onInviteEndByMyself = function (channelID, account, uid) {
        env.trace('onInviteEndByMyself', channelID, account, uid);
      };
      api.onMessageInstantReceive = function (account, uid, msg) {
        env.trace('onMessageInstantReceive', account, uid, msg);
      };
      api.login(env.appId, 'flat-callee', '_no_need_token');
      await env.until('onLoginSuccess');
      await env.barrier('online');
      await env.until('onInviteMsg');
      api.channelInviteAccept('dtmf-1', 'web-caller', 0, '');
      await env.until('onInviteMsg', 2);
      api.channelInviteEnd('dtmf-1', 'web-caller', 0);
      await env.until('onMessageInstantReceive');
      await env.barrier('done');
    },
  },
};
