/*
 * Flat-API attributes (legacy-signaling.md §10): user attributes (setAttr with no result callback, '' deletes;
 * getAttr / getAttrAll for oneself, getUserAttr / getUserAttrAll for another user) and channel attributes
 * (channelSetAttr / channelDelAttr / channelClearAttr with no result callback: every member, the writer included,
 * gets onChannelAttrUpdated(ch, name, value, type); a joiner gets the existing ones after its user list).
 * An Android-style reader (callbackSet) and a Web-API member share the channel.
 */
function sortedJson(valueJSON) {
  var value = JSON.parse(valueJSON);
  return Object.keys(value).sort().map(function (key) {
    return key + '=' + value[key];
  });
}

export default {
  name: 'flat API attributes: user and channel attributes',
  sides: ['shim'],
  expected: {
    alice: [
      ['onLoginSuccess', 0, 0],
      ['onUserAttrResult', 'alice', 'color', 'blue'],
      ['onUserAttrAllResult', 'alice', ['color=blue', 'mood=happy']],
      ['onUserAttrResult', 'alice', 'mood', ''],
      ['onChannelJoined', 'board'],
      ['onChannelAttrUpdated', 'board', 'topic', 'news', 'update'],
      ['onChannelAttrUpdated', 'board', 'owner', 'alice', 'update'],
      ['onChannelAttrUpdated', 'board', 'pinned', 'yes', 'update'],
      ['onChannelAttrUpdated', 'board', 'owner', '', 'del'],
      ['onChannelAttrUpdated', 'board', '', '', 'clear'],
    ],
    bob: [
      ['onLoginSuccess', 0, 0],
      ['onUserAttrResult', 'alice', 'color', 'blue'],
      ['onUserAttrAllResult', 'alice', ['color=blue']],
      ['onChannelJoined', 'board'],
      ['onChannelUserList', ['alice', 'bob'], [0, 0]],
      ['onChannelAttrUpdated', 'board', 'topic', 'news', 'update'],
      ['onChannelAttrUpdated', 'board', 'owner', 'alice', 'update'],
      ['onChannelAttrUpdated', 'board', 'pinned', 'yes', 'update'],
      ['onChannelAttrUpdated', 'board', 'owner', '', 'del'],
      ['onChannelAttrUpdated', 'board', '', '', 'clear'],
    ],
    web: [
      ['onLoginSuccess', 0],
      ['onChannelJoined'],
      ['onChannelAttrUpdated', 'topic', 'news', 'update'],
      ['onChannelAttrUpdated', 'owner', 'alice', 'update'],
      ['onChannelAttrUpdated', 'pinned', 'yes', 'update'],
      ['onChannelAttrUpdated', 'owner', '', 'del'],
      ['onChannelAttrUpdated', '', '', 'clear'],
    ],
  },
  roles: {
    async alice(env) {
      var api = AgoraAPI.createAgoraSDKInstance(env.appId);
      api.onLoginSuccess = function (uid, fd) {
        env.trace('onLoginSuccess', uid, fd);
      };
      api.onUserAttrResult = function (account, name, value) {
        env.trace('onUserAttrResult', account, name, value);
      };
      api.onUserAttrAllResult = function (account, valueJSON) {
        env.trace('onUserAttrAllResult', account, sortedJson(valueJSON));
      };
      api.onChannelJoined = function (channelID) {
        env.trace('onChannelJoined', channelID);
      };
      api.onChannelAttrUpdated = function (channelID, name, value, type) {
        env.trace('onChannelAttrUpdated', channelID, name, value, type);
      };
      api.onError = function (name, ecode) {
        env.trace('onError', name, ecode);
      };
      api.login(env.appId, 'alice', '_no_need_token');
      await env.until('onLoginSuccess');
      api.setAttr('color', 'blue');
      api.setAttr('mood', 'happy');
      api.getAttr('color');
      await env.until('onUserAttrResult');
      api.getAttrAll();
      await env.until('onUserAttrAllResult');
      api.setAttr('mood', '');
      api.getAttr('mood');
      await env.until('onUserAttrResult', 2);
      await env.barrier('user-attrs-set');
      await env.barrier('user-attrs-read');
      api.channelJoin('board');
      await env.until('onChannelJoined');
      api.channelSetAttr('board', 'topic', 'news');
      await env.until('onChannelAttrUpdated');
      api.channelSetAttr('board', 'owner', 'alice');
      await env.until('onChannelAttrUpdated', 2);
      await env.barrier('attrs-set');
      await env.barrier('bob-joined');
      await env.barrier('members-joined');
      api.channelSetAttr('board', 'pinned', 'yes');
      await env.until('onChannelAttrUpdated', 3);
      await env.barrier('pinned');
      api.channelDelAttr('board', 'owner');
      await env.until('onChannelAttrUpdated', 4);
      await env.barrier('deleted');
      api.channelClearAttr('board');
      await env.until('onChannelAttrUpdated', 5);
      await env.barrier('cleared');
    },

    async bob(env) {
      var api = AgoraAPI.createAgoraSDKInstance(env.appId);
      api.callbackSet({
        onLoginSuccess: function (uid, fd) {
          env.trace('onLoginSuccess', uid, fd);
        },
        onUserAttrResult: function (account, name, value) {
          env.trace('onUserAttrResult', account, name, value);
        },
        onUserAttrAllResult: function (account, valueJSON) {
          env.trace('onUserAttrAllResult', account, sortedJson(valueJSON));
        },
        onChannelJoined: function (channelID) {
          env.trace('onChannelJoined', channelID);
        },
        onChannelUserList: function (accounts, uids) {
          env.trace('onChannelUserList', accounts.slice().sort(), uids);
        },
        onChannelAttrUpdated: function (channelID, name, value, type) {
          env.trace('onChannelAttrUpdated', channelID, name, value, type);
        },
      });
      api.login(env.appId, 'bob', '_no_need_token');
      await env.until('onLoginSuccess');
      await env.barrier('user-attrs-set');
      api.getUserAttr('alice', 'color');
      await env.until('onUserAttrResult');
      api.getUserAttrAll('alice');
      await env.until('onUserAttrAllResult');
      await env.barrier('user-attrs-read');
      await env.barrier('attrs-set');
      api.channelJoin('board');
      await env.until('onChannelAttrUpdated', 2);
      await env.barrier('bob-joined');
      await env.barrier('members-joined');
      await env.until('onChannelAttrUpdated', 3);
      await env.barrier('pinned');
      await env.until('onChannelAttrUpdated', 4);
      await env.barrier('deleted');
      await env.until('onChannelAttrUpdated', 5);
      await env.barrier('cleared');
    },

    async web(env) {
      var session = Signal(env.appId).login('web', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      await env.until('onLoginSuccess');
      await env.barrier('user-attrs-set');
      await env.barrier('user-attrs-read');
      await env.barrier('attrs-set');
      await env.barrier('bob-joined');
      var channel = session.channelJoin('board');
      channel.onChannelJoined = function () {
        env.trace('onChannelJoined');
      };
      channel.onChannelAttrUpdated = function (name, value, type) {
        env.trace('onChannelAttrUpdated', name, value, type);
      };
      await env.until('onChannelAttrUpdated', 2);
      await env.barrier('members-joined');
      await env.until('onChannelAttrUpdated', 3);
      await env.barrier('pinned');
      await env.until('onChannelAttrUpdated', 4);
      await env.barrier('deleted');
      await env.until('onChannelAttrUpdated', 5);
      await env.barrier('cleared');
    },
  },
};
