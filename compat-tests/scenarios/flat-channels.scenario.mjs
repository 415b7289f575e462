/*
 * Flat-API channels named by ID in every call (legacy-signaling.md §10): a join before login fails
 * (onChannelJoinFailed(ch, 300)), members joining and leaving (onChannelUserJoined/Leaved(account, uid), no
 * channelID), channelQueryUserIsIn for the joined channel and its clear failure for another one (onError), and
 * one channel at a time (joining another leaves the first with 602). A Web-API user shares the channel.
 */
export default {
  name: 'flat API channels: join failure, members, queryUserIsIn',
  expected: {
    host: [
      ['onChannelJoinFailed', 'room', 300],
      ['onLoginSuccess', 0, 0],
      ['onChannelJoined', 'room'],
      ['onChannelUserList', ['host'], [0]],
      ['onChannelUserJoined', 'web', 0],
      ['onChannelUserJoined', 'guest', 0],
      ['onChannelQueryUserIsIn', 'room', 'guest', 1],
      ['onChannelQueryUserIsIn', 'room', 'nobody', 0],
      ['onError', 'channelQueryUserIsIn', 1001],
      ['onChannelUserLeaved', 'web', 0],
      ['onChannelUserLeaved', 'guest', 0],
      ['onChannelLeaved', 'room', 602],
      ['onChannelJoined', 'hall'],
      ['onChannelUserList', ['host'], [0]],
    ],
    web: [
      ['onLoginSuccess', 0],
      ['onChannelJoined'],
      ['onChannelUserJoined', 'guest', 0],
    ],
    guest: [
      ['onLoginSuccess', 0, 0],
      ['onChannelJoined', 'room'],
      ['onChannelUserList', ['guest', 'host', 'web'], [0, 0, 0]],
      ['onChannelLeaved', 'room', 603],
      ['onLogout', 101],
    ],
  },
  roles: {
    async host(env) {
      var api = AgoraAPI.createAgoraSDKInstance(env.appId);
      api.onLoginSuccess = function (uid, fd) {
        env.trace('onLoginSuccess', uid, fd);
      };
      api.onChannelJoined = function (channelID) {
        env.trace('onChannelJoined', channelID);
      };
      api.onChannelJoinFailed = function (channelID, ecode) {
        env.trace('onChannelJoinFailed', channelID, ecode);
      };
      api.onChannelUserList = function (accounts, uids) {
        env.trace('onChannelUserList', accounts.slice().sort(), uids);
      };
      api.onChannelUserJoined = function (account, uid) {
        env.trace('onChannelUserJoined', account, uid);
      };
      api.onChannelUserLeaved = function (account, uid) {
        env.trace('onChannelUserLeaved', account, uid);
      };
      api.onChannelQueryUserIsIn = function (channelID, account, isIn) {
        env.trace('onChannelQueryUserIsIn', channelID, account, isIn);
      };
      api.onError = function (name, ecode) {
        env.trace('onError', name, ecode);
      };
      api.onChannelLeaved = function (channelID, ecode) {
        env.trace('onChannelLeaved', channelID, ecode);
      };
      api.channelJoin('room');
      await env.until('onChannelJoinFailed');
      api.login(env.appId, 'host', '_no_need_token');
      await env.until('onLoginSuccess');
      api.channelJoin('room');
      await env.until('onChannelUserList');
      await env.barrier('host-in');
      await env.until('onChannelUserJoined');
      await env.barrier('web-in');
      await env.until('onChannelUserJoined', 2);
      api.channelQueryUserIsIn('room', 'guest');
      await env.until('onChannelQueryUserIsIn');
      api.channelQueryUserIsIn('room', 'nobody');
      await env.until('onChannelQueryUserIsIn', 2);
      api.channelQueryUserIsIn('elsewhere', 'guest');
      await env.until('onError');
      await env.barrier('queried');
      await env.until('onChannelUserLeaved');
      await env.barrier('web-left');
      await env.until('onChannelUserLeaved', 2);
      // One channel at a time: joining another leaves the first.
      api.channelJoin('hall');
      await env.until('onChannelJoined', 2);
      await env.until('onChannelUserList', 2);
    },

    async web(env) {
      var session = Signal(env.appId).login('web', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      await env.until('onLoginSuccess');
      await env.barrier('host-in');
      var channel = session.channelJoin('room');
      channel.onChannelJoined = function () {
        env.trace('onChannelJoined');
      };
      channel.onChannelUserJoined = function (account, uid) {
        env.trace('onChannelUserJoined', account, uid);
      };
      await env.until('onChannelJoined');
      await env.barrier('web-in');
      await env.until('onChannelUserJoined');
      await env.barrier('queried');
      channel.channelLeave();
      await env.barrier('web-left');
    },

    async guest(env) {
      var api = AgoraAPI.createAgoraSDKInstance(env.appId);
      api.onLoginSuccess = function (uid, fd) {
        env.trace('onLoginSuccess', uid, fd);
      };
      api.onChannelJoined = function (channelID) {
        env.trace('onChannelJoined', channelID);
      };
      api.onChannelUserList = function (accounts, uids) {
        env.trace('onChannelUserList', accounts.slice().sort(), uids);
      };
      api.onChannelLeaved = function (channelID, ecode) {
        env.trace('onChannelLeaved', channelID, ecode);
      };
      api.onLogout = function (ecode) {
        env.trace('onLogout', ecode);
      };
      api.login(env.appId, 'guest', '_no_need_token');
      await env.until('onLoginSuccess');
      await env.barrier('host-in');
      await env.barrier('web-in');
      api.channelJoin('room');
      await env.until('onChannelUserList');
      await env.barrier('queried');
      await env.barrier('web-left');
      // Logging out leaves the channel: onChannelLeaved(ch, 603), then onLogout(101).
      api.logout();
      await env.until('onLogout');
    },
  },
};
