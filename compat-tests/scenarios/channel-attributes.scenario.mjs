/*
 * Channel attributes as members see them (legacy-signaling.md §4): one onChannelAttrUpdated(name, value, type) per
 * change for every member, the writer included; a member who joins later first gets one 'update' per existing
 * attribute, right after onChannelJoined; clearing several attributes is one 'clear'. The codemod converts this
 * (deliverLegacyChannelAttributes), so it runs everywhere. The writer passes no callbacks to the attribute calls:
 * whether its own cb or its own onChannelAttrUpdated comes first depends on how the transport delivers the
 * reply and the notification (docs/codemod.md), and this scenario pins only what every side guarantees.
 */
export default {
  name: 'channel attributes seen by the writer and by a member who joins later',
  expected: {
    alice: [
      ['onChannelJoined'],
      ['onChannelAttrUpdated', 'topic', 'legacy', 'update'],
      ['onChannelAttrUpdated', 'topic', '', 'del'],
      ['onChannelAttrUpdated', 'a', '1', 'update'],
      ['onChannelAttrUpdated', 'b', '2', 'update'],
      ['onChannelAttrUpdated', '', '', 'clear'],
    ],
    bob: [
      ['onChannelJoined'],
      ['onChannelAttrUpdated', 'topic', 'legacy', 'update'],
      ['onChannelAttrUpdated', 'topic', '', 'del'],
      ['onChannelAttrUpdated', 'a', '1', 'update'],
      ['onChannelAttrUpdated', 'b', '2', 'update'],
      ['onChannelAttrUpdated', '', '', 'clear'],
    ],
  },
  roles: {
    async alice(env) {
      var session = Signal(env.appId).login('alice', '_no_need_token');
      var channel;
      session.onLoginSuccess = function () {
        channel = session.channelJoin('attrs');
        channel.onChannelJoined = function () {
          env.trace('onChannelJoined');
        };
        channel.onChannelAttrUpdated = function (name, value, type) {
          env.trace('onChannelAttrUpdated', name, value, type);
        };
      };
      await env.until('onChannelJoined');
      channel.channelSetAttr('topic', 'legacy');
      await env.until('onChannelAttrUpdated', 1);
      await env.barrier('topic-set');
      await env.barrier('bob-has-topic');
      channel.channelDelAttr('topic');
      await env.until('onChannelAttrUpdated', 2);
      channel.channelSetAttr('a', '1');
      await env.until('onChannelAttrUpdated', 3);
      channel.channelSetAttr('b', '2');
      await env.until('onChannelAttrUpdated', 4);
      channel.channelClearAttr();
      await env.until('onChannelAttrUpdated', 5);
      await env.barrier('done');
    },

    async bob(env) {
      await env.barrier('topic-set');
      var session = Signal(env.appId).login('bob', '_no_need_token');
      session.onLoginSuccess = function () {
        var channel = session.channelJoin('attrs');
        channel.onChannelJoined = function () {
          env.trace('onChannelJoined');
        };
        channel.onChannelAttrUpdated = function (name, value, type) {
          env.trace('onChannelAttrUpdated', name, value, type);
        };
      };
      await env.until('onChannelAttrUpdated', 1);
      await env.barrier('bob-has-topic');
      await env.until('onChannelAttrUpdated', 5);
      await env.barrier('done');
    },
  },
};
