/*
 * The channel and user `invoke` functions of legacy-signaling.md §6 that the other scenarios do not reach:
 * channel_query_userlist(_all), channel_set_attr / channel_del_attr / channel_clear_attr (seen by every member
 * through onChannelAttrUpdated) and user_get_attr_all, with their error answers; and `channel.m_channel_msgid`,
 * the last channel message id a Channel object has seen. The member queries and m_channel_msgid stay TODO in the
 * codemod, so the shim run is checked against the exact legacy trace.
 */
function members(list) {
  return list
    .map(function (entry) {
      return entry[0] + ':' + entry[1];
    })
    .sort()
    .join(',');
}

export default {
  name: 'channel invoke functions and channel message ids',
  sides: ['shim'],
  expected: {
    alice: [
      ['onChannelJoined'],
      ['channel_query_userlist', '', 'ok', 2, 'alice:0,bob:0', 'string'],
      ['channel_query_userlist_all', '', 2, 'alice:0,bob:0'],
      ['channel_query_userlist_all num=1', '', 1, 1],
      // RTM lists members only of a channel this session has joined.
      ['channel_query_userlist of another channel', 'unsupported', 'unsupported', 'string'],
      ['onChannelAttrUpdated', 'topic', 'hello', 'update'],
      ['channel_set_attr', '', 'ok'],
      ['onChannelAttrUpdated', 'topic', '', 'del'],
      ['channel_del_attr', '', 'ok'],
      ['onChannelAttrUpdated', 'a', '1', 'update'],
      ['onChannelAttrUpdated', 'b', '2', 'update'],
      ['onChannelAttrUpdated', '', '', 'clear'],
      ['channel_clear_attr', '', 'ok'],
      ['user_get_attr_all', '', 'ok', '{"color":"blue","size":"L"}'],
      ['user_get_attr_all of an offline user', 'user_not_online', 'user_not_online', 'string'],
      ['m_channel_msgid before messages', 0],
      ['onMessageChannelReceive', 'bob', 0, 'one', 1],
      ['onMessageChannelReceive', 'bob', 0, 'two', 2],
      ['onMessageChannelReceive', 'bob', 0, 'three', 11],
    ],
    bob: [
      ['onChannelJoined'],
      ['user_set_attr', '', ''],
      ['onChannelAttrUpdated', 'topic', 'hello', 'update'],
      ['onChannelAttrUpdated', 'topic', '', 'del'],
      ['onChannelAttrUpdated', 'a', '1', 'update'],
      ['onChannelAttrUpdated', 'b', '2', 'update'],
      ['onChannelAttrUpdated', '', '', 'clear'],
      ['m_channel_msgid', 3],
    ],
  },
  roles: {
    async alice(env) {
      var session = Signal(env.appId).login('alice', '_no_need_token');
      session.onLoginSuccess = function () {
        var channel = session.channelJoin('room');
        channel.onChannelJoined = function () {
          env.trace('onChannelJoined');
        };
        channel.onChannelAttrUpdated = function (name, value, type) {
          env.trace('onChannelAttrUpdated', name, value, type);
        };
        channel.onMessageChannelReceive = function (account, uid, msg) {
          env.trace('onMessageChannelReceive', account, uid, msg, channel.m_channel_msgid);
          // An app may reset the id it keeps; later messages count on from there.
          if (msg === 'two') channel.m_channel_msgid = 10;
        };
        session.room = channel;
      };
      await env.until('onChannelJoined');
      await env.barrier('both-joined');

      function invoke(func, args, label, pick) {
        session.invoke('io.agora.signal.' + func, args, function (err, ret) {
          env.trace.apply(null, [label, err].concat(pick(ret)));
        });
        return env.until(label);
      }
      await invoke('channel_query_userlist', { name: 'room' }, 'channel_query_userlist', function (ret) {
        return [ret.result, ret.num, members(ret.list), typeof ret.name];
      });
      await invoke('channel_query_userlist_all', { name: 'room' }, 'channel_query_userlist_all', function (ret) {
        return [ret.num, members(ret.list)];
      });
      await invoke('channel_query_userlist_all', { name: 'room', num: 1 }, 'channel_query_userlist_all num=1', function (ret) {
        return [ret.num, ret.list.length];
      });
      await invoke('channel_query_userlist', { name: 'elsewhere' }, 'channel_query_userlist of another channel', function (ret) {
        return [ret.result, typeof ret.reason];
      });

      await invoke('channel_set_attr', { channel: 'room', name: 'topic', value: 'hello' }, 'channel_set_attr', function (ret) {
        return [ret.result];
      });
      await invoke('channel_del_attr', { channel: 'room', name: 'topic' }, 'channel_del_attr', function (ret) {
        return [ret.result];
      });
      session.invoke('io.agora.signal.channel_set_attr', { channel: 'room', name: 'a', value: '1' });
      await env.until('onChannelAttrUpdated', 3);
      session.invoke('io.agora.signal.channel_set_attr', { channel: 'room', name: 'b', value: '2' });
      await env.until('onChannelAttrUpdated', 4);
      await invoke('channel_clear_attr', { channel: 'room' }, 'channel_clear_attr', function (ret) {
        return [ret.result];
      });
      await env.barrier('attributes-done');

      await invoke('user_get_attr_all', { account: 'bob' }, 'user_get_attr_all', function (ret) {
        return [ret.result, ret.json];
      });
      await invoke('user_get_attr_all', { account: 'carol' }, 'user_get_attr_all of an offline user', function (ret) {
        return [ret.result, typeof ret.reason];
      });

      env.trace('m_channel_msgid before messages', session.room.m_channel_msgid);
      await env.barrier('messages');
      await env.until('onMessageChannelReceive', 3);
      await env.barrier('done');
    },

    async bob(env) {
      var session = Signal(env.appId).login('bob', '_no_need_token');
      var channel;
      session.onLoginSuccess = function () {
        channel = session.channelJoin('room');
        channel.onChannelJoined = function () {
          env.trace('onChannelJoined');
        };
        channel.onChannelAttrUpdated = function (name, value, type) {
          env.trace('onChannelAttrUpdated', name, value, type);
        };
      };
      await env.until('onChannelJoined');
      var args = { name: 'color', value: 'blue' };
      session.invoke('io.agora.signal.user_set_attr', args, function (err) {
        session.invoke('io.agora.signal.user_set_attr', { name: 'size', value: 'L' }, function (err2) {
          env.trace('user_set_attr', err, err2);
        });
      });
      await env.until('user_set_attr');
      await env.barrier('both-joined');
      await env.until('onChannelAttrUpdated', 5);
      await env.barrier('attributes-done');
      await env.barrier('messages');
      // Own messages come back to the sender too, so bob's channel has seen three ids as well.
      channel.messageChannelSend('one');
      channel.messageChannelSend('two');
      channel.messageChannelSend('three', function () {
        env.trace('m_channel_msgid', channel.m_channel_msgid);
      });
      await env.until('m_channel_msgid');
      await env.barrier('done');
    },
  },
};
