/*
 * The channel-attribute invoke functions (channel_set_attr / channel_del_attr / channel_clear_attr) and
 * channel_query_num, which the codemod converts to RTM calls: their callbacks must look the same converted, on the
 * shim, and in mixed fleets. (channel-invoke.scenario.mjs checks what members see of these changes on the shim.)
 */
export default {
  name: 'channel attribute invoke functions',
  roles: {
    async alice(env) {
      var session = Signal(env.appId).login('alice', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      await env.until('onLoginSuccess');
      await env.barrier('bob-in-room');
      session.invoke('io.agora.signal.channel_query_num', { name: 'room' }, function (err, ret) {
        env.trace('channel_query_num', err, ret.result, ret.num);
      });
      await env.until('channel_query_num');
      session.invoke('io.agora.signal.channel_set_attr', { channel: 'room', name: 'topic', value: 'hello' }, function (err, ret) {
        env.trace('channel_set_attr', err, ret.result);
      });
      await env.until('channel_set_attr');
      session.invoke('io.agora.signal.channel_del_attr', { channel: 'room', name: 'topic' }, function (err, ret) {
        env.trace('channel_del_attr', err, ret.result);
      });
      await env.until('channel_del_attr');
      session.invoke('io.agora.signal.channel_set_attr', { channel: 'room', name: 'a', value: '1' }, function (err) {
        env.trace('channel_set_attr', err);
      });
      await env.until('channel_set_attr', 2);
      session.invoke('io.agora.signal.channel_clear_attr', { channel: 'room' }, function (err, ret) {
        env.trace('channel_clear_attr', err, ret.result);
      });
      await env.until('channel_clear_attr');
      await env.barrier('done');
    },

    async bob(env) {
      var session = Signal(env.appId).login('bob', '_no_need_token');
      session.onLoginSuccess = function (uid) {
        env.trace('onLoginSuccess', uid);
      };
      await env.until('onLoginSuccess');
      var channel = session.channelJoin('room');
      channel.onChannelJoined = function () {
        env.trace('onChannelJoined');
      };
      await env.until('onChannelJoined');
      await env.barrier('bob-in-room');
      await env.barrier('done');
    },
  },
};
